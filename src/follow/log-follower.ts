// Follows every instance's log stream of a job: finds the streams as they appear,
// reads each from its head with forward tokens (a token read again returns only
// what arrived since), and hands back the new lines in time order. No line twice,
// none skipped, across any number of polls.
import { CloudWatchLogsClient, DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { JOB_LOG_GROUP, compareInstances, instanceOf, logStreamPrefix, mergeByTime, type LogLine } from './log-streams.js'
import { ActionError, errorName } from '../common/errors.js'
import { awsCallError, callFailure, describeCall, describeFailure, type AwsCall } from '../aws/aws-call.js'

/** The logs can't be read at all (e.g. the role lacks logs:GetLogEvents): stop trying. */
export class LogsUnavailableError extends ActionError {}

interface StreamCursor {
  name: string
  instance: string
  /** Forward token after the last line read; undefined: read from the head. */
  token?: string
}

/** Pages per stream per poll: a chatty job is caught up over a few polls instead of stalling the status checks. */
const MAX_PAGES_PER_READ = 20
const DENIED = new Set(['AccessDeniedException', 'UnrecognizedClientException'])

export interface FollowedJob {
  jobArn: string
  jobName: string
  instanceCount: number
  /** Epoch ms: read each stream from this time on (logs-since) instead of from its head. */
  logsSince?: number
}

export class LogFollower {
  private readonly streams = new Map<string, StreamCursor>()
  readonly prefix: string

  constructor(
    private readonly logs: CloudWatchLogsClient,
    private readonly job: FollowedJob
  ) {
    this.prefix = logStreamPrefix(job.jobArn, job.jobName)
  }

  /**
   * The lines that arrived since the last call, in time order. A stream that fails
   * part-way (throttled past the SDK's retries) keeps what it read and its place;
   * the error is returned, to be tried again next poll. Only a denial throws.
   */
  async read(): Promise<{ lines: LogLine[]; errors: Error[] }> {
    const errors: Error[] = []
    if (this.streams.size < this.job.instanceCount) {
      try {
        await this.discover()
      } catch (error) {
        if (error instanceof LogsUnavailableError) throw error
        errors.push(error as Error)
      }
    }
    const cursors = [...this.streams.values()].sort((a, b) => compareInstances(a.instance, b.instance))
    const batches = await Promise.all(cursors.map((cursor) => this.readStream(cursor, errors)))
    return { lines: mergeByTime(batches), errors }
  }

  /** Streams found so far. */
  get streamCount(): number {
    return this.streams.size
  }

  private async discover(): Promise<void> {
    let nextToken: string | undefined
    do {
      let page
      try {
        page = await this.logs.send(
          new DescribeLogStreamsCommand({ logGroupName: JOB_LOG_GROUP, logStreamNamePrefix: this.prefix, nextToken })
        )
      } catch (error) {
        // Before the job's first line the group may not exist yet.
        if (errorName(error) === 'ResourceNotFoundException') return
        throw this.explain(error, 'DescribeLogStreams')
      }
      for (const stream of page.logStreams ?? []) {
        const name = stream.logStreamName
        if (name && !this.streams.has(name)) this.streams.set(name, { name, instance: instanceOf(name) })
      }
      nextToken = page.nextToken
    } while (nextToken)
  }

  private async readStream(cursor: StreamCursor, errors: Error[]): Promise<LogLine[]> {
    const lines: LogLine[] = []
    for (let page = 0; page < MAX_PAGES_PER_READ; page++) {
      let response
      try {
        response = await this.logs.send(
          new GetLogEventsCommand({
            logGroupName: JOB_LOG_GROUP,
            logStreamName: cursor.name,
            startFromHead: true,
            nextToken: cursor.token,
            ...(this.job.logsSince !== undefined ? { startTime: this.job.logsSince } : {})
          })
        )
      } catch (error) {
        if (errorName(error) === 'ResourceNotFoundException') break
        const explained = this.explain(error, 'GetLogEvents')
        if (explained instanceof LogsUnavailableError) throw explained
        errors.push(explained)
        break
      }
      for (const event of response.events ?? []) {
        lines.push({ timestamp: event.timestamp ?? 0, message: (event.message ?? '').replace(/\r?\n$/, ''), instance: cursor.instance })
      }
      // At the end of a stream the service hands back the token it was given.
      const next = response.nextForwardToken
      if (!next || next === cursor.token) break
      cursor.token = next
      if ((response.events ?? []).length === 0) break
    }
    return lines
  }

  private explain(error: unknown, operation: string): Error {
    const call: AwsCall = { service: 'CloudWatch Logs', operation, target: `log group ${JOB_LOG_GROUP}`, permission: `logs:${operation}` }
    if (DENIED.has(errorName(error))) {
      return new LogsUnavailableError(
        `${describeCall(call)} ${describeFailure(callFailure(error))}: the role may not read the job's log. Allow ` +
          `logs:DescribeLogStreams and logs:GetLogEvents on arn:aws:logs:*:*:log-group:${JOB_LOG_GROUP}:* to see the job's log and ` +
          `metrics here.`
      )
    }
    return awsCallError(call, error)
  }
}
