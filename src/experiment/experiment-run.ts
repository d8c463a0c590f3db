// This run as an experiment: its record written at submission, completed once the
// outcome is known (moving latest-completed.json when the job COMPLETED), and its
// baseline found and compared with it. Records are a courtesy: a failed read or
// write is a warning that says which call failed and what to do, never a failed step.
import * as core from '@actions/core'
import type { BraketClient } from '@aws-sdk/client-braket'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { S3Client } from '@aws-sdk/client-s3'
import { awsCallError } from '../aws/aws-call.js'
import { logText } from '../common/untrusted.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { runUrl, type RunIdentity } from '../plan/run-identity.js'
import type { SubmissionOutputs } from '../report/submission-report.js'
import { submittedRecord, withOutcome, type JobOutcome } from './build-record.js'
import { compareRuns, type Comparison } from './comparison.js'
import { findBaseline, type StoredRecord } from './find-baseline.js'
import { advancePointer } from './pointer.js'
import { readJobOutcome, type SpendOf } from './read-job-outcome.js'
import { outcomeKnown, type ExperimentRecord } from './record.js'
import { recordKey, refFolder } from './record-keys.js'
import { failedCallText, lostRace, RecordStore, type RecordBucket } from './record-store.js'
import { chooseBaseline, runSubject, type BaselineChoice, type EventPayload } from './run-subject.js'
import { slug } from './experiment-name.js'

export interface ExperimentContext {
  spec: JobSpec
  identity: RunIdentity
  env: NodeJS.ProcessEnv
  payload: EventPayload
  s3: S3Client
  braket: BraketClient
  /** For the metrics of a baseline job nobody waited for. */
  logs: () => CloudWatchLogsClient
  bucket: RecordBucket
  now: () => Date
  /** The final cost and tasks of a baseline job nobody waited for. */
  spendOf?: SpendOf
}

export type BaselineOutcome =
  { kind: 'compared'; comparison: Comparison; baseline: ExperimentRecord } | { kind: 'none'; branch?: string; reason: string }

const PERMISSIONS = 's3:GetObject, s3:PutObject and s3:ListBucket'

export class ExperimentRun {
  private record: ExperimentRecord
  private written = false

  private constructor(
    private readonly context: ExperimentContext,
    private readonly store: RecordStore,
    readonly folder: string,
    readonly key: string,
    record: ExperimentRecord
  ) {
    this.record = record
  }

  /** Writes the submitted job's record. */
  static async begin(context: ExperimentContext, submitted: SubmissionOutputs): Promise<ExperimentRun> {
    const { spec, identity } = context
    const subject = runSubject(identity, context.env, context.payload)
    const now = context.now()
    const folder = refFolder(spec.prefix, spec.experiment, subject.ref)
    const key = recordKey(folder, now.getTime(), slug(identity.runId), identity.runAttempt)
    const record = submittedRecord(spec, identity, subject, submitted, now)
    const run = new ExperimentRun(context, new RecordStore(context.s3, context.bucket), folder, key, record)
    await run.save('write the experiment record')
    if (run.written) core.info(logText(`Experiment ${spec.experiment}: recorded this run at ${run.uri(key)}`, 1000))
    return run
  }

  get current(): ExperimentRecord {
    return this.record
  }

  private uri(key: string): string {
    return `s3://${this.context.bucket.bucket}/${key}`
  }

  /** A failed S3 call, named (RecordStore's awsCall), with what to do: the job goes on. */
  private warn(what: string, error: unknown): void {
    const prefix = `s3://${this.context.bucket.bucket}/${this.context.spec.prefix ? `${this.context.spec.prefix}/` : ''}experiments/*`
    const advice =
      `The job is not affected. Comparing runs needs ${PERMISSIONS} on ${prefix} in the role's policy (the README lists them); ` +
      `re-running is safe.`
    core.warning(logText(`Could not ${what}: ${failedCallText(error)}. ${advice}`, 2000), { title: 'experiment' })
  }

