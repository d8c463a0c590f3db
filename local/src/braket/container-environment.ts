// What the stand-in adds to the container's environment (src/runner sets the
// AMZN_BRAKET_* variables that point into the workspace): the S3 locations of
// the job (names and rules as in the Braket SDK's local mode,
// braket/jobs/local/local_job_container_setup.py), credentials for the job's
// role issued by the stand-in's STS, and the stand-in's endpoints, so an SDK
// inside the job talks to the stand-in too.
import { posix } from 'node:path'
import { inheritedEnvironment } from '../../../src/runner/container-environment.js'
import type { StandInState } from '../core/state.js'
import { ENDPOINT_VARIABLES } from '../stand-in.js'
import { parseS3Uri } from '../stores/object-store.js'
import type { ContainerJobSpec } from './container-job-spec.js'

/** The job's role credentials last 12 hours, the longest an STS role session may: more than any local run needs. */
const ROLE_SESSION_SECONDS = 12 * 60 * 60

export function standInEnvironment(state: StandInState, spec: ContainerJobSpec, jobToken?: string): Record<string, string> {
  const output = parseS3Uri(spec.outputS3Path)
  const bucket = output?.bucket ?? ''
  const sessionName = `BraketJob-${spec.jobName}`.slice(0, 64)
  const role = state.credentials.issueForRole(spec.roleArn, sessionName, ROLE_SESSION_SECONDS)

  const env: Record<string, string> = {
    ...inheritedEnvironment(process.env),
    AWS_REGION: state.options.region,
    AWS_DEFAULT_REGION: state.options.region,
    AWS_ACCESS_KEY_ID: role.accessKeyId,
    AWS_SECRET_ACCESS_KEY: role.secretAccessKey,
    AWS_SESSION_TOKEN: role.sessionToken ?? '',
    AWS_EC2_METADATA_DISABLED: 'true',
    AMZN_BRAKET_SCRIPT_S3_URI: spec.scriptS3Uri,
    AMZN_BRAKET_OUT_S3_BUCKET: bucket,
    AMZN_BRAKET_TASK_RESULTS_S3_URI: `s3://${bucket}/jobs/${spec.jobName}/tasks`,
    AMZN_BRAKET_JOB_RESULTS_S3_PATH: posix.join(output?.key ?? '', spec.jobName, 'output')
  }
  // CreateQuantumTask's jobToken: tasks created with it belong to the job (and are billed to it).
  if (jobToken !== undefined) env.AMZN_BRAKET_JOB_TOKEN = jobToken
  for (const [service, variable] of Object.entries(ENDPOINT_VARIABLES)) {
    const endpoint = state.endpoints[service as keyof typeof ENDPOINT_VARIABLES]
    if (endpoint) env[variable] = endpoint
  }
  return env
}
