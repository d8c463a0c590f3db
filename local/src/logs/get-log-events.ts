// GetLogEvents: one stream's events with the service's forward/backward token
// semantics. A forward token means "after this event": read again later, it
// returns only what arrived since, and at the end of the stream it comes back
// unchanged, which is how a follower polls without duplicates or gaps.
//
// Events are kept in arrival order; the stand-in's writers append with
// non-decreasing timestamps, so that is also timestamp order.
import type { LogEvent, LogStore } from '../stores/log-store.js'
import { LOG_GROUP_NOT_FOUND, LOG_STREAM_NOT_FOUND, resourceNotFound } from './logs-errors.js'
import {
  CONSTRAINTS,
  logGroupOf,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
  type RequestBody
} from './logs-input.js'
import { parseStreamToken, streamToken, type StreamPosition } from './log-tokens.js'
import { fittingCount } from './response-budget.js'

const DEFAULT_LIMIT = CONSTRAINTS.eventsLimit.max

const sequenceOf = (event: LogEvent) => Number(event.eventId)

export function getLogEvents(store: LogStore, body: RequestBody): Record<string, unknown> {
  const logGroupName = logGroupOf(body)
  const logStreamName = requiredString(body, 'logStreamName', CONSTRAINTS.logStreamName)
  const startTime = optionalInteger(body, 'startTime', CONSTRAINTS.timestamp)
  const endTime = optionalInteger(body, 'endTime', CONSTRAINTS.timestamp)
  const limit = optionalInteger(body, 'limit', CONSTRAINTS.eventsLimit) ?? DEFAULT_LIMIT
  const startFromHead = optionalBoolean(body, 'startFromHead') ?? false
  const nextToken = optionalString(body, 'nextToken', CONSTRAINTS.nextToken)
  if (!store.hasGroup(logGroupName)) throw resourceNotFound(LOG_GROUP_NOT_FOUND)
  const stream = store.stream(logGroupName, logStreamName)
  if (!stream) throw resourceNotFound(LOG_STREAM_NOT_FOUND)

  // The token's direction wins over startFromHead.
  const token: StreamPosition | undefined = nextToken === undefined ? undefined : parseStreamToken(nextToken)
  const direction = token?.direction ?? (startFromHead ? 'forward' : 'backward')
  const inRange = (event: LogEvent) =>
    (startTime === undefined || event.timestamp >= startTime) && (endTime === undefined || event.timestamp < endTime)

  let page: LogEvent[]
  let nextForward: number
  let nextBackward: number
  if (direction === 'forward') {
    const after = token?.sequence ?? 0
    const candidates = stream.events.filter((event) => sequenceOf(event) > after && inRange(event))
    page = candidates.slice(
      0,
      fittingCount(
        candidates.map((e) => e.message),
        limit
      )
    )
    nextForward = page.length > 0 ? sequenceOf(page.at(-1)!) : after
    nextBackward = page.length > 0 ? sequenceOf(page[0]!) : after + 1
  } else {
    const before = token?.sequence ?? Number.MAX_SAFE_INTEGER
    const candidates = stream.events.filter((event) => sequenceOf(event) < before && inRange(event))
    // Backward pages are the latest events before the position, still listed oldest first.
    const count = fittingCount(candidates.map((e) => e.message).reverse(), limit)
    page = candidates.slice(candidates.length - count)
    const lastInStream = stream.events.filter((event) => sequenceOf(event) < before).at(-1)
    nextForward = page.length > 0 ? sequenceOf(page.at(-1)!) : lastInStream ? sequenceOf(lastInStream) : 0
    nextBackward = page.length > 0 ? sequenceOf(page[0]!) : before
  }

  return {
    events: page.map((event) => ({ timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime })),
    nextForwardToken: streamToken({ direction: 'forward', sequence: nextForward }),
    nextBackwardToken: streamToken({ direction: 'backward', sequence: nextBackward })
  }
}
