// The experiment record: one small JSON object per submission, next to the job's
// sources in S3, completed once the job's outcome is known. Versioned, so a later
// action can read what an earlier one wrote. A record read back is someone's
// file in a bucket: it is checked field by field before anything uses it.

export const RECORD_SCHEMA = 'braket-hybrid-job-experiment-record'
export const RECORD_SCHEMA_VERSION = 1

export interface RecordSeries {
  name: string
  /** The name, with the node when several nodes logged the metric. */
  label: string
  byIteration: boolean
  /** [x, y], at most as many as a chart draws. */
  points: Array<[number, number]>
}

export interface RecordMetrics {
  /** Each metric's last value. */
  final: Record<string, number>
  /** Each metric's lowest and highest value over the run, for "best" against a goal. */
  range: Record<string, { min: number; max: number }>
  series: RecordSeries[]
}

export interface RecordJob {
  arn: string
  name: string
  consoleUrl: string
  device: string
  instanceType: string
  instanceCount: number
  volumeSizeGb: number
  maxRuntimeSeconds: number
  hyperParameters: Record<string, string>
  image: string
  reservationArn?: string
}

export interface ExperimentRecord {
  schema: typeof RECORD_SCHEMA
  schemaVersion: typeof RECORD_SCHEMA_VERSION
  experiment: string
  repository: string
  /** The branch, slugged (the record's folder). */
  ref: string
  /** The branch as git names it. */
  branch: string
  sha: string
  run: { id: string; attempt: number; url: string; event: string; workflow: string }
  job: RecordJob
  /** The last status seen; COMPLETED, FAILED or CANCELLED once the outcome is known. */
  status: string
  failureReason?: string
  /** ISO times. */
  submittedAt: string
  createdAt?: string
  startedAt?: string
  endedAt?: string
  billableDurationMs?: number
  /** When and by which run the outcome was recorded (a later run completes a job nobody waited for). */
  completed?: { at: string; byRunUrl: string }
  metrics: RecordMetrics
  /** The job's cost, estimated from list prices. */
  cost?: RecordCost
  /** The job's quantum tasks. */
  quantumTasks?: RecordTasks
  resultsExcerpt?: string
}

/** The job's cost, estimated from list prices (the bill is authoritative). */
export interface RecordCost {
  /** Known parts summed; a lower bound when `complete` is false. */
  usd: number
  complete: boolean
  instanceUsd?: number
  volumeUsd?: number
  devices: Array<{ deviceArn: string; kind: string; tasks: number; shots: number; simulatorMinutes: number; usd?: number }>
  /** Why a part is unknown. */
  unknown: string[]
}

/** As the `quantum-tasks` output has them. */
export interface RecordTasks {
  total: number
  byStatus: Record<string, number>
  byDevice: Record<string, { tasks: number; shots: number }>
  shots: number
  failedArns: string[]
}

export const ENDED_STATUSES: ReadonlySet<string> = new Set(['COMPLETED', 'FAILED', 'CANCELLED'])

export function outcomeKnown(record: Pick<ExperimentRecord, 'status'>): boolean {
  return ENDED_STATUSES.has(record.status)
}

// ---- reading a record back --------------------------------------------------------------------

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const optionalString = (value: unknown): value is string | undefined => value === undefined || isString(value)
const numberMap = (value: unknown): value is Record<string, number> => isObject(value) && Object.values(value).every(isNumber)

function validSeries(value: unknown): value is RecordSeries[] {
  return (
    Array.isArray(value) &&
    value.every(
      (series) =>
        isObject(series) &&
        isString(series.name) &&
        isString(series.label) &&
        typeof series.byIteration === 'boolean' &&
        Array.isArray(series.points) &&
        series.points.every((point) => Array.isArray(point) && point.length === 2 && point.every(isNumber))
    )
  )
}

function validMetrics(value: unknown): value is RecordMetrics {
  return (
    isObject(value) &&
    numberMap(value.final) &&
    isObject(value.range) &&
    Object.values(value.range).every((range) => isObject(range) && isNumber(range.min) && isNumber(range.max)) &&
    validSeries(value.series)
  )
}

function validJob(value: unknown): value is RecordJob {
  return (
    isObject(value) &&
    [value.arn, value.name, value.consoleUrl, value.device, value.instanceType, value.image].every(isString) &&
    [value.instanceCount, value.volumeSizeGb, value.maxRuntimeSeconds].every(isNumber) &&
    isObject(value.hyperParameters) &&
    Object.values(value.hyperParameters).every(isString) &&
    optionalString(value.reservationArn)
  )
}

/** Why the text is not a record this action can use, or the record. */
export function parseRecord(text: string): ExperimentRecord | { problem: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problem: 'it is not JSON' }
  }
  if (!isObject(value) || value.schema !== RECORD_SCHEMA) return { problem: 'it is not an experiment record' }
  if (value.schemaVersion !== RECORD_SCHEMA_VERSION)
    return { problem: `its schema version is ${String(value.schemaVersion)}; this action reads version ${RECORD_SCHEMA_VERSION}` }
  const run = value.run
  const valid =
    [value.experiment, value.repository, value.ref, value.branch, value.sha, value.status, value.submittedAt].every(isString) &&
    isObject(run) &&
    [run.id, run.url, run.event, run.workflow].every(isString) &&
    isNumber(run.attempt) &&
    validJob(value.job) &&
    validMetrics(value.metrics) &&
    [value.failureReason, value.createdAt, value.startedAt, value.endedAt, value.resultsExcerpt].every(optionalString) &&
    (value.billableDurationMs === undefined || isNumber(value.billableDurationMs)) &&
    (value.cost === undefined || (isObject(value.cost) && isNumber(value.cost.usd) && typeof value.cost.complete === 'boolean'))
  if (!valid) return { problem: 'a field is missing or of the wrong type' }
  return value as unknown as ExperimentRecord
}
