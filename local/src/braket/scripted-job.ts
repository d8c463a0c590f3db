// Scripted jobs (tests): each created job follows a script — how long it
// queues and runs, what it logs and when, which quantum tasks it creates and
// when, how it ends, what it leaves in S3 (results, checkpoints) — instead of
// running any code.
import { parseS3Uri } from '../stores/object-store.js'
import type { CreateJobRequest } from './job-record.js'
import type { JobRun, JobRunContext, JobRunOutcome } from './python-job-runner.js'
import type { QuantumTaskOutcome } from './quantum-tasks.js'

export interface ScriptedLogLine {
  /** 1-based instance number (stream `algo-<instance>-…`); default 1. */
  instance?: number
  /** Milliseconds after the job started RUNNING. */
  atMs: number
  message: string
}

/** A quantum task the job creates while it runs (associated with the job, like a task created with its jobToken). */
export interface ScriptedQuantumTask {
  /** Milliseconds after the job started RUNNING; tasks scripted at or past the job's end are never created. */
  atMs: number
  /** Device ARN; default the job's device. */
  device?: string
  /** Default 100. */
  shots?: number
  /** How the task ends; default COMPLETED. */
  status?: QuantumTaskOutcome
  failureReason?: string
  /** Time QUEUED and RUNNING; defaults 20 ms and 50 ms. */
  queuedMs?: number
  runningMs?: number
}

export interface JobScript {
  /** Which CreateJob requests this script is for; omitted: the next job. */
  match?: (request: CreateJobRequest) => boolean
  /** Time in QUEUED. */
  queuedMs?: number
  /** Time in RUNNING before the outcome. */
  runningMs?: number
  outcome?: 'COMPLETED' | 'FAILED'
  /** failureReason when the outcome is FAILED. */
  failureReason?: string
  logs?: ScriptedLogLine[]
  /** billableDuration to report (milliseconds); default: the time RUNNING, rounded up to whole seconds. */
  billableDuration?: number
  /** Bytes of `model.tar.gz`, put at `<outputDataConfig.s3Path>/output/model.tar.gz` when the job ends by its script. */
  results?: Buffer | Uint8Array | string
  /** Time in CANCELLING before CANCELLED. */
  cancelMs?: number
  /** Quantum tasks the job creates over time. */
  quantumTasks?: ScriptedQuantumTask[]
  /**
   * Checkpoint files the job saves while it runs, as the container syncs its checkpoint directory: put at
   * `<checkpointConfig.s3Uri>/<name>` `atMs` after RUNNING (those at or past the end, as the job ends).
   */
  checkpoints?: ScriptedCheckpoint[]
}

export interface ScriptedCheckpoint {
  atMs: number
  name: string
  content: Buffer | Uint8Array | string
}

export type ResolvedScript = Required<Pick<JobScript, 'queuedMs' | 'runningMs' | 'outcome' | 'logs' | 'cancelMs'>> & JobScript

export const DEFAULT_SCRIPT: ResolvedScript = { queuedMs: 100, runningMs: 300, outcome: 'COMPLETED', logs: [], cancelMs: 50 }

export const DEFAULT_FAILURE_REASON = 'AlgorithmError: The entry point exited with a non-zero exit code: 1. Check the job logs for details.'

/** Scripts queued by tests, consumed one per created job, and the default for the rest. */
export class ScriptBook {
  private readonly queue: JobScript[] = []
  private fallback: JobScript = {}

  add(script: JobScript): void {
    this.queue.push(script)
  }

  setDefault(script: JobScript): void {
    this.fallback = script
  }

  /** The first queued script that matches the request (consumed), else the default. */
  take(request: CreateJobRequest): ResolvedScript {
    const index = this.queue.findIndex((script) => !script.match || script.match(request))
    const chosen = index >= 0 ? this.queue.splice(index, 1)[0]! : this.fallback
    return { ...DEFAULT_SCRIPT, ...this.fallback, ...chosen }
  }

  pending(): number {
    return this.queue.length
  }

