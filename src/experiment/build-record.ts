// A run's experiment record: written as submitted, then completed with the job's
// outcome (by this run when it waits, or by a later run that needs a baseline).
// Pure.
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { JobSpec } from '../inputs/job-spec.js'
import { runUrl, type RunIdentity } from '../plan/run-identity.js'
import type { SubmissionOutputs } from '../report/submission-report.js'
import {
  ENDED_STATUSES,
  RECORD_SCHEMA,
  RECORD_SCHEMA_VERSION,
  type ExperimentRecord,
  type RecordCost,
  type RecordMetrics,
  type RecordTasks
} from './record.js'
import type { RunSubject } from './run-subject.js'

/** results.json as the summary shows it, cut to what a record should carry. */
const MAX_RESULTS_EXCERPT = 4000

export function submittedRecord(
  spec: JobSpec,
  identity: RunIdentity,
  subject: RunSubject,
  submitted: SubmissionOutputs,
  submittedAt: Date
): ExperimentRecord {
  return {
    schema: RECORD_SCHEMA,
    schemaVersion: RECORD_SCHEMA_VERSION,
    experiment: spec.experiment,
    repository: identity.repository,
    ref: subject.ref,
    branch: subject.branch,
    sha: subject.sha,
    run: {
      id: identity.runId,
      attempt: identity.runAttempt,
      url: runUrl(identity),
      event: identity.eventName,
      workflow: identity.workflow
    },
    job: {
      arn: submitted['job-arn'],
      name: submitted['job-name'],
      consoleUrl: submitted['console-url'],
      device: spec.device,
      instanceType: spec.instanceType,
      instanceCount: spec.instanceCount,
      volumeSizeGb: spec.volumeSizeInGb,
      maxRuntimeSeconds: spec.maxRuntimeInSeconds,
      hyperParameters: { ...spec.hyperParameters },
      image: spec.imageUri,
      ...(spec.reservationArn ? { reservationArn: spec.reservationArn } : {})
    },
    status: submitted.status,
    submittedAt: submittedAt.toISOString(),
    metrics: { final: {}, range: {}, series: [] }
  }
}

export interface JobOutcome {
  /** The last GetJob answer. */
  job: GetJobCommandOutput
  metrics: RecordMetrics
  resultsExcerpt?: string
  cost?: RecordCost
  quantumTasks?: RecordTasks
}

const optionalTime = (name: 'createdAt' | 'startedAt' | 'endedAt', date: Date | undefined) => (date ? { [name]: date.toISOString() } : {})

/**
 * The record with what the last GetJob said (the outcome once the job has ended;
 * the last status seen when a wait timed out) and the metrics read from its log.
 */
export function withOutcome(record: ExperimentRecord, outcome: JobOutcome, recordedBy: string, now: Date): ExperimentRecord {
  const { job } = outcome
  const status = job.status ?? record.status
  const excerpt = outcome.resultsExcerpt?.slice(0, MAX_RESULTS_EXCERPT)
  return {
    ...record,
    status,
    metrics: outcome.metrics,
    ...(job.failureReason ? { failureReason: job.failureReason } : {}),
    ...optionalTime('createdAt', job.createdAt),
    ...optionalTime('startedAt', job.startedAt),
    ...optionalTime('endedAt', job.endedAt),
    ...(job.billableDuration !== undefined ? { billableDurationMs: job.billableDuration } : {}),
    ...(excerpt ? { resultsExcerpt: excerpt } : {}),
    ...(outcome.cost ? { cost: outcome.cost } : {}),
    ...(outcome.quantumTasks ? { quantumTasks: outcome.quantumTasks } : {}),
    ...(ENDED_STATUSES.has(status) ? { completed: { at: now.toISOString(), byRunUrl: recordedBy } } : {})
  }
}
