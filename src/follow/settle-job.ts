// After the watch: a wait that timed out or a workflow run that was cancelled
// decides the job's fate — cancelled (once), or left running on purpose — and
// waits a little for the final status to report.
import * as core from '@actions/core'
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { FollowSpec } from '../inputs/follow-section.js'
import { logText } from '../common/untrusted.js'
import type { CancelAttempt, JobCanceller } from './job-canceller.js'
import { awaitEnd, type WatchOptions, type WatchResult } from './watch-job.js'

/** After a workflow cancel the runner sends SIGTERM ~7.5 s after SIGINT: the job's end is awaited only this long. */
const SETTLE_AFTER_SIGNAL_MS = 4_000
/** After cancelling on timeout there is time left in the job (340 of GitHub's 360 minutes, by default). */
const SETTLE_AFTER_TIMEOUT_MS = 120_000

export interface Settled {
  job: GetJobCommandOutput
  cancel?: CancelAttempt
  /** The first signal of a workflow cancellation. */
  signal?: string
}

export interface SettleOptions {
  watched: WatchResult
  follow: Pick<FollowSpec, 'cancelOnTimeout' | 'cancelOnWorkflowCancel' | 'waitTimeoutMinutes'>
  canceller: JobCanceller
  /** The signal that ended the watch, if one did. */
  signal?: string
  /** For polling the job to its end after a cancel. */
  poll: Pick<WatchOptions, 'braket' | 'jobArn' | 'clock' | 'intervals' | 'onJob'>
}

export async function settleJob(options: SettleOptions): Promise<Settled> {
  const { watched, follow, canceller, poll } = options
  const job = watched.job
  if (watched.end === 'timeout' && follow.cancelOnTimeout) {
    const cancel = await canceller.cancel('timeout', `Still ${job.status} after wait-timeout-minutes (${follow.waitTimeoutMinutes})`)
    return { job: cancel.cancellationStatus ? await awaitEnd(poll, job, SETTLE_AFTER_TIMEOUT_MS) : job, cancel }
  }
  // The job ended by itself, or after a cancel asked for while watching (max-cost-usd).
  if (watched.end !== 'workflow-cancel') return { job, ...(canceller.attempted ? { cancel: await canceller.attempted } : {}) }
  const signal = options.signal
  if (!follow.cancelOnWorkflowCancel) {
    core.info(
      `The workflow run was cancelled (${signal}); leaving ${poll.jobArn} ${logText(job.status ?? '')} (cancel-on-workflow-cancel: false).`
    )
    return { job, ...(signal ? { signal } : {}) }
  }
  const cancel = await canceller.cancel('workflow-cancel', `The workflow run was cancelled (${signal})`)
  return {
    job: cancel.cancellationStatus ? await awaitEnd(poll, job, SETTLE_AFTER_SIGNAL_MS) : job,
    cancel,
    ...(signal ? { signal } : {})
  }
}
