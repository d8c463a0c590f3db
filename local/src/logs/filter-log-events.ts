// FilterLogEvents: events of several streams of a group, interleaved by time,
// filtered by a term pattern (see filter-pattern.ts), paged with an opaque token
// that continues after the last event returned.
import type { LogStore } from '../stores/log-store.js'
import { compileFilterPattern } from './filter-pattern.js'
import { invalidParameter, LOG_GROUP_NOT_FOUND, resourceNotFound } from './logs-errors.js'
import {
  CONSTRAINTS,
  logGroupOf,
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalStringList,
  type RequestBody
} from './logs-input.js'
import { opaqueToken, parseOpaqueToken } from './log-tokens.js'
import { fittingCount } from './response-budget.js'

const DEFAULT_LIMIT = CONSTRAINTS.eventsLimit.max

interface Cursor {
  ascending: boolean
  timestamp: number
  sequence: number
}

const isCursor = (value: unknown): value is Cursor => {
  const cursor = value as Partial<Cursor> | null
  return (
    typeof cursor === 'object' &&
    cursor !== null &&
    typeof cursor.ascending === 'boolean' &&
    Number.isFinite(cursor.timestamp) &&
    Number.isSafeInteger(cursor.sequence)
  )
}

interface FoundEvent {
  logStreamName: string
  timestamp: number
  message: string
  ingestionTime: number
  eventId: string
  sequence: number
}

/** Time order, then arrival order for events of the same millisecond. */
const compare = (a: { timestamp: number; sequence: number }, b: { timestamp: number; sequence: number }) =>
  a.timestamp - b.timestamp || a.sequence - b.sequence

export function filterLogEvents(store: LogStore, body: RequestBody): Record<string, unknown> {
  const logGroupName = logGroupOf(body)
  const logStreamNames = optionalStringList(body, 'logStreamNames', CONSTRAINTS.logStreamNames, CONSTRAINTS.logStreamName)
  const prefix = optionalString(body, 'logStreamNamePrefix', CONSTRAINTS.logStreamNamePrefix)
  const startTime = optionalInteger(body, 'startTime', CONSTRAINTS.timestamp)
  const endTime = optionalInteger(body, 'endTime', CONSTRAINTS.timestamp)
  const filterPattern = optionalString(body, 'filterPattern', CONSTRAINTS.filterPattern)
  const limit = optionalInteger(body, 'limit', CONSTRAINTS.eventsLimit) ?? DEFAULT_LIMIT
  const startFromHead = optionalBoolean(body, 'startFromHead') ?? true
  const nextToken = optionalString(body, 'nextToken', CONSTRAINTS.nextToken)
  if (logStreamNames !== undefined && prefix !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.')
  }
  const matches = compileFilterPattern(filterPattern)
  if (!store.hasGroup(logGroupName)) throw resourceNotFound(LOG_GROUP_NOT_FOUND)

  // The token's direction wins over startFromHead, as the service documents.
  const cursor = nextToken === undefined ? undefined : parseOpaqueToken(nextToken, 'FilterLogEvents', logGroupName, isCursor)
  const ascending = cursor?.ascending ?? startFromHead

  const streams = logStreamNames
    ? logStreamNames.flatMap((name) => store.stream(logGroupName, name) ?? [])
    : store.streams(logGroupName, prefix ?? '')
  const found: FoundEvent[] = []
  for (const stream of streams) {
    for (const event of stream.events) {
      if (startTime !== undefined && event.timestamp < startTime) continue
      if (endTime !== undefined && event.timestamp > endTime) continue
      const candidate = { ...event, logStreamName: stream.logStreamName, sequence: Number(event.eventId) }
      if (cursor && (ascending ? compare(candidate, cursor) <= 0 : compare(candidate, cursor) >= 0)) continue
      if (!matches(event.message)) continue
      found.push(candidate)
    }
  }
  found.sort(ascending ? compare : (a, b) => compare(b, a))

  const page = found.slice(
    0,
    fittingCount(
      found.map((e) => e.message),
      limit
    )
  )
  const last = page.at(-1)
  const more = page.length < found.length
  return {
    events: page.map(({ logStreamName, timestamp, message, ingestionTime, eventId }) => ({
      logStreamName,
      timestamp,
      message,
      ingestionTime,
      eventId
    })),
    // No longer filled by the service (since May 2020): always empty.
    searchedLogStreams: [],
    ...(more && last
      ? { nextToken: opaqueToken('FilterLogEvents', logGroupName, { ascending, timestamp: last.timestamp, sequence: last.sequence }) }
      : {})
  }
}
