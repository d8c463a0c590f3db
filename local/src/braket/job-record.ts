// What the stand-in keeps of a hybrid job, and how GetJob / SearchJobs show it.
import type { ResolvedScript } from './scripted-job.js'

export type JobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLING' | 'CANCELLED'
export type JobEventType =
  | 'WAITING_FOR_PRIORITY'
  | 'QUEUED_FOR_EXECUTION'
  | 'STARTING_INSTANCE'
  | 'DOWNLOADING_DATA'
  | 'RUNNING'
  | 'DEPRIORITIZED_DUE_TO_INACTIVITY'
  | 'UPLOADING_RESULTS'
  | 'COMPLETED'
  | 'FAILED'
  | 'MAX_RUNTIME_EXCEEDED'
  | 'CANCELLED'

export interface JobEvent {
  eventType: JobEventType
  timeOfEvent: Date
  message?: string
}

/** The CreateJob request as the service keeps it (members of the model only). */
export type CreateJobRequest = Record<string, unknown> & {
  clientToken: string
  jobName: string
  roleArn: string
  deviceConfig: { device: string }
  instanceConfig: { instanceType: string; volumeSizeInGb: number; instanceCount?: number }
  outputDataConfig: { s3Path: string; kmsKeyId?: string }
  stoppingCondition?: { maxRuntimeInSeconds?: number }
  tags?: Record<string, string>
}

export interface JobRecord {
  jobArn: string
  /** The UUID at the end of the ARN. */
  jobId: string
  jobName: string
  accountId: string
  region: string
  request: CreateJobRequest
  status: JobStatus
  createdAt: Date
  startedAt?: Date
  endedAt?: Date
  /** Milliseconds, like the service. */
  billableDuration?: number
  failureReason?: string
  events: JobEvent[]
  /** `<jobName>/<uuid>/`: every log stream of the job starts with it. */
  logStreamPrefix: string
  /** The script this job follows in scripted mode. */
  script?: ResolvedScript
  /** What the job's container passes as CreateQuantumTask's jobToken (AMZN_BRAKET_JOB_TOKEN) to associate tasks with the job. */
  jobToken: string
}

/** The service's maximum run time when the request names none (5 days, the model's maximum). */
export const DEFAULT_MAX_RUNTIME_SECONDS = 432000

export const TERMINAL_STATUSES: readonly JobStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED']

/** The members of the request GetJob echoes back. */
const ECHOED_MEMBERS = [
  'roleArn',
  'jobName',
  'algorithmSpecification',
  'hyperParameters',
  'inputDataConfig',
  'outputDataConfig',
  'checkpointConfig',
  'stoppingCondition',
  'deviceConfig',
  'associations'
] as const

/** Queue position as the service reports it: 1-based, '>15' beyond 15, 'None' when not queued. */
export function queueInfo(record: JobRecord, position: number | undefined): Record<string, string> {
  if (record.status !== 'QUEUED' || position === undefined) {
    return {
      queue: 'JOBS_QUEUE',
      position: 'None',
      message: `Job is in ${record.status} status. AmazonBraket does not show queue position for this status.`
    }
  }
  return { queue: 'JOBS_QUEUE', position: position > 15 ? '>15' : String(position) }
}

/** The GetJob response body. */
export function describeJob(record: JobRecord, options: { queuePosition?: number; withQueueInfo?: boolean } = {}): Record<string, unknown> {
  const response: Record<string, unknown> = { jobArn: record.jobArn, status: record.status }
  for (const member of ECHOED_MEMBERS) if (record.request[member] !== undefined) response[member] = record.request[member]
  // instanceCount is documented to default to 1; the service reports it filled in.
  response.instanceConfig = { instanceCount: 1, ...record.request.instanceConfig }
  response.tags = record.request.tags ?? {}
  response.createdAt = record.createdAt.toISOString()
  if (record.startedAt) response.startedAt = record.startedAt.toISOString()
  if (record.endedAt) response.endedAt = record.endedAt.toISOString()
  if (record.billableDuration !== undefined) response.billableDuration = record.billableDuration
  if (record.failureReason !== undefined) response.failureReason = record.failureReason
  // The model allows at most 20 events: the newest ones.
  response.events = record.events.slice(-20).map((event) => ({
    eventType: event.eventType,
    timeOfEvent: event.timeOfEvent.toISOString(),
    ...(event.message !== undefined ? { message: event.message } : {})
  }))
  if (options.withQueueInfo) response.queueInfo = queueInfo(record, options.queuePosition)
  return response
}

/** The SearchJobs entry. */
export function summarizeJob(record: JobRecord): Record<string, unknown> {
  return {
    jobArn: record.jobArn,
    jobName: record.jobName,
    status: record.status,
    device: record.request.deviceConfig.device,
    createdAt: record.createdAt.toISOString(),
    ...(record.startedAt ? { startedAt: record.startedAt.toISOString() } : {}),
    ...(record.endedAt ? { endedAt: record.endedAt.toISOString() } : {}),
    tags: record.request.tags ?? {}
  }
}