  private async save(what: string): Promise<void> {
    try {
      await this.store.write(this.key, this.record)
      this.written = true
    } catch (error) {
      this.warn(what, error)
    }
  }

  /** Records the outcome (or the last status seen, when the wait timed out); moves the pointer when the job COMPLETED. */
  async complete(outcome: JobOutcome): Promise<ExperimentRecord> {
    this.record = withOutcome(this.record, outcome, runUrl(this.context.identity), this.context.now())
    await this.save('complete the experiment record')
    if (this.written && this.record.status === 'COMPLETED' && this.record.createdAt) {
      try {
        await advancePointer(this.store, this.folder, this.key, this.record, this.context.now())
      } catch (error) {
        this.warn('move the latest-completed pointer', error)
      }
    }
    return this.record
  }

  /** The baseline this run is compared with, completing records of jobs nobody waited for on the way. */
  async compare(): Promise<BaselineOutcome> {
    const { identity, env, payload, spec } = this.context
    const choice = chooseBaseline(identity, runSubject(identity, env, payload), env, payload, spec.comparison.baselineRef)
    if (!choice)
      return {
        kind: 'none',
        reason:
          `the ${identity.eventName || 'current'} event names no branch to compare with; set baseline-ref to the branch ` +
          'whose runs count'
      }
    try {
      const found = await findBaseline({
        store: this.store,
        folder: refFolder(spec.prefix, spec.experiment, choice.ref),
        eligible: (record) => this.eligible(record, choice),
        complete: (stored) => this.completeOther(stored),
        warn: (message) => core.warning(logText(message, 2000), { title: 'experiment' }),
        now: this.context.now
      })
      if (!found.found) return { kind: 'none', branch: choice.branch, reason: this.noBaselineReason(choice, found.pending) }
      if (found.completedNow)
        core.info(
          logText(`Baseline: recorded the outcome of ${found.record.job.name} (${found.record.status}) at ${this.uri(found.key)}`, 1000)
        )
      return { kind: 'compared', baseline: found.record, comparison: compareRuns(this.record, found.record, choice.why, spec.comparison) }
    } catch (error) {
      this.warn(`read the baseline's records of branch ${choice.branch}`, error)
      return { kind: 'none', branch: choice.branch, reason: `its records could not be read (${failedCallText(error)})` }
    }
  }

  /** Not this run's own job; on this run's own branch only earlier runs. */
  private eligible(record: ExperimentRecord, choice: BaselineChoice): boolean {
    if (record.job.arn === this.record.job.arn) return false
    return choice.ref !== this.record.ref || record.submittedAt < this.record.submittedAt
  }

  private noBaselineReason(choice: BaselineChoice, pending: ExperimentRecord[]): string {
    const [newest] = pending
    const waiting = newest ? ` (its newest run's job ${newest.job.name} is still ${newest.status})` : ''
    return `no run of experiment ${this.context.spec.experiment} on ${choice.branch} has completed yet${waiting}`
  }

  /** A record whose outcome nobody wrote: read it from Braket and the job's log, and record it. */
  private async completeOther(stored: StoredRecord): Promise<ExperimentRecord> {
    let outcome: JobOutcome
    try {
      outcome = await readJobOutcome(this.context.braket, this.context.logs(), stored.record, this.context.spendOf)
    } catch (error) {
      const call = { service: 'Braket' as const, operation: 'GetJob', target: stored.record.job.arn, permission: 'braket:GetJob' }
      core.warning(logText(`Could not read the baseline job's outcome: ${awsCallError(call, error).message}`, 2000), {
        title: 'experiment'
      })
      return stored.record
    }
    const record = withOutcome(stored.record, outcome, runUrl(this.context.identity), this.context.now())
    if (!outcomeKnown(record)) return record
    try {
      await this.store.write(stored.key, record, { ifMatch: stored.etag })
    } catch (error) {
      // Another run recorded it first: same job, same outcome.
      if (!lostRace(error)) this.warn("complete the baseline's experiment record", error)
    }
    return record
  }
}
