// The job's log while following: new lines read from every instance's stream,
// their metrics collected, the lines printed into the step log. A failed read is
// tried again at the next poll (with one warning); a denied one turns reading off.
import * as core from '@actions/core'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { describeError } from '../common/errors.js'
import { AwsCallError } from '../aws/aws-call.js'
import type { Clock } from './clock.js'
import { LogFollower, LogsUnavailableError, type FollowedJob } from './log-follower.js'
import { parseMetricLine } from './metric-lines.js'
import type { MetricCollector } from './metric-series.js'
import type { StepLog } from './step-log.js'

/** Reads after the job ended, for lines that reach CloudWatch after the status changed. */
const TAIL_READS = 3
const TAIL_PAUSE_MS = 2000

export class JobLogReader {
  private readonly follower: LogFollower
  private readonly multiInstance: boolean
  private on = true
  private warned = false
  /** The newest line's time (epoch ms), for a later step to read on from (logs-since). */
  lastTimestamp?: number

  constructor(
    logs: CloudWatchLogsClient,
    job: FollowedJob,
    private readonly metrics: MetricCollector,
    private readonly stepLog: StepLog,
    private readonly streamLogs: boolean
  ) {
    this.follower = new LogFollower(logs, job)
    this.multiInstance = job.instanceCount > 1
  }

  /** Reads what arrived since the last call; the number of new lines. */
  async read(): Promise<number> {
    if (!this.on) return 0
    try {
      const { lines, errors } = await this.follower.read()
      for (const line of lines) {
        this.metrics.add(parseMetricLine(line.message, this.multiInstance ? line.instance : undefined))
        this.lastTimestamp = Math.max(this.lastTimestamp ?? 0, line.timestamp)
      }
      this.stepLog.logLines(lines)
      const [error] = errors
      if (error && !this.warned) {
        this.warned = true
        const what = error instanceof AwsCallError ? error.summary : describeError(error)
        core.warning(`Reading the job's log: ${what}; trying again at the next poll.`)
      }
      return lines.length
    } catch (error) {
      if (!(error instanceof LogsUnavailableError)) throw error
      this.on = false
      if (this.streamLogs) core.warning(error.message, { title: 'stream-logs' })
      else core.info(error.message)
      return 0
    }
  }

  /** The last lines: read until a read brings nothing new (one quick read when the runner is about to stop the step). */
  async readTail(clock: Clock, pauseMs: number, abort: AbortSignal): Promise<void> {
    for (let read = 0; read < (abort.aborted ? 1 : TAIL_READS); read++) {
      if (read > 0) await clock.sleep(Math.min(pauseMs, TAIL_PAUSE_MS), abort)
      if ((await this.read()) === 0 && read > 0) break
    }
  }
}
