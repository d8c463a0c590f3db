// Pagination tokens. GetLogEvents tokens look like the service's own
// (`f/<56 digits>/s` forward, `b/<56 digits>/s` backward) and carry a position in
// the stream: the sequence number of an event. The other operations' tokens are
// opaque, tied to the request they continue.
import { INVALID_NEXT_TOKEN, invalidParameter } from './logs-errors.js'

export type Direction = 'forward' | 'backward'

export interface StreamPosition {
  direction: Direction
  /** forward: events after this sequence number; backward: events before it. */
  sequence: number
}

const STREAM_TOKEN = /^([fb])\/(\d{1,56})\/s$/

export function streamToken(position: StreamPosition): string {
  return `${position.direction === 'forward' ? 'f' : 'b'}/${String(position.sequence).padStart(56, '0')}/s`
}

export function parseStreamToken(token: string): StreamPosition {
  const match = STREAM_TOKEN.exec(token)
  const sequence = match ? Number(match[2]) : NaN
  if (!match || !Number.isSafeInteger(sequence)) throw invalidParameter(INVALID_NEXT_TOKEN)
  return { direction: match[1] === 'f' ? 'forward' : 'backward', sequence }
}

/** An opaque token for `operation` on `logGroup`, holding where the next page starts. */
export function opaqueToken<T extends object>(operation: string, logGroup: string, cursor: T): string {
  return Buffer.from(JSON.stringify({ op: operation, group: logGroup, cursor })).toString('base64url')
}

export function parseOpaqueToken<T extends object>(
  token: string,
  operation: string,
  logGroup: string,
  isCursor: (value: unknown) => value is T
): T {
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalidParameter(INVALID_NEXT_TOKEN)
  }
  const { op, group, cursor } = (decoded ?? {}) as { op?: unknown; group?: unknown; cursor?: unknown }
  // A token only continues the listing it came from.
  if (op !== operation || group !== logGroup || !isCursor(cursor)) throw invalidParameter(INVALID_NEXT_TOKEN)
  return cursor
}
