// CancelJob, at most once per run of the action, whoever asks first: a timeout,
// SIGINT, then SIGTERM a few seconds later.
import * as core from '@actions/core'
import { CancelJobCommand, type BraketClient } from '@aws-sdk/client-braket'
import { logText } from '../common/untrusted.js'
import { awsCallError, callFailure, type AwsCall } from '../aws/aws-call.js'

export type CancelReason = 'timeout' | 'workflow-cancel' | 'cost-cap'

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

  /** The cancel this run asked for, if it asked. */
  get attempted(): Promise<CancelAttempt> | undefined {
    return this.attempt
  }

  cancel(reason: CancelReason, why: string): Promise<CancelAttempt> {
    this.attempt ??= this.send(reason, why)
    return this.attempt
  }

  private async send(reason: CancelReason, why: string): Promise<CancelAttempt> {
    core.info(`${why}: cancelling ${logText(this.jobArn)}`)
    const call: AwsCall = { service: 'Braket', operation: 'CancelJob', target: this.jobArn, permission: 'braket:CancelJob' }
    try {
      const response = await this.braket.send(new CancelJobCommand({ jobArn: this.jobArn }))
      const status = response.cancellationStatus ?? 'CANCELLING'
      core.info(`CancelJob accepted: the job is ${logText(status)}.`)
      return { reason, cancellationStatus: status }
    } catch (error) {
      const failure = callFailure(error)
      const text = `${failure.code}: ${failure.message}`
      // ConflictException: it ended on its own meanwhile; nothing left to stop.
      if (failure.code === 'ConflictException') core.info(`CancelJob: ${logText(text)}`)
      else
        core.error(
          awsCallError(call, error, { advice: 'It may still be running: cancel it in the Braket console (Hybrid jobs → Cancel).' }).message,
          { title: 'Amazon Braket hybrid job' }
        )
      return { reason, error: text }
    }
  }
}
