// CancelJob, at most once per run of the action, whoever asks first: a timeout,
// SIGINT, then SIGTERM a few seconds later.
import * as core from '@actions/core'
import { CancelJobCommand, type BraketClient } from '@aws-sdk/client-braket'
import { describeError, errorName } from '../common/errors.js'

export type CancelReason = 'timeout' | 'workflow-cancel'

export interface CancelAttempt {
  reason: CancelReason
  /** CANCELLING or CANCELLED when Braket took it; undefined when it did not. */
  cancellationStatus?: string
  /** Why Braket did not take it (e.g. the job had ended already). */
  error?: string
}

export class JobCanceller {
  private attempt?: Promise<CancelAttempt>

  constructor(
    private readonly braket: BraketClient,
    private readonly jobArn: string
  ) {}

  get requested(): boolean {
    return this.attempt !== undefined
  }

  cancel(reason: CancelReason, why: string): Promise<CancelAttempt> {
    this.attempt ??= this.send(reason, why)
    return this.attempt
  }

  private async send(reason: CancelReason, why: string): Promise<CancelAttempt> {
    core.info(`${why}: cancelling ${this.jobArn}`)
    try {
      const response = await this.braket.send(new CancelJobCommand({ jobArn: this.jobArn }))
      core.info(`CancelJob accepted: the job is ${response.cancellationStatus ?? 'CANCELLING'}.`)
      return { reason, cancellationStatus: response.cancellationStatus ?? 'CANCELLING' }
    } catch (error) {
      const text = describeError(error)
      // ConflictException: it ended on its own meanwhile; nothing left to stop.
      if (errorName(error) === 'ConflictException') core.info(`CancelJob: ${text}`)
      else
        core.error(`Could not cancel ${this.jobArn}: ${text}. It may still be running: cancel it in the Braket console.`, {
          title: 'Amazon Braket hybrid job'
        })
      return { reason, error: text }
    }
  }
}
