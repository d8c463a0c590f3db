// Conditional requests: If-Match / If-None-Match / If-(Un)Modified-Since on
// reads (412 or 304), and S3's conditional writes (If-None-Match: * and
// If-Match on PutObject and CompleteMultipartUpload).
import type { IncomingMessage } from 'node:http'
import type { StoredObject } from '../stores/object-store.js'
import { s3Errors } from './s3-errors.js'

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

function unquote(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
}

function etagMatches(condition: string, etag: string): boolean {
  return condition.split(',').some((candidate) => candidate.trim() === '*' || unquote(candidate) === unquote(etag))
}

/** HTTP dates have whole seconds. */
function modifiedSeconds(object: StoredObject): number {
  return Math.floor(object.lastModified.getTime() / 1000)
}

function parseDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000)
}

/**
 * How a GET/HEAD's conditions turn out, in the order S3 (and RFC 7232) weighs
 * them: 'proceed', 'not-modified' (304), or a thrown 412 PreconditionFailed.
 */
export function evaluateReadConditions(req: IncomingMessage, object: StoredObject, headerPrefix = ''): 'proceed' | 'not-modified' {
  const ifMatch = header(req, `${headerPrefix}if-match`)
  const ifNoneMatch = header(req, `${headerPrefix}if-none-match`)
  const ifModifiedSince = parseDate(header(req, `${headerPrefix}if-modified-since`))
  const ifUnmodifiedSince = parseDate(header(req, `${headerPrefix}if-unmodified-since`))
  const modified = modifiedSeconds(object)

  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, object.etag)) throw s3Errors.preconditionFailed(`${headerPrefix}If-Match`)
  } else if (ifUnmodifiedSince !== undefined && modified > ifUnmodifiedSince) {
    throw s3Errors.preconditionFailed(`${headerPrefix}If-Unmodified-Since`)
  }
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, object.etag)) return 'not-modified'
  } else if (ifModifiedSince !== undefined && modified <= ifModifiedSince) {
    return 'not-modified'
  }
  return 'proceed'
}

/** CopyObject's x-amz-copy-source-if-* conditions: any that fails is a 412. */
export function checkCopySourceConditions(req: IncomingMessage, source: StoredObject): void {
  if (evaluateReadConditions(req, source, 'x-amz-copy-source-') === 'not-modified')
    throw s3Errors.preconditionFailed('x-amz-copy-source-If-None-Match')
}

/** Conditional writes; `current` is the object the write would replace. */
export function checkWriteConditions(req: IncomingMessage, key: string, current: StoredObject | undefined): void {
  const ifNoneMatch = header(req, 'if-none-match')
  const ifMatch = header(req, 'if-match')
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') throw s3Errors.notImplemented('If-None-Match on writes other than "*"')
    if (current) throw s3Errors.preconditionFailed('If-None-Match')
  }
  if (ifMatch !== undefined) {
    if (!current) throw s3Errors.noSuchKey(key)
    if (!etagMatches(ifMatch, current.etag)) throw s3Errors.preconditionFailed('If-Match')
  }
}
