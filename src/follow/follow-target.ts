// The job the action follows, described by what following and reporting need:
// for a job this step submitted, from the spec and CreateJob's answer; for a job
// submitted elsewhere (job-arn, attach), from GetJob's.
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { DeviceSummary } from '../aws/braket-submission.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { jobConsoleUrl } from '../report/console-url.js'
import type { SubmissionOutputs } from '../report/submission-report.js'
import type { FollowedJob } from './log-follower.js'

export interface FollowTarget extends FollowedJob {
  consoleUrl: string
  outputS3Path: string
  /** The status when following starts (CreateJob's, for a submitted job). */
  status: string
  /** The device as people know it, e.g. "Amazon SV1 (arn:aws:braket:::device/quantum-simulator/amazon/sv1)". */
  deviceLabel: string
  instanceType: string
  /** The job was submitted elsewhere and this step follows it (job-arn, attach). */
  attached?: true
}

export function submittedTarget(spec: JobSpec, submitted: SubmissionOutputs, device?: DeviceSummary): FollowTarget {
  return {
    jobArn: submitted['job-arn'],
    jobName: submitted['job-name'],
    consoleUrl: submitted['console-url'],
    outputS3Path: submitted['output-s3-path'],
    status: submitted.status,
    deviceLabel: device ? `${device.providerName} ${device.deviceName} (${spec.device})` : spec.device,
    instanceType: spec.instanceType,
    instanceCount: spec.instanceCount
  }
}

export function attachedTarget(job: GetJobCommandOutput & { jobArn: string }, region: string, logsSince?: number): FollowTarget {
  return {
    jobArn: job.jobArn,
    jobName: job.jobName ?? job.jobArn.split('/').pop() ?? job.jobArn,
    consoleUrl: jobConsoleUrl(region, job.jobArn),
    outputS3Path: job.outputDataConfig?.s3Path ?? '',
    status: job.status ?? 'UNKNOWN',
    deviceLabel: job.deviceConfig?.device ?? 'unknown device',
    instanceType: job.instanceConfig?.instanceType ?? 'unknown instance type',
    instanceCount: job.instanceConfig?.instanceCount ?? 1,
    attached: true,
    ...(logsSince !== undefined ? { logsSince } : {})
  }
}
