// copy-checkpoints-from-job and resume: a job that starts from the checkpoints of
// an earlier one (a given job, or the previous run attempt's job that failed).
import type { RawInputs } from './action-inputs.js'
import { readJobArn } from './job-arn.js'
import { parseBoolean, type Report } from './parse-input.js'

export interface CheckpointSection {
  /** The job whose checkpoints the new job starts from. */
  copyCheckpointsFromJob?: string
  /** On a re-run that replaces a FAILED or CANCELLED job, start from that job's checkpoints. */
  resume: boolean
}

export function readCheckpointSection(raw: RawInputs, report: Report): CheckpointSection {
  const copyCheckpointsFromJob = raw['copy-checkpoints-from-job'] || undefined
  if (copyCheckpointsFromJob) readJobArn('copy-checkpoints-from-job', copyCheckpointsFromJob, report)
  const resume = parseBoolean('resume', raw.resume, report)
  if (resume && raw['client-token'] !== '') {
    report({
      input: 'resume',
      message:
        'is true, but client-token is set: with an explicit token every run attempt gets the same job back, so a re-run never ' +
        'submits a fresh job to resume into. Remove client-token (the derived token is per attempt), or resume.'
    })
  }
  return { ...(copyCheckpointsFromJob ? { copyCheckpointsFromJob } : {}), resume }
}

/** run-on-runner has no credentials: another job's checkpoints in S3 cannot be read (checkpoints start empty on the runner). */
export function checkCheckpointsOnRunner(checkpoints: CheckpointSection, runOnRunner: boolean, report: Report): void {
  if (!runOnRunner || checkpoints.copyCheckpointsFromJob === undefined) return
  report({
    input: 'copy-checkpoints-from-job',
    message:
      'is set, but run-on-runner is true: the job on the runner calls no AWS API, so it cannot read that job’s checkpoints in S3. ' +
      'Leave copy-checkpoints-from-job empty when the job runs on the runner (its checkpoints start empty there).'
  })
}
