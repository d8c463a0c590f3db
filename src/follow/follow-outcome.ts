// What the followed job's end means for the step: success, or a failure that says
// what happened and who did it. Pure.
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import { formatDuration } from '../report/format.js'
import type { CancelAttempt } from './job-canceller.js'
import type { WatchEnd } from './watch-job.js'

export interface FollowOutcome {
  jobArn: string
  jobName: string
  consoleUrl: string
  /** The last GetJob answer. */
  job: GetJobCommandOutput
  end: WatchEnd
  cancel?: CancelAttempt
  /** The first signal of a workflow cancellation. */
  signal?: string
  waitTimeoutMinutes: number
  cancelOnWorkflowCancel: boolean
}

export interface Verdict {
  ok: boolean
  status: string
  /** One sentence for the step log, the failure and the summary. */
  message: string
}

export function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms / 1000)
}

/** Running time, start to end (or to now when it has not ended). */
export function runSeconds(job: GetJobCommandOutput, now: number): number | undefined {
  if (!job.startedAt) return undefined
  return Math.max(0, Math.round(((job.endedAt?.getTime() ?? now) - job.startedAt.getTime()) / 1000))
}

const minutes = (value: number) => `${value} minute${value === 1 ? '' : 's'}`

export function verdictOf(outcome: FollowOutcome, now: number): Verdict {
  const { job, jobName } = outcome
  const status = job.status ?? 'UNKNOWN'
  const ran = runSeconds(job, now)
  const billable = seconds(job.billableDuration)
  const timing =
    ran !== undefined ? ` after ${formatDuration(ran)}${billable !== undefined ? ` (billable ${formatDuration(billable)})` : ''}` : ''

  if (outcome.end === 'timeout') {
    if (outcome.cancel) {
      const state = outcome.cancel.cancellationStatus
        ? `this action cancelled it (cancel-on-timeout); it is ${status}`
        : `cancelling it failed (${outcome.cancel.error}); it was last ${status}`
      return {
        ok: false,
        status,
        message: `Job ${jobName} did not end within wait-timeout-minutes (${minutes(outcome.waitTimeoutMinutes)}): ${state}.`
      }
    }
    return {
      ok: false,
      status,
      message:
        `Job ${jobName} is still ${status} after wait-timeout-minutes (${minutes(outcome.waitTimeoutMinutes)}). It was left ` +
        `running (cancel-on-timeout: false): pick it up later with a step that has job-arn: ${outcome.jobArn} (the step is in ` +
        `the log and the summary), or follow it at ${outcome.consoleUrl}`
    }
  }
  if (outcome.end === 'workflow-cancel') {
    const by = `the workflow run was cancelled${outcome.signal ? ` (${outcome.signal})` : ''}`
    if (!outcome.cancelOnWorkflowCancel)
      return {
        ok: false,
        status,
        message:
          `Stopped following job ${jobName}: ${by}. It was left ${status} (cancel-on-workflow-cancel: false); follow it at ` +
          `${outcome.consoleUrl}`
      }
    if (outcome.cancel?.cancellationStatus)
      return { ok: false, status, message: `Job ${jobName} was cancelled by this action because ${by}; it is ${status}${timing}.` }
    return {
      ok: false,
      status,
      message:
        `${by[0]!.toUpperCase()}${by.slice(1)}, but cancelling job ${jobName} failed (${outcome.cancel?.error ?? 'no answer'}); ` +
        `it was last ${status}. Check ${outcome.consoleUrl}`
    }
  }
  switch (status) {
    case 'COMPLETED':
      return { ok: true, status, message: `Job ${jobName} completed${timing}.` }
    case 'FAILED':
      return { ok: false, status, message: `Job ${jobName} failed${timing}: ${job.failureReason ?? 'Braket gave no failureReason'}` }
    case 'CANCELLED':
      if (outcome.cancel?.reason === 'cost-cap')
        return {
          ok: false,
          status,
          message: `Job ${jobName} was cancelled by this action: its estimated cost reached max-cost-usd${timing}.`
        }
      return {
        ok: false,
        status,
        message:
          `Job ${jobName} was cancelled by someone else, not by this action (in the Braket console, or by a CancelJob ` + `call)${timing}.`
      }
    default:
      return { ok: false, status, message: `Job ${jobName} ended the wait in an unexpected status ${status}.` }
  }
}
