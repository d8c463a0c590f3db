// The environment the entry point sees: the AMZN_BRAKET_* variables the Braket
// job container sets (names as in amazon-braket-sdk-python's local mode,
// braket/jobs/local/local_job_container_setup.py, and the container's
// braket_container.py), paths pointing into the job's workspace, and
// credentials for the job's role issued by the stand-in's STS, with the
// stand-in's endpoints, so an SDK inside the job talks to the stand-in too.
import { posix } from 'node:path'
import type { StandInState } from '../core/state.js'
import { ENDPOINT_VARIABLES } from '../stand-in.js'
import { parseS3Uri } from '../stores/object-store.js'
import type { ContainerJobSpec } from './container-job-spec.js'
import type { ContainerWorkspace } from './container-workspace.js'

/** Stand-in only: the per-job equivalent of /opt/ml/output/failure. */
export const FAILURE_FILE_VARIABLE = 'BRAKET_STAND_IN_FAILURE_FILE'
/** Stand-in only: the unpacked source, the container's customer_code/extracted. */
export const CODE_DIR_VARIABLE = 'BRAKET_STAND_IN_CODE_DIR'

/** The job's role credentials last 12 hours, the longest an STS role session may: more than any local run needs. */
const ROLE_SESSION_SECONDS = 12 * 60 * 60

/** Variables of the stand-in's own process that must not leak into a job (its credentials, its OIDC token). */
const NOT_INHERITED = /^(AWS_|AMZN_BRAKET_|ACTIONS_ID_TOKEN_|BRAKET_STAND_IN_)/

export function containerEnvironment(
  state: StandInState,
  spec: ContainerJobSpec,
  workspace: ContainerWorkspace,
  jobToken?: string
): Record<string, string> {
  const inherited: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !NOT_INHERITED.test(name)) inherited[name] = value

  const output = parseS3Uri(spec.outputS3Path)
  const bucket = output?.bucket ?? ''
  const sessionName = `BraketJob-${spec.jobName}`.slice(0, 64)
  const role = state.credentials.issueForRole(spec.roleArn, sessionName, ROLE_SESSION_SECONDS)

  const env: Record<string, string> = {
    ...inherited,
    PYTHONUNBUFFERED: '1',
    AWS_REGION: state.options.region,
    AWS_DEFAULT_REGION: state.options.region,
    AWS_ACCESS_KEY_ID: role.accessKeyId,
    AWS_SECRET_ACCESS_KEY: role.secretAccessKey,
    AWS_SESSION_TOKEN: role.sessionToken ?? '',
    AWS_EC2_METADATA_DISABLED: 'true',
    AMZN_BRAKET_JOB_NAME: spec.jobName,
    AMZN_BRAKET_DEVICE_ARN: spec.deviceArn,
    AMZN_BRAKET_SCRIPT_S3_URI: spec.scriptS3Uri,
    AMZN_BRAKET_SCRIPT_ENTRY_POINT: spec.entryPoint,
    AMZN_BRAKET_HP_FILE: workspace.hyperparametersFile,
    AMZN_BRAKET_INPUT_DIR: workspace.inputDataDir,
    AMZN_BRAKET_JOB_RESULTS_DIR: workspace.resultsDir,
    AMZN_BRAKET_CHECKPOINT_DIR: workspace.checkpointDir,
    AMZN_BRAKET_OUT_S3_BUCKET: bucket,
    AMZN_BRAKET_TASK_RESULTS_S3_URI: `s3://${bucket}/jobs/${spec.jobName}/tasks`,
    AMZN_BRAKET_JOB_RESULTS_S3_PATH: posix.join(output?.key ?? '', spec.jobName, 'output'),
    [CODE_DIR_VARIABLE]: workspace.codeDir,
    [FAILURE_FILE_VARIABLE]: workspace.failureFile
  }
  if (spec.compressionType !== undefined) env.AMZN_BRAKET_SCRIPT_COMPRESSION_TYPE = spec.compressionType
  // CreateQuantumTask's jobToken: tasks created with it belong to the job (and are billed to it).
  if (jobToken !== undefined) env.AMZN_BRAKET_JOB_TOKEN = jobToken
  for (const [service, variable] of Object.entries(ENDPOINT_VARIABLES)) {
    const endpoint = state.endpoints[service as keyof typeof ENDPOINT_VARIABLES]
    if (endpoint) env[variable] = endpoint
  }
  return env
}
