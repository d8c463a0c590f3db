// The polling loop: GetJob with a settling backoff until the job ends, the wait
// times out, or the workflow run is cancelled. Throttling and blips are tolerated;
// only a run of failures (or a non-transient one) gives up.
import * as core from '@actions/core'
import { GetJobCommand, type BraketClient, type GetJobCommandOutput } from '@aws-sdk/client-braket'
import { isTransient } from '../aws/retry.js'
import type { Clock } from './clock.js'
import { TERMINAL_STATUSES } from './job-progress.js'
import { PollSchedule, type PollIntervals } from './poll-schedule.js'
import { errorName } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import { AWS_HEALTH_DASHBOARD, awsCallError, callFailure, describeFailure } from '../aws/aws-call.js'
import { getJobCall } from '../aws/braket-submission.js'

export type WatchEnd = 'job-ended' | 'timeout' | 'workflow-cancel'

export interface WatchResult {
  end: WatchEnd
  /** The last GetJob answer. */
  job: GetJobCommandOutput
}

export interface WatchOptions {
  braket: BraketClient
  jobArn: string
  clock: Clock
  intervals: PollIntervals
  /** Epoch ms to stop waiting at. */
  deadline: number
  /** Aborted when the workflow run is cancelled. */
  abort: AbortSignal
  /** Called with every answer, before the loop decides anything. */
  onJob(job: GetJobCommandOutput): Promise<void>
  /** A tighter interval while this returns true (e.g. while log lines stream). */
  busy?(job: GetJobCommandOutput): boolean
}

/** Consecutive GetJob failures (each already retried by the SDK) before the follower gives up. */
const MAX_CONSECUTIVE_FAILURES = 8
const BUSY_INTERVAL_MS = 10_000

export async function getJob(braket: BraketClient, jobArn: string, abortSignal?: AbortSignal): Promise<GetJobCommandOutput> {
  return braket.send(new GetJobCommand({ jobArn, additionalAttributeNames: ['QueueInfo'] }), abortSignal ? { abortSignal } : {})
}

const aborted = (error: unknown) => errorName(error) === 'AbortError'

export async function watchJob(options: WatchOptions): Promise<WatchResult> {
  const schedule = new PollSchedule(options.intervals)
  let last: GetJobCommandOutput | undefined
  let failures = 0
  for (;;) {
    if (options.abort.aborted && last) return { end: 'workflow-cancel', job: last }
    try {
      const job = await getJob(options.braket, options.jobArn, last ? options.abort : undefined)
      if (failures > 0) core.info(`GetJob answers again after ${failures} failed ${failures === 1 ? 'try' : 'tries'}.`)
      failures = 0
      if (job.status !== last?.status) schedule.reset()
      last = job
      await options.onJob(job)
      if (TERMINAL_STATUSES.has(job.status ?? '')) return { end: 'job-ended', job }
    } catch (error) {
      if (aborted(error) && last) return { end: 'workflow-cancel', job: last }
      failures += 1
      if (!isTransient(error)) throw awsCallError(getJobCall(options.jobArn), error)
      if (failures >= MAX_CONSECUTIVE_FAILURES)
        throw awsCallError(getJobCall(options.jobArn), error, {
          advice:
            `${failures} polls in a row failed, each retried by the SDK: the job may still be running. Look for it in the Braket ` +
            `console; if GetJob keeps failing, look for Braket in your region on the AWS Health Dashboard (${AWS_HEALTH_DASHBOARD}).`
        })
      core.warning(`Braket GetJob ${describeFailure(callFailure(error))}; trying again.`)
    }
    if (options.abort.aborted && last) return { end: 'workflow-cancel', job: last }
    const now = options.clock.now()
    if (now >= options.deadline && last) return { end: 'timeout', job: last }
    const cap = last && options.busy?.(last) ? BUSY_INTERVAL_MS : undefined
    await options.clock.sleep(Math.max(0, Math.min(schedule.next(cap), options.deadline - now)), options.abort)
  }
}

/**
 * After a cancel: polls until the job has ended or `withinMs` passed, for the
 * final status to report. Never throws; the last answer is what it is.
 */
export async function awaitEnd(
  options: Pick<WatchOptions, 'braket' | 'jobArn' | 'clock' | 'intervals' | 'onJob'>,
  last: GetJobCommandOutput,
  withinMs: number
): Promise<GetJobCommandOutput> {
  const until = options.clock.now() + withinMs
  const schedule = new PollSchedule({
    initialMs: Math.min(options.intervals.initialMs, 1000),
    maxMs: Math.min(options.intervals.maxMs, 5000)
  })
  let job = last
  while (!TERMINAL_STATUSES.has(job.status ?? '')) {
    const now = options.clock.now()
    if (now >= until) break
    await options.clock.sleep(Math.min(schedule.next(), until - now))
    try {
      job = await getJob(options.braket, options.jobArn)
      await options.onJob(job)
    } catch (error) {
      core.info(
        `Braket GetJob after cancelling ${describeFailure(callFailure(error))}; the last status seen was ${logText(job.status ?? '')}.`
      )
      break
    }
  }
  return job
}