  clear(): void {
    this.queue.length = 0
    this.fallback = {}
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref())

/** Writes `<s3Uri>/<name>` as the job's role would (creating the bucket for the job's account when missing). */
async function writeBelow(
  context: JobRunContext,
  s3Uri: string | undefined,
  name: string,
  body: Buffer,
  contentType?: string
): Promise<void> {
  const location = s3Uri ? parseS3Uri(s3Uri) : undefined
  if (!location) return
  const { objects } = context.state
  if (!objects.bucket(location.bucket)) {
    const accountId = context.jobArn.split(':')[4] ?? context.state.options.accountId
    objects.createBucket(location.bucket, accountId, context.state.options.region)
  }
  const prefix = location.key.replace(/\/+$/, '')
  await objects.write(location.bucket, `${prefix ? `${prefix}/` : ''}${name}`, body, contentType ? { contentType } : {})
}

function writeResults(context: JobRunContext, results: NonNullable<JobScript['results']>): Promise<void> {
  const s3Path = (context.request as CreateJobRequest).outputDataConfig.s3Path
  return writeBelow(context, s3Path, 'output/model.tar.gz', Buffer.from(results), 'application/x-tar')
}

function writeCheckpoint(context: JobRunContext, checkpoint: ScriptedCheckpoint): Promise<void> {
  const s3Uri = (context.request as { checkpointConfig?: { s3Uri?: string } }).checkpointConfig?.s3Uri
  return writeBelow(context, s3Uri, checkpoint.name, Buffer.from(checkpoint.content))
}

function createTask(context: JobRunContext, task: ScriptedQuantumTask): void {
  const request = context.request as CreateJobRequest
  const [, , , jobRegion = '', accountId = ''] = context.jobArn.split(':')
  const deviceArn = task.device ?? request.deviceConfig.device
  const deviceRegion = /^arn:aws[a-z-]*:braket:([a-z0-9-]+):/.exec(deviceArn)?.[1]
  context.state.jobs.tasks.add({
    accountId,
    region: deviceRegion ?? jobRegion,
    deviceArn,
    shots: task.shots ?? 100,
    jobArn: context.jobArn,
    outputS3Bucket: parseS3Uri(request.outputDataConfig.s3Path)?.bucket ?? 'amazon-braket-output',
    outputS3KeyPrefix: `jobs/${context.jobName}/tasks`,
    timeline: {
      ...(task.queuedMs !== undefined ? { queuedMs: task.queuedMs } : {}),
      ...(task.runningMs !== undefined ? { runningMs: task.runningMs } : {}),
      outcome: task.status ?? 'COMPLETED',
      ...(task.failureReason !== undefined ? { failureReason: task.failureReason } : {})
    }
  })
}

/** Plays a script as a JobRun: log lines and quantum tasks at their times, then the outcome (and results). */
export function runScriptedJob(context: JobRunContext, script: ResolvedScript): JobRun {
  const timers = new Set<NodeJS.Timeout>()
  const written = new Set<ScriptedLogLine>()
  let settle!: (outcome: JobRunOutcome) => void
  let settled = false
  const finished = new Promise<JobRunOutcome>((resolve) => (settle = resolve))
  const finish = (outcome: JobRunOutcome) => {
    if (settled) return
    settled = true
    for (const timer of timers) clearTimeout(timer)
    settle(outcome)
  }
  const write = (line: ScriptedLogLine) => {
    if (written.has(line) || settled) return
    written.add(line)
    context.appendLog(line.instance ?? 1, [line.message])
  }
  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(
      () => {
        timers.delete(timer)
        action()
      },
      Math.max(0, ms)
    )
    timer.unref()
    timers.add(timer)
  }

  for (const line of [...script.logs].sort((a, b) => a.atMs - b.atMs)) if (line.atMs < script.runningMs) later(line.atMs, () => write(line))
  for (const task of script.quantumTasks ?? [])
    if (task.atMs < script.runningMs)
      later(task.atMs, () => {
        if (!settled) createTask(context, task)
      })
  const saves = new Map<ScriptedCheckpoint, Promise<void>>()
  const save = (checkpoint: ScriptedCheckpoint) => {
    if (!saves.has(checkpoint)) saves.set(checkpoint, writeCheckpoint(context, checkpoint))
  }
  for (const checkpoint of script.checkpoints ?? []) if (checkpoint.atMs < script.runningMs) later(checkpoint.atMs, () => save(checkpoint))
  later(script.runningMs, () => {
    // Lines scripted past the end are what the container printed last; its checkpoint directory is synced once more.
    for (const line of script.logs) write(line)
    for (const checkpoint of script.checkpoints ?? []) save(checkpoint)
    const outcome: JobRunOutcome =
      script.outcome === 'FAILED'
        ? { outcome: 'FAILED', failureReason: script.failureReason ?? DEFAULT_FAILURE_REASON }
        : { outcome: 'COMPLETED' }
    const upload = Promise.all(saves.values()).then(() =>
      script.results !== undefined ? writeResults(context, script.results) : undefined
    )
    upload.then(
      () => finish(outcome),
      (error: unknown) => finish({ outcome: 'FAILED', failureReason: `ClientError: Failed to upload results: ${String(error)}` })
    )
  })

  return {
    cancel() {
      if (settled) return
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      void sleep(script.cancelMs).then(() => finish({ outcome: 'FAILED', failureReason: 'Job was stopped.' }))
    },
    finished
  }
}
