// The job's checkpoint directory (AMZN_BRAKET_CHECKPOINT_DIR) kept in step with
// checkpointConfig.s3Uri, as the Braket job container (SageMaker) keeps it:
// filled from S3 before the entry point starts, and every new or changed file
// uploaded while it runs and once more at its end, so a job that fails or is
// stopped half-way leaves what it saved for the next job to resume from.
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../../../src/common/errors.js'
import { ContainerSetupError, type CheckpointStore } from '../../../src/runner/container-run.js'
import type { StandInState } from '../core/state.js'
import { restoreCheckpoints } from './container-inputs.js'
import type { ContainerJobSpec } from './container-job-spec.js'
import { fileVersion, uploadCheckpoints } from './container-outputs.js'

/** How often the directory is synced while the entry point runs. */
export const CHECKPOINT_SYNC_MS = 500

export function checkpointSync(state: StandInState, spec: ContainerJobSpec): CheckpointStore {
  // What S3 holds already, by file name: restored files are not uploaded back unless the job changes them.
  const synced = new Map<string, string>()
  return {
    syncEveryMs: CHECKPOINT_SYNC_MS,
    async restore(workspace) {
      for (const name of await restoreCheckpoints(state.objects, spec, workspace))
        synced.set(name, fileVersion(await lstat(join(workspace.checkpointDir, name))))
    },
    async save(workspace) {
      try {
        await uploadCheckpoints(state, spec.checkpointS3Uri, workspace.checkpointDir, synced)
      } catch (error) {
        throw new ContainerSetupError(`Unable to upload checkpoints to ${spec.checkpointS3Uri}.\nException: ${errorMessage(error)}`)
      }
    }
  }
}
