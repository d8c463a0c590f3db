// job-arn, attach and logs-since: follow a job that was submitted elsewhere (an
// earlier job of the workflow, another workflow) instead of submitting one. Inputs
// that only shape a submission are refused then, so nobody believes they applied.
import { INPUT_NAMES, type InputName, type RawInputs } from './action-inputs.js'
import { isGiven } from './input-defaults.js'
import { readJobArn } from './job-arn.js'
import { shownValue, type Report } from './parse-input.js'

/** The inputs that mean something for a job this step did not submit: credentials, which job, following it. */
export const ATTACH_INPUTS: ReadonlySet<InputName> = new Set<InputName>([
  ...(['aws-region', 'role-to-assume', 'audience', 'role-session-name', 'role-duration-seconds'] as const),
  ...(['job-arn', 'attach', 'logs-since', 'experiment', 'idempotency-key'] as const),
  ...(['wait', 'wait-timeout-minutes', 'cancel-on-timeout', 'cancel-on-workflow-cancel', 'stream-logs'] as const),
  ...(['download-results', 'comment-on-pr', 'github-token'] as const)
])

export interface AttachSection {
  /** The job to follow; undefined with attach: latest, which finds it. */
  jobArn?: string
  /** attach: latest — the newest job of the experiment. */
  latest: boolean
  /** Epoch ms from which the job's log is read (CloudWatch startTime); undefined: from its start. */
  logsSince?: number
}

/** The step follows an existing job rather than submitting one. */
export function attachRequested(raw: RawInputs): boolean {
  return raw['job-arn'] !== '' || raw.attach !== ''
}

/** ISO 8601: a date, or a date and time with its zone (a time without one would depend on the runner's clock settings). */
const ISO_TIME = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d))?$/

export function readAttachSection(raw: RawInputs, now: number, report: Report): AttachSection {
  const jobArn = raw['job-arn'] || undefined
  if (jobArn) readJobArn('job-arn', jobArn, report)
  const attach = raw.attach
  if (attach !== '' && attach !== 'latest') {
    report({
      input: 'attach',
      message: `${shownValue(attach)} is not allowed: give latest (the newest job of the experiment), or leave it empty.`
    })
  } else if (attach === 'latest' && jobArn) {
    report({
      input: 'attach',
      message: 'is latest, but job-arn is set too: give one of them (job-arn follows that job; attach: latest finds the newest job).'
    })
  }
  const how = jobArn ? 'job-arn' : 'attach: latest'
  for (const name of INPUT_NAMES) {
    if (ATTACH_INPUTS.has(name) || !isGiven(name, raw[name])) continue
    report({
      input: name,
      message:
        `is for submitting a job, but ${how} is set: this step follows a job that was submitted elsewhere and submits nothing. ` +
        `Remove ${name}, or remove ${how} to submit a job.`
    })
  }
  const logsSince = readLogsSince(raw['logs-since'], now, report)
  return { ...(jobArn ? { jobArn } : {}), latest: attach === 'latest', ...(logsSince !== undefined ? { logsSince } : {}) }
}

function readLogsSince(text: string, now: number, report: Report): number | undefined {
  if (text === '') return undefined
  if (text === 'now') return now
  const time = ISO_TIME.test(text) ? Date.parse(text.replace(' ', 'T')) : NaN
  if (Number.isNaN(time)) {
    report({
      input: 'logs-since',
      message: `${shownValue(text)} is not allowed: give an ISO 8601 time with its zone, such as 2025-01-02T03:04:05Z, or now.`
    })
    return undefined
  }
  return time
}

/** For a job this step submits: the inputs that only apply to an attached job. */
export function checkNotAttachOnly(raw: RawInputs, report: Report): void {
  if (raw['logs-since'] === '') return
  report({
    input: 'logs-since',
    message: "is for a job followed with job-arn or attach; a job this step submits is followed from its log's start."
  })
}
