// The hybrid jobs of the stand-in and their lifecycle:
//   QUEUED → RUNNING → COMPLETED | FAILED, and QUEUED/RUNNING → CANCELLING → CANCELLED.
// In scripted mode (tests) each job plays a script; in execute mode the job's
// entry point runs (python-job-runner.ts). Either way this registry owns the
// status, the events, the timestamps and the max-runtime limit.
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { KnownCredentials } from '../core/credentials.js'
import type { StandInState } from '../core/state.js'
import { braketError } from './braket-errors.js'
import { canonicalJson, checkDevice, checkRoleCanBePassed, checkSourceExists } from './create-job.js'
import { DeviceCatalog } from './devices.js'
import {
  DEFAULT_MAX_RUNTIME_SECONDS,
  TERMINAL_STATUSES,
  describeJob,
  type CreateJobRequest,
  type JobEventType,
  type JobRecord,
  type JobStatus
} from './job-record.js'
import { runPythonJob, type JobRun, type JobRunContext, type JobRunOutcome } from './python-job-runner.js'
import { QuantumTaskRegistry } from './quantum-tasks.js'
import { DEFAULT_FAILURE_REASON, DEFAULT_SCRIPT, ScriptBook, runScriptedJob, type JobScript } from './scripted-job.js'
import { filterJobs, type JobsFilter } from './search.js'
import { SpendingLimitStore } from './spending-limits.js'

export type { JobRecord, JobStatus, JobEvent, CreateJobRequest } from './job-record.js'
export type { JobScript, ScriptedLogLine, ScriptedQuantumTask } from './scripted-job.js'
export type { QuantumTaskRecord, TaskTimeline } from './quantum-tasks.js'
export type { SpendingLimitInput } from './spending-limits.js'

/** The CloudWatch Logs group Braket jobs log to. */
export const JOB_LOG_GROUP = '/aws/braket/jobs'

/** How long an execute-mode job queues before it runs. */
const EXECUTE_QUEUED_MS = 500
/** A run that does not stop within this after being cancelled is ended anyway. */
const STOP_GRACE_MS = 30_000

/** The failureReason of a job stopped for running longer than its stoppingCondition allows. */
export function maxRuntimeFailureReason(seconds: number): string {
  return (
    `MaxRuntimeExceeded: The job ran longer than its maximum runtime of ${seconds} seconds (stoppingCondition.maxRuntimeInSeconds) ` +
    `and was stopped.`
  )
}

const EVENT_MESSAGES: Partial<Record<JobEventType, string>> = {
  QUEUED_FOR_EXECUTION: 'Job queued for execution.',
  STARTING_INSTANCE: 'Starting the job instance(s).',
  DOWNLOADING_DATA: 'Downloading the algorithm script and input data.',
  RUNNING: 'Running the algorithm script.',
  UPLOADING_RESULTS: 'Uploading the results.',
  COMPLETED: 'Job completed.',
  CANCELLED: 'Job cancelled.'
}

export class JobRegistry {
  /** The device catalog; tests add devices or change their status here. */
  readonly devices = new DeviceCatalog()
  /** Quantum tasks, created by scripted jobs, execute-mode jobs or CreateQuantumTask; tests read them here. */
  readonly tasks = new QuantumTaskRegistry()
  /** Spending limits per device; tests set them here (SearchSpendingLimits reads them). */
  readonly spendingLimits: SpendingLimitStore
  private readonly records = new Map<string, JobRecord>()
  /** (account, region, clientToken) → the request it created and its job. */
  private readonly clientTokens = new Map<string, { fingerprint: string; jobArn: string }>()
  private readonly scripts = new ScriptBook()
  private readonly timers = new Map<string, Set<NodeJS.Timeout>>()
  private readonly runs = new Map<string, JobRun>()
  private readonly overran = new Set<string>()
  private readonly changes = new EventEmitter()
  private stopped = false

