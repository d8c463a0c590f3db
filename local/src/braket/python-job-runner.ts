// Execute mode: runs a hybrid job's entry point on this machine the way the
// Braket job container does, with the action's container imitation
// (src/runner/container-run.ts). What is the stand-in's own: the source comes
// from its S3, the job's output becomes log lines in its CloudWatch Logs, the
// results directory goes to <outputDataConfig.s3Path>/output/model.tar.gz and
// the checkpoints synced with checkpointConfig.s3Uri, and the job runs as its role with
// credentials from its STS. requirements.txt files are not installed here.
import { join } from 'node:path'
import { errorMessage } from '../../../src/common/errors.js'
import { FAILURE_FILE_VARIABLE } from '../../../src/runner/container-launcher.js'
import { ContainerSetupError, runContainerJob, type InterpreterSetup } from '../../../src/runner/container-run.js'
import { requirementsFiles } from '../../../src/runner/requirements-files.js'
import type { StandInState } from '../core/state.js'
import { standInEnvironment } from './container-environment.js'
import { checkpointSync } from './checkpoint-sync.js'
import { downloadChannels, installSource } from './container-inputs.js'
import { readJobSpec } from './container-job-spec.js'
import { uploadResults } from './container-outputs.js'

export { FAILURE_FILE_VARIABLE }

export interface JobRunContext {
  state: StandInState
  jobArn: string
  /** The UUID part of the job ARN. */
  jobId: string
  jobName: string
  /** The CreateJob request body. */
  request: Record<string, unknown>
  /** `<jobName>/<uuid>/`: where the job's log streams live in /aws/braket/jobs. */
  logStreamPrefix: string
  /** Appends lines to the log stream of instance `instance` (1-based). */
  appendLog(instance: number, lines: string[]): void
}

export interface JobRunOutcome {
  outcome: 'COMPLETED' | 'FAILED'
  failureReason?: string
}

export interface JobRun {
  /** Stops the entry point: SIGTERM to its process group, SIGKILL after a short grace. */
  cancel(): void
  /** Settles once the process is gone, results are uploaded and the workspace removed; never rejects. */
  finished: Promise<JobRunOutcome>
}

/** SageMaker allows 120 s between SIGTERM and SIGKILL; locally a short grace is enough. */
export const CANCEL_GRACE_MS = 2000

export const CANCELLED_REASON = 'The job was cancelled.'

/** The host's python, with a note for each requirements.txt: the stand-in installs none. */
function hostPython(python: string): InterpreterSetup {
  return async (workspace, _start, log) => {
    log(['Checking for Additional Requirements'])
    for (const file of await requirementsFiles(workspace.codeDir)) log([`${file}: not installed by the local stand-in`])
    log(['Additional Requirements Check Finished'])
    return python
  }
}

export function runPythonJob(context: JobRunContext): JobRun {
  const { state } = context
  const log = (lines: string[]) => context.appendLog(1, lines)
  const read = readJobSpec(context.request, context.jobName)
  if (!read.ok) {
    log([read.reason])
    return { cancel: () => undefined, finished: Promise.resolve({ outcome: 'FAILED', failureReason: read.reason }) }
  }
  const spec = read.spec
  const run = runContainerJob({
    job: spec,
    workspaceRoot: join(state.options.dataDir, 'job-workspaces', context.jobId),
    storage: {
      installCode: async (workspace) => void (await installSource(state.objects, spec, workspace)),
      provideInputs: async (workspace) => void (await downloadChannels(state.objects, spec, workspace)),
      saveResults: async (workspace) => {
        try {
          await uploadResults(state, spec.outputS3Path, workspace.resultsDir)
        } catch (error) {
          throw new ContainerSetupError(`Unable to upload results to ${spec.outputS3Path}.\nException: ${errorMessage(error)}`)
        }
      },
      checkpoints: checkpointSync(state, spec)
    },
    interpreter: hostPython(state.options.python),
    environment: () => standInEnvironment(state, spec, state.jobs.get(context.jobArn)?.jobToken),
    onLines: log,
    stopGraceMs: CANCEL_GRACE_MS
  })
  return {
    cancel: () => run.stop(CANCELLED_REASON),
    finished: run.finished.then(({ outcome, failureReason }) => (failureReason === undefined ? { outcome } : { outcome, failureReason }))
  }
}
