// DescribeLogStreams: the streams of a group, by name or by last event time,
// paged with an opaque token.
import type { LogStore, LogStream } from '../stores/log-store.js'
import { invalidParameter, LOG_GROUP_NOT_FOUND, resourceNotFound } from './logs-errors.js'
import { CONSTRAINTS, logGroupOf, optionalBoolean, optionalEnum, optionalInteger, optionalString, type RequestBody } from './logs-input.js'
import { opaqueToken, parseOpaqueToken } from './log-tokens.js'

const ORDER_BY = ['LogStreamName', 'LastEventTime'] as const
const DEFAULT_LIMIT = CONSTRAINTS.describeLimit.max

/** Name order continues after a name, so streams created between pages are neither skipped nor repeated. */
type Cursor = { afterName: string } | { offset: number }

const isCursor = (value: unknown): value is Cursor =>
  typeof value === 'object' &&
  value !== null &&
  (typeof (value as { afterName?: unknown }).afterName === 'string' || Number.isInteger((value as { offset?: unknown }).offset))

export interface StreamArnScope {
  region: string
  accountId: string
}

export function describeLogStreams(store: LogStore, body: RequestBody, scope: StreamArnScope): Record<string, unknown> {
  const logGroupName = logGroupOf(body)
  const prefix = optionalString(body, 'logStreamNamePrefix', CONSTRAINTS.logStreamNamePrefix)
  const orderBy = optionalEnum(body, 'orderBy', ORDER_BY) ?? 'LogStreamName'
  const descending = optionalBoolean(body, 'descending') ?? false
  const limit = optionalInteger(body, 'limit', CONSTRAINTS.describeLimit) ?? DEFAULT_LIMIT
  const nextToken = optionalString(body, 'nextToken', CONSTRAINTS.nextToken)
  if (orderBy === 'LastEventTime' && prefix !== undefined)
    throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.')
  if (!store.hasGroup(logGroupName)) throw resourceNotFound(LOG_GROUP_NOT_FOUND)

  let streams = store.streams(logGroupName, prefix ?? '')
  if (orderBy === 'LastEventTime') {
    streams = [...streams].sort((a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0))
  }
  if (descending) streams = [...streams].reverse()

  let start = 0
  if (nextToken !== undefined) {
    const cursor = parseOpaqueToken(nextToken, 'DescribeLogStreams', logGroupName, isCursor)
    if ('afterName' in cursor) {
      const after = cursor.afterName
      start = streams.findIndex((s) => (descending ? s.logStreamName < after : s.logStreamName > after))
      if (start < 0) start = streams.length
    } else {
      start = cursor.offset
    }
  }
  const page = streams.slice(start, start + limit)
  const more = start + page.length < streams.length
  const last = page.at(-1)
  const cursor: Cursor | undefined =
    !more || !last ? undefined : orderBy === 'LogStreamName' ? { afterName: last.logStreamName } : { offset: start + page.length }

  return {
    logStreams: page.map((stream) => describeStream(stream, logGroupName, scope)),
    ...(cursor ? { nextToken: opaqueToken('DescribeLogStreams', logGroupName, cursor) } : {})
  }
}

function describeStream(stream: LogStream, logGroupName: string, scope: StreamArnScope): Record<string, unknown> {
  return {
    logStreamName: stream.logStreamName,
    creationTime: stream.creationTime,
    firstEventTimestamp: stream.firstEventTimestamp,
    lastEventTimestamp: stream.lastEventTimestamp,
    lastIngestionTime: stream.lastIngestionTime,
    arn: `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${logGroupName}:log-stream:${stream.logStreamName}`,
    // The service has reported 0 for streams since June 2019.
    storedBytes: 0
  }
}