  constructor(readonly state: StandInState) {
    this.changes.setMaxListeners(0)
    this.spendingLimits = new SpendingLimitStore(this.tasks, { accountId: state.options.accountId, region: state.options.region })
  }

  // ---- for tests -------------------------------------------------------------------------------

  /** Queues a script for the next created job (the first whose request it `match`es). */
  script(script: JobScript): this {
    this.scripts.add(script)
    return this
  }

  /** The script of jobs no queued script is for (defaults: 100 ms queued, 300 ms running, COMPLETED). */
  setDefaultScript(script: JobScript): this {
    this.scripts.setDefault(script)
    return this
  }

  /** Scripts not yet consumed. */
  pendingScripts(): number {
    return this.scripts.pending()
  }

  get(jobArn: string): JobRecord | undefined {
    return this.records.get(jobArn)
  }

  /** Every job, oldest first. */
  all(): JobRecord[] {
    return [...this.records.values()]
  }

  /** The job whose container was given this CreateQuantumTask jobToken. */
  byToken(jobToken: string): JobRecord | undefined {
    return this.all().find((record) => record.jobToken === jobToken)
  }

  /** Resolves once the job has one of `statuses`. */
  waitForStatus(jobArn: string, statuses: JobStatus | readonly JobStatus[], timeoutMs = 10_000): Promise<JobRecord> {
    const wanted = typeof statuses === 'string' ? [statuses] : statuses
    return new Promise((resolve, reject) => {
      const check = () => {
        const record = this.records.get(jobArn)
        if (record && wanted.includes(record.status)) {
          done()
          resolve(record)
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(
          new Error(
            `job ${jobArn} did not reach ${wanted.join('/')} within ${timeoutMs} ms (status: ` +
              `${this.records.get(jobArn)?.status ?? 'unknown job'})`
          )
        )
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        this.changes.off('change', check)
      }
      this.changes.on('change', check)
      check()
    })
  }

  // ---- for the service -------------------------------------------------------------------------

  /** CreateJob, after the request passed the model's shape validation. */
  create(request: CreateJobRequest, caller: KnownCredentials, region: string): { jobArn: string } {
    const tokenKey = [caller.accountId, region, request.clientToken].join('\u0000')
    const fingerprint = canonicalJson(request)
    const earlier = this.clientTokens.get(tokenKey)
    if (earlier) {
      if (earlier.fingerprint === fingerprint) return { jobArn: earlier.jobArn }
      throw braketError('ConflictException', `The clientToken ${request.clientToken} was already used for a different CreateJob request.`)
    }
    checkRoleCanBePassed(request, caller)
    checkDevice(request, this.devices, region)
    checkSourceExists(request, this.state.objects)

    const jobId = randomUUID()
    const record: JobRecord = {
      jobArn: `arn:aws:braket:${region}:${caller.accountId}:job/${jobId}`,
      jobId,
      jobName: request.jobName,
      accountId: caller.accountId,
      region,
      request,
      status: 'QUEUED',
      createdAt: new Date(),
      events: [],
      logStreamPrefix: `${request.jobName}/${jobId}/`,
      jobToken: randomUUID().replace(/-/g, ''),
      script: this.state.options.mode === 'scripted' ? this.scripts.take(request) : undefined
    }
    this.records.set(record.jobArn, record)
    this.clientTokens.set(tokenKey, { fingerprint, jobArn: record.jobArn })
    this.addEvent(record, 'QUEUED_FOR_EXECUTION')
    this.later(record, record.script?.queuedMs ?? EXECUTE_QUEUED_MS, () => this.start(record))
    this.changed()
    return { jobArn: record.jobArn }
  }

  /** The caller's job, or the error the service answers with. */
  lookup(jobArn: string, caller: KnownCredentials, region: string, action: string): JobRecord {
    const owner = /^arn:aws[a-z-]*:braket:[a-z0-9-]*:(\d{12}):job\/.+$/.exec(jobArn)?.[1]
    if (owner !== undefined && owner !== caller.accountId) {
      throw braketError(
        'AccessDeniedException',
        `User: ${caller.arn} is not authorized to perform: braket:${action} on resource: ${jobArn}`
      )
    }
    const record = this.records.get(jobArn)
    if (!record || record.region !== region) throw braketError('ResourceNotFoundException', `Job ${jobArn} not found.`)
    return record
  }

  /** The GetJob response. */
  describe(record: JobRecord, withQueueInfo: boolean): Record<string, unknown> {
    return describeJob(record, { withQueueInfo, queuePosition: this.queuePosition(record) })
  }

  cancel(record: JobRecord): { jobArn: string; cancellationStatus: 'CANCELLING' | 'CANCELLED' } {
    switch (record.status) {
      case 'CANCELLING':
      case 'CANCELLED':
        return { jobArn: record.jobArn, cancellationStatus: record.status }
      case 'COMPLETED':
      case 'FAILED':
        throw braketError('ConflictException', `Job ${record.jobArn} is in ${record.status} status and cannot be cancelled.`)
      case 'QUEUED':
      case 'RUNNING':
        break
    }
    const wasRunning = record.status === 'RUNNING'
    this.clearTimers(record)
    record.status = 'CANCELLING'
    this.changed()
    const run = this.runs.get(record.jobArn)
    if (wasRunning && run) {
      this.stopRun(record, run)
    } else {
      this.later(record, record.script?.cancelMs ?? DEFAULT_SCRIPT.cancelMs, () => this.end(record, { outcome: 'FAILED' }))
    }
    return { jobArn: record.jobArn, cancellationStatus: 'CANCELLING' }
  }

  /** SearchJobs: the caller's jobs in this region, newest first. */
  search(caller: KnownCredentials, region: string, filters: JobsFilter[]): JobRecord[] {
    const own = this.all().filter((record) => record.accountId === caller.accountId && record.region === region)
    return filterJobs(own, filters).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  }

  /** Jobs waiting for a device, for GetDevice's JOBS_QUEUE size. */
  queuedOn(deviceArn: string): number {
    return this.all().filter((record) => record.status === 'QUEUED' && record.request.deviceConfig.device === deviceArn).length
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.tasks.stop()
    for (const timers of this.timers.values()) for (const timer of timers) clearTimeout(timer)
    this.timers.clear()
    const running = [...this.runs.values()]
    for (const run of running) {
      try {
        run.cancel()
      } catch {
        // Already gone.
      }
    }
    const grace = new Promise((resolve) => setTimeout(resolve, 5_000).unref())
    await Promise.race([Promise.allSettled(running.map((run) => run.finished)), grace])
    this.runs.clear()
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  private start(record: JobRecord): void {
    if (record.status !== 'QUEUED' || this.stopped) return
    const startedAt = new Date()
    record.status = 'RUNNING'
    record.startedAt = startedAt
    this.addEvent(record, 'STARTING_INSTANCE')
    this.addEvent(record, 'DOWNLOADING_DATA')
    this.addEvent(record, 'RUNNING')
    this.changed()

    const streamEpoch = Math.floor(startedAt.getTime() / 1000)
    const context: JobRunContext = {
      state: this.state,
      jobArn: record.jobArn,
      jobId: record.jobId,
      jobName: record.jobName,
      request: record.request,
      logStreamPrefix: record.logStreamPrefix,
      appendLog: (instance, lines) =>
        this.state.logs.append(JOB_LOG_GROUP, `${record.logStreamPrefix}algo-${instance}-${streamEpoch}`, lines)
    }
    let run: JobRun
    try {
      run = record.script ? runScriptedJob(context, record.script) : runPythonJob(context)
    } catch (error) {
      this.end(record, {
        outcome: 'FAILED',
        failureReason: `InternalError: The job could not be started: ${error instanceof Error ? error.message : String(error)}`
      })
      return
    }
    this.runs.set(record.jobArn, run)
    const maxSeconds = record.request.stoppingCondition?.maxRuntimeInSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS
    this.later(record, maxSeconds * 1000, () => this.exceedMaxRuntime(record, maxSeconds))
    run.finished.then(
      (outcome) => this.end(record, outcome),
      (error: unknown) =>
        this.end(record, { outcome: 'FAILED', failureReason: `InternalError: ${error instanceof Error ? error.message : String(error)}` })
    )
  }

  private exceedMaxRuntime(record: JobRecord, seconds: number): void {
    const run = this.runs.get(record.jobArn)
    if (record.status !== 'RUNNING' || !run) return
    this.overran.add(record.jobArn)
    this.addEvent(record, 'MAX_RUNTIME_EXCEEDED', `Job exceeded its maximum runtime of ${seconds} seconds.`)
    this.changed()
    this.stopRun(record, run)
  }

  /** Stops a run; if it does not finish in time, the job ends anyway. */
  private stopRun(record: JobRecord, run: JobRun): void {
    try {
      run.cancel()
    } catch {
      // The run is ended below either way.
    }
    this.later(record, STOP_GRACE_MS, () => this.end(record, { outcome: 'FAILED' }))
  }

  private end(record: JobRecord, outcome: JobRunOutcome): void {
    this.runs.delete(record.jobArn)
    this.clearTimers(record)
    if (TERMINAL_STATUSES.includes(record.status)) return
    if (record.status === 'CANCELLING') {
      record.status = 'CANCELLED'
      this.addEvent(record, 'CANCELLED')
    } else if (this.overran.has(record.jobArn)) {
      record.status = 'FAILED'
      record.failureReason = maxRuntimeFailureReason(record.request.stoppingCondition?.maxRuntimeInSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS)
      this.addEvent(record, 'FAILED', record.failureReason)
    } else if (outcome.outcome === 'COMPLETED') {
      this.addEvent(record, 'UPLOADING_RESULTS')
      record.status = 'COMPLETED'
      this.addEvent(record, 'COMPLETED')
    } else {
      record.status = 'FAILED'
      record.failureReason = (outcome.failureReason ?? DEFAULT_FAILURE_REASON).slice(0, 1024)
      this.addEvent(record, 'FAILED', record.failureReason)
    }
    record.endedAt = new Date()
    if (record.startedAt) {
      const ranMs = record.endedAt.getTime() - record.startedAt.getTime()
      record.billableDuration = record.script?.billableDuration ?? Math.max(1, Math.ceil(ranMs / 1000)) * 1000
    }
    this.changed()
  }

  private queuePosition(record: JobRecord): number | undefined {
    if (record.status !== 'QUEUED') return undefined
    const queue = this.all().filter(
      (other) =>
        other.status === 'QUEUED' &&
        other.region === record.region &&
        other.request.deviceConfig.device === record.request.deviceConfig.device
    )
    return queue.indexOf(record) + 1
  }

  private addEvent(record: JobRecord, eventType: JobEventType, message = EVENT_MESSAGES[eventType]): void {
    record.events.push({ eventType, timeOfEvent: new Date(), ...(message !== undefined ? { message: message.slice(0, 2500) } : {}) })
  }

  private later(record: JobRecord, ms: number, action: () => void): void {
    if (this.stopped) return
    const timers = this.timers.get(record.jobArn) ?? new Set<NodeJS.Timeout>()
    const timer = setTimeout(
      () => {
        timers.delete(timer)
        if (!this.stopped) action()
      },
      Math.max(0, ms)
    )
    timer.unref()
    timers.add(timer)
    this.timers.set(record.jobArn, timers)
  }

  private clearTimers(record: JobRecord): void {
    for (const timer of this.timers.get(record.jobArn) ?? []) clearTimeout(timer)
    this.timers.delete(record.jobArn)
  }

  private changed(): void {
    this.changes.emit('change')
  }
}
