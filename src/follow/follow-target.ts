// The job the action follows, described by what following and reporting need:
// for a job this step submitted, from the spec and CreateJob's answer.
import type { DeviceSummary } from '../aws/braket-submission.js'
import type { JobSpec } from '../inputs/job-spec.js'
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
