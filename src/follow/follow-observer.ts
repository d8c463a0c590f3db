// What other concerns (the experiment record and comparison, the running cost,
// the job's quantum tasks) learn from following, without the follow loop knowing
// them: every GetJob answer, and the settled end before it is reported.
import * as core from '@actions/core'
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import { describeError } from '../common/errors.js'
import type { FollowReport } from './follow-report.js'
import type { CancelAttempt, CancelReason } from './job-canceller.js'

/** What an observer may do to the job: cancel it (once per run of the action, whoever asks first). */
export interface FollowControl {
  cancel(reason: CancelReason, why: string): Promise<CancelAttempt>
}

export interface FollowObserver {
  /** What it adds, for a warning when it fails: "experiment record", "cost". */
  readonly name: string
  /** Every GetJob answer while following, after the follower has handled it. */
  onJob?(job: GetJobCommandOutput, control: FollowControl): Promise<void>
  /** The job's fate is settled; called before the outcome is reported. A returned text fails the step after the report. */
  onEnd?(report: FollowReport): Promise<EndNote | void>
}

export interface EndNote {
  /** Fails the step with this message, even though the job itself may have COMPLETED. */
  failure?: string
}

/** Every observer's answer to the same event, in order; one observer's failure never stops the others'. */
export async function notifyEnd(observers: readonly FollowObserver[], report: FollowReport): Promise<string[]> {
  const failures: string[] = []
  for (const observer of observers) {
    try {
      const note = await observer.onEnd?.(report)
      if (note?.failure) failures.push(note.failure)
    } catch (error) {
      // What an observer adds is a courtesy; the job's own outcome is reported regardless.
      core.warning(`Could not finish the report of the job's ${observer.name}: ${describeError(error)}`)
    }
  }
  return failures
}

export async function notifyJob(observers: readonly FollowObserver[], job: GetJobCommandOutput, control: FollowControl): Promise<void> {
  for (const observer of observers) await observer.onJob?.(job, control)
}
