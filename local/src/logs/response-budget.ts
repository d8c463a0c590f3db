// The service stops a page at 1 MB of events (or the limit, whichever comes
// first), counting each event as its message plus 26 bytes, as PutLogEvents does.
const PAGE_BYTES = 1024 * 1024
const EVENT_OVERHEAD_BYTES = 26

/** How many of `messages`, taken in order, fit in one page of at most `limit` events. */
export function fittingCount(messages: Iterable<string>, limit: number): number {
  let bytes = 0
  let count = 0
  for (const message of messages) {
    if (count >= limit) break
    bytes += Buffer.byteLength(message) + EVENT_OVERHEAD_BYTES
    // At least one event per page, however large.
    if (bytes > PAGE_BYTES && count > 0) break
    count += 1
  }
  return count
}
