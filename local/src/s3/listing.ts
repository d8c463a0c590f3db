// One page of an S3 listing: entries in UTF-8 byte order, filtered by prefix,
// grouped into CommonPrefixes by a delimiter, cut at max-keys. Shared by
// ListObjects(V2) and ListMultipartUploads.
import { s3Errors } from './s3-errors.js'

export interface PageRequest<T> {
  /** Entries sorted in S3's order (UTF-8 bytes of the key). */
  entries: T[]
  keyOf(entry: T): string
  prefix: string
  delimiter?: string
  maxKeys: number
  /** Entries already returned on an earlier page (markers, continuation tokens). */
  skip(entry: T): boolean
}

export interface Page<T> {
  contents: T[]
  commonPrefixes: string[]
  isTruncated: boolean
  /** The last key or common prefix returned: where the next page starts. */
  last?: { value: string; isPrefix: boolean }
}

export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

export function listPage<T>(request: PageRequest<T>): Page<T> {
  const page: Page<T> = { contents: [], commonPrefixes: [], isTruncated: false }
  if (request.maxKeys === 0) return page
  let count = 0
  for (const entry of request.entries) {
    const key = request.keyOf(entry)
    if (!key.startsWith(request.prefix) || request.skip(entry)) continue
    let commonPrefix: string | undefined
    if (request.delimiter) {
      const at = key.indexOf(request.delimiter, request.prefix.length)
      if (at !== -1) commonPrefix = key.slice(0, at + request.delimiter.length)
    }
    // Keys under one common prefix are adjacent in sorted order.
    if (commonPrefix !== undefined && commonPrefix === page.commonPrefixes.at(-1)) continue
    if (count === request.maxKeys) {
      page.isTruncated = true
      break
    }
    if (commonPrefix !== undefined) {
      page.commonPrefixes.push(commonPrefix)
      page.last = { value: commonPrefix, isPrefix: true }
    } else {
      page.contents.push(entry)
      page.last = { value: key, isPrefix: false }
    }
    count += 1
  }
  return page
}

/** Whether a key was covered by an earlier page that ended at `marker`. */
export function coveredBy(key: string, marker: { value: string; isPrefix: boolean } | undefined): boolean {
  if (!marker) return false
  return compareKeys(key, marker.value) <= 0 || (marker.isPrefix && key.startsWith(marker.value))
}

/** ListObjectsV2 continuation tokens are opaque to clients; this one carries where the page ended. */
export function encodeContinuationToken(last: { value: string; isPrefix: boolean }): string {
  return Buffer.from(JSON.stringify({ v: 1, k: last.value, p: last.isPrefix })).toString('base64')
}

export function decodeContinuationToken(token: string): { value: string; isPrefix: boolean } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { v?: number; k?: unknown; p?: unknown }
    if (parsed.v === 1 && typeof parsed.k === 'string' && typeof parsed.p === 'boolean') return { value: parsed.k, isPrefix: parsed.p }
  } catch {
    // fall through
  }
  throw s3Errors.invalidArgument('The continuation token provided is incorrect', 'continuation-token', token)
}

/** max-keys / max-uploads: an integer ≥ 0; S3 returns at most 1000 whatever is asked. */
export function parseMaxKeys(value: string | null, name: string): number {
  if (value === null) return 1000
  if (!/^\d+$/.test(value) || Number(value) > 2147483647) {
    throw s3Errors.invalidArgument(`Provided ${name} not an integer or within integer range`, name, value)
  }
  return Math.min(Number(value), 1000)
}

/** encoding-type=url: S3 URL-encodes keys in the answer (keeping '/'). */
export function keyEncoder(encodingType: string | null): (key: string) => string {
  if (encodingType === null) return (key) => key
  if (encodingType !== 'url') throw s3Errors.invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType)
  return (key) => encodeURIComponent(key).replace(/%2F/g, '/')
}

/** The parameters every list operation reads the same way. */
export function listParameters(query: URLSearchParams, limitName: 'max-keys' | 'max-uploads') {
  return {
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') || undefined,
    limit: parseMaxKeys(query.get(limitName), limitName),
    encode: keyEncoder(query.get('encoding-type'))
  }
}
