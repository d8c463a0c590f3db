// The per-job directory that stands in for the Braket job container's
// filesystem (/opt/ml, /opt/braket): under the stand-in's data directory, or
// under RUNNER_TEMP when the action runs the job on the runner.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

export interface ContainerWorkspace {
  root: string
  /** customer_code/original: the source object as downloaded. */
  originalCodeDir: string
  /** customer_code/extracted: on sys.path and the working directory (the container's EXTRACTED_CUSTOMER_CODE_PATH). */
  codeDir: string
  /** input/config/hyperparameters.json (AMZN_BRAKET_HP_FILE). */
  hyperparametersFile: string
  /** input/data, one folder per channel (AMZN_BRAKET_INPUT_DIR). */
  inputDataDir: string
  /** model: what ends up in output/model.tar.gz (AMZN_BRAKET_JOB_RESULTS_DIR). */
  resultsDir: string
  /** checkpoints (AMZN_BRAKET_CHECKPOINT_DIR), synced with checkpointConfig.s3Uri. */
  checkpointDir: string
  /** output/failure: the container's /opt/ml/output/failure. */
  failureFile: string
  /** Where the launcher is written: a folder of its own, since a script's folder is sys.path[0]. */
  launcherDir: string
}

export async function createWorkspace(root: string): Promise<ContainerWorkspace> {
  const workspace: ContainerWorkspace = {
    root,
    originalCodeDir: join(root, 'code', 'customer_code', 'original'),
    codeDir: join(root, 'code', 'customer_code', 'extracted'),
    hyperparametersFile: join(root, 'input', 'config', 'hyperparameters.json'),
    inputDataDir: join(root, 'input', 'data'),
    resultsDir: join(root, 'model'),
    checkpointDir: join(root, 'checkpoints'),
    failureFile: join(root, 'output', 'failure'),
    launcherDir: join(root, 'launcher')
  }
  for (const dir of [
    workspace.originalCodeDir,
    workspace.codeDir,
    join(root, 'input', 'config'),
    workspace.inputDataDir,
    workspace.resultsDir,
    workspace.checkpointDir,
    join(root, 'output'),
    workspace.launcherDir
  ]) {
    await mkdir(dir, { recursive: true })
  }
  return workspace
}

export async function removeWorkspace(workspace: ContainerWorkspace): Promise<void> {
  await rm(workspace.root, { recursive: true, force: true })
}
