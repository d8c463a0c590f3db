// The stand-in's quantum tasks: created through CreateQuantumTask (by tests, or
// by an execute-mode job passing its AMZN_BRAKET_JOB_TOKEN) or by a scripted
// job's `quantumTasks`, each following a timeline
//   CREATED → QUEUED → RUNNING → COMPLETED | FAILED | CANCELLED
// and read back through GetQuantumTask and SearchQuantumTasks.
import { randomUUID } from 'node:crypto'
import type { KnownCredentials } from '../core/credentials.js'
import { braketError } from './braket-errors.js'
import { canonicalJson } from './create-job.js'
import { timeMatches } from './search.js'

export type QuantumTaskStatus = 'CREATED' | 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLING' | 'CANCELLED'
export type QuantumTaskOutcome = 'COMPLETED' | 'FAILED' | 'CANCELLED'

export interface Association {
  arn: string
  type: string
}

export interface QuantumTaskRecord {
  quantumTaskArn: string
  accountId: string
  region: string
  deviceArn: string
  shots: number
  status: QuantumTaskStatus
  createdAt: Date
  endedAt?: Date
  failureReason?: string
  /** The hybrid job the task belongs to (CreateQuantumTask's jobToken, or a scripted job). */
  jobArn?: string
  outputS3Bucket: string
  outputS3Directory: string
  deviceParameters?: string
  tags: Record<string, string>
  associations?: Association[]
}

/** How a task's life goes: time in QUEUED, in RUNNING, and how it ends. */
export interface TaskTimeline {
  queuedMs?: number
  runningMs?: number
  outcome?: QuantumTaskOutcome
  failureReason?: string
}

export const DEFAULT_TASK_TIMELINE: Required<Omit<TaskTimeline, 'failureReason'>> = { queuedMs: 20, runningMs: 50, outcome: 'COMPLETED' }

export interface NewTask {
  accountId: string
  region: string
  deviceArn: string
  shots: number
  jobArn?: string
  outputS3Bucket: string
  outputS3KeyPrefix: string
  deviceParameters?: string
  tags?: Record<string, string>
  associations?: Association[]
  timeline?: TaskTimeline
}

export interface TasksFilter {
  name: string
  values: string[]
  operator: string
}

const FILTER_NAMES = ['quantumTaskArn', 'deviceArn', 'jobArn', 'status', 'createdAt'] as const

function taskMatches(task: QuantumTaskRecord, filter: TasksFilter): boolean {
  if (filter.name === 'createdAt') return timeMatches(task.createdAt, filter)
  if (!(FILTER_NAMES as readonly string[]).includes(filter.name))
    throw braketError(
      'ValidationException',
      `Filter name ${filter.name} is not supported. Filter name can be either quantumTaskArn, deviceArn, jobArn, status or createdAt.`
    )
  if (filter.operator !== 'EQUAL')
    throw braketError(
      'ValidationException',
      `Operator ${filter.operator} is not supported for filter ${filter.name}. Supported operators: EQUAL.`
    )
  const value = task[filter.name as Exclude<(typeof FILTER_NAMES)[number], 'createdAt'>]
  return value !== undefined && filter.values.includes(value)
}

const placeholderTask = { createdAt: new Date(0) } as QuantumTaskRecord

export class QuantumTaskRegistry {
  private readonly records = new Map<string, QuantumTaskRecord>()
  /** (account, region, clientToken) → the request it created and its task. */
  private readonly clientTokens = new Map<string, { fingerprint: string; quantumTaskArn: string }>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private defaultTimeline: TaskTimeline = {}
  private stopped = false

  /** The timeline of tasks created through CreateQuantumTask (scripted tasks carry their own). */
  setDefaultTimeline(timeline: TaskTimeline): this {
    this.defaultTimeline = timeline
    return this
  }

  get(quantumTaskArn: string): QuantumTaskRecord | undefined {
    return this.records.get(quantumTaskArn)
  }

  /** Every task, oldest first. */
  all(): QuantumTaskRecord[] {
    return [...this.records.values()]
  }

  forJob(jobArn: string): QuantumTaskRecord[] {
    return this.all().filter((task) => task.jobArn === jobArn)
  }

  /** Adds a task and starts its timeline; what CreateQuantumTask and scripted jobs both use. */
  add(task: NewTask): QuantumTaskRecord {
    const id = randomUUID()
    const record: QuantumTaskRecord = {
      quantumTaskArn: `arn:aws:braket:${task.region}:${task.accountId}:quantum-task/${id}`,
      accountId: task.accountId,
      region: task.region,
      deviceArn: task.deviceArn,
      shots: task.shots,
      status: 'CREATED',
      createdAt: new Date(),
      ...(task.jobArn ? { jobArn: task.jobArn } : {}),
      outputS3Bucket: task.outputS3Bucket,
      outputS3Directory: `${task.outputS3KeyPrefix.replace(/\/+$/, '')}/${id}`,
      ...(task.deviceParameters !== undefined ? { deviceParameters: task.deviceParameters } : {}),
      tags: task.tags ?? {},
      ...(task.associations?.length ? { associations: task.associations } : {})
    }
    this.records.set(record.quantumTaskArn, record)
    this.play(record, { ...DEFAULT_TASK_TIMELINE, ...this.defaultTimeline, ...task.timeline })
    return record
  }

