// The environment the entry point sees: the AMZN_BRAKET_* variables the Braket
// job container sets (names as in the container's braket_container.py and the
// Braket SDK's braket/jobs/environment_variables.py), pointing into the job's
// workspace, on top of the caller's environment less what must not reach a job.
import { CODE_DIR_VARIABLE, FAILURE_FILE_VARIABLE } from './container-launcher.js'
import type { ContainerWorkspace } from './container-workspace.js'

/** What the container knows of the job, from the CreateJob request (or the action's plan). */
export interface ContainerJob {
  jobName: string
  /** `module` or `module:function`. */
  entryPoint: string
  deviceArn: string
  hyperParameters: Record<string, string>
  /** As sent; absent means NONE. */
  compressionType?: string
}

/**
 * Never handed to a job: credentials and tokens (AWS, the OIDC request token, the runner's own), the action's
 * inputs (the GitHub token among them), its state, and the workflow-command files a job could write steps'
 * outputs or environment through.
 */
const NOT_INHERITED_PREFIX = /^(AWS_|AMZN_BRAKET_|ACTIONS_|BRAKET_CONTAINER_|BRAKET_STAND_IN_|INPUT_|STATE_)/
const NOT_INHERITED_NAME = /^GITHUB_(TOKEN|OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/

export function inheritedEnvironment(source: NodeJS.ProcessEnv): Record<string, string> {
  const inherited: Record<string, string> = {}
  for (const [name, value] of Object.entries(source))
    if (value !== undefined && !NOT_INHERITED_PREFIX.test(name) && !NOT_INHERITED_NAME.test(name)) inherited[name] = value
  return inherited
}

/** The container's own variables for this job and workspace. */
export function containerVariables(job: ContainerJob, workspace: ContainerWorkspace): Record<string, string> {
  const variables: Record<string, string> = {
    PYTHONUNBUFFERED: '1',
    AMZN_BRAKET_JOB_NAME: job.jobName,
    AMZN_BRAKET_DEVICE_ARN: job.deviceArn,
    AMZN_BRAKET_SCRIPT_ENTRY_POINT: job.entryPoint,
    AMZN_BRAKET_HP_FILE: workspace.hyperparametersFile,
    AMZN_BRAKET_INPUT_DIR: workspace.inputDataDir,
    AMZN_BRAKET_JOB_RESULTS_DIR: workspace.resultsDir,
    AMZN_BRAKET_CHECKPOINT_DIR: workspace.checkpointDir,
    [CODE_DIR_VARIABLE]: workspace.codeDir,
    [FAILURE_FILE_VARIABLE]: workspace.failureFile
  }
  if (job.compressionType !== undefined) variables.AMZN_BRAKET_SCRIPT_COMPRESSION_TYPE = job.compressionType
  return variables
}