  /** CreateQuantumTask after shape, device and job-token checks; clientToken makes it idempotent. */
  create(task: NewTask, clientToken: string, fingerprintOf: unknown): { quantumTaskArn: string } {
    const key = [task.accountId, task.region, clientToken].join('\u0000')
    const fingerprint = canonicalJson(fingerprintOf)
    const earlier = this.clientTokens.get(key)
    if (earlier) {
      if (earlier.fingerprint === fingerprint) return { quantumTaskArn: earlier.quantumTaskArn }
      throw braketError('ConflictException', `The clientToken ${clientToken} was already used for a different CreateQuantumTask request.`)
    }
    const record = this.add(task)
    this.clientTokens.set(key, { fingerprint, quantumTaskArn: record.quantumTaskArn })
    return { quantumTaskArn: record.quantumTaskArn }
  }

  /** The caller's task, or the error the service answers with. */
  lookup(quantumTaskArn: string, caller: KnownCredentials, region: string): QuantumTaskRecord {
    const owner = /^arn:aws[a-z-]*:braket:[a-z0-9-]*:(\d{12}):quantum-task\/.+$/.exec(quantumTaskArn)?.[1]
    if (owner !== undefined && owner !== caller.accountId)
      throw braketError(
        'AccessDeniedException',
        `User: ${caller.arn} is not authorized to perform: braket:GetQuantumTask on resource: ${quantumTaskArn}`
      )
    const record = this.records.get(quantumTaskArn)
    if (!record || record.region !== region) throw braketError('ResourceNotFoundException', `Quantum task ${quantumTaskArn} not found.`)
    return record
  }

  /** SearchQuantumTasks: the caller's tasks in this region that pass every filter, newest first. */
  search(caller: KnownCredentials, region: string, filters: TasksFilter[]): QuantumTaskRecord[] {
    // Evaluate every filter once so a bad one is reported even when nothing would match.
    for (const filter of filters) taskMatches(placeholderTask, filter)
    return this.all()
      .filter((task) => task.accountId === caller.accountId && task.region === region)
      .filter((task) => filters.every((filter) => taskMatches(task, filter)))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  }

  /** 1-based place among the device's queued tasks (job tasks first, as they have priority). */
  queuePosition(task: QuantumTaskRecord): number | undefined {
    if (task.status !== 'QUEUED') return undefined
    const queued = this.all().filter((other) => other.status === 'QUEUED' && other.deviceArn === task.deviceArn)
    const ordered = [...queued.filter((other) => other.jobArn), ...queued.filter((other) => !other.jobArn)]
    return ordered.indexOf(task) + 1
  }

  stop(): void {
    this.stopped = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private play(record: QuantumTaskRecord, timeline: Required<Omit<TaskTimeline, 'failureReason'>> & TaskTimeline): void {
    record.status = 'QUEUED'
    this.later(timeline.queuedMs, () => {
      record.status = 'RUNNING'
      this.later(timeline.runningMs, () => {
        record.status = timeline.outcome
        record.endedAt = new Date()
        if (timeline.outcome === 'FAILED') record.failureReason = timeline.failureReason ?? 'The quantum task failed.'
      })
    })
  }

  private later(ms: number, action: () => void): void {
    if (this.stopped) return
    const timer = setTimeout(
      () => {
        this.timers.delete(timer)
        if (!this.stopped) action()
      },
      Math.max(0, ms)
    )
    timer.unref()
    this.timers.add(timer)
  }
}

/** The QuantumTaskSummary of SearchQuantumTasks. */
export function summarizeTask(task: QuantumTaskRecord): Record<string, unknown> {
  return {
    quantumTaskArn: task.quantumTaskArn,
    status: task.status,
    deviceArn: task.deviceArn,
    shots: task.shots,
    outputS3Bucket: task.outputS3Bucket,
    outputS3Directory: task.outputS3Directory,
    createdAt: task.createdAt.toISOString(),
    ...(task.endedAt ? { endedAt: task.endedAt.toISOString() } : {}),
    tags: task.tags
  }
}

/** The GetQuantumTask response. */
export function describeTask(task: QuantumTaskRecord, queuePosition: number | undefined, withQueueInfo: boolean): Record<string, unknown> {
  const response: Record<string, unknown> = {
    ...summarizeTask(task),
    deviceParameters: task.deviceParameters ?? '{}',
    ...(task.failureReason !== undefined ? { failureReason: task.failureReason } : {}),
    ...(task.jobArn ? { jobArn: task.jobArn } : {}),
    ...(task.associations ? { associations: task.associations } : {}),
    ...(task.status === 'COMPLETED' ? { numSuccessfulShots: task.shots } : {})
  }
  if (withQueueInfo) {
    const priority = task.jobArn ? 'Priority' : 'Normal'
    response.queueInfo =
      queuePosition === undefined
        ? {
            queue: 'QUANTUM_TASKS_QUEUE',
            position: 'None',
            queuePriority: priority,
            message: `Task is in ${task.status} status. AmazonBraket does not show queue position for this status.`
          }
        : { queue: 'QUANTUM_TASKS_QUEUE', position: queuePosition > 2000 ? '>2000' : String(queuePosition), queuePriority: priority }
  }
  return response
}
