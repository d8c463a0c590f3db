// Object operations: PutObject, HeadObject, GetObject, CopyObject, DeleteObject.
import type { Reply } from '../core/service-server.js'
import type { StoredObject } from '../stores/object-store.js'
import { parseAlgorithm, type ChecksumAlgorithm } from './checksums.js'
import { checkWriteConditions, evaluateReadConditions } from './conditions.js'
import { copySourceObject } from './copy-source.js'
import {
  checksumHeaders,
  encryptionHeaders,
  objectHeaders,
  rejectSseHeadersOnRead,
  requestedEncryption,
  requestedObjectMeta
} from './object-headers.js'
import { readDocument, receivePayload } from './payload.js'
import { bucketOf, header, objectKey, xmlReply, type S3Call, type S3Handler } from './s3-call.js'
import { s3Errors } from './s3-errors.js'
import { parseXmlDocument, xmlTimestamp } from './s3-xml.js'
import { etagOf, stageBytes } from './staging.js'

/** What S3 computes for an object written without a checksum. */
const DEFAULT_CHECKSUM: ChecksumAlgorithm = 'CRC64NVME'

export const putObject: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const key = objectKey(call)
  const { req } = call.ctx
  const encryption = requestedEncryption(req, bucket.ownerAccountId, bucket.region)
  const meta = requestedObjectMeta(req)
  const objects = call.state.objects
  checkWriteConditions(req, key, objects.head(bucket.name, key))

  const received = await receivePayload(req, call.caller, objects, { alsoCompute: [], defaultAlgorithm: DEFAULT_CHECKSUM })
  call.ctx.logBody = received.summary
  const algorithm = received.clientChecksum?.algorithm ?? DEFAULT_CHECKSUM
  // A conditional write is decided when it completes: another write may have won meanwhile.
  const stored = await objects.commitFile(
    bucket.name,
    key,
    received.file,
    { size: received.size, etag: etagOf(received), sha256: received.sha256Hex },
    {
      ...meta,
      ...encryption,
      checksums: { [algorithm]: received.checksums.get(algorithm)!.toString('base64') },
      checksumType: 'FULL_OBJECT'
    },
    (current) => checkWriteConditions(req, key, current)
  )
  return { status: 200, headers: { etag: stored.etag, ...encryptionHeaders(stored), ...checksumHeaders(stored) } }
}

/** A Range header resolved against the object size: undefined means "whole object" (absent or ignorable). */
function resolveRange(value: string | undefined, size: number): { start: number; end: number } | undefined {
  if (value === undefined) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(value.trim())
  // S3 ignores what it cannot parse (including multiple ranges) and returns the whole object.
  if (!match || (match[1] === '' && match[2] === '')) return undefined
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0 || size === 0) throw s3Errors.invalidRange(size, value)
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? undefined : Number(match[2])
  // "bytes=20-10" is not a range at all (ignored); one starting past the end cannot be satisfied.
  if (end !== undefined && end < start) return undefined
  if (start >= size) throw s3Errors.invalidRange(size, value)
  return { start, end: Math.min(end ?? size - 1, size - 1) }
}

/** Query parameters that override a response header of GetObject/HeadObject. */
const RESPONSE_OVERRIDES: Array<[string, string]> = [
  ['response-content-type', 'content-type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding']
]

/** HeadObject and GetObject share everything but the body. */
function readObject(call: S3Call, withBody: boolean): Reply {
  const bucket = bucketOf(call)
  const key = objectKey(call)
  const { req } = call.ctx
  rejectSseHeadersOnRead(req)
  if (call.route.query.has('partNumber')) throw s3Errors.notImplemented('partNumber on GetObject/HeadObject')
  const object = call.state.objects.head(bucket.name, key)
  if (!object) throw s3Errors.noSuchKey(key)
  if (evaluateReadConditions(req, object) === 'not-modified') {
    return { status: 304, headers: { etag: object.etag, 'last-modified': object.lastModified.toUTCString() } }
  }
  const range = resolveRange(header(call, 'range'), object.size)
  // Checksums describe the whole object, so a ranged answer carries none.
  const headers: Record<string, string | number> = objectHeaders(object, header(call, 'x-amz-checksum-mode') === 'ENABLED' && !range)
  for (const [parameter, name] of RESPONSE_OVERRIDES) {
    const value = call.route.query.get(parameter)
    if (value !== null) headers[name] = value
  }
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${object.size}`
    headers['content-length'] = range.end - range.start + 1
  } else {
    headers['content-length'] = object.size
  }
  return {
    status: range ? 206 : 200,
    headers,
    body: withBody ? call.state.objects.read(bucket.name, key, range) : undefined
  }
}

export const headObject: S3Handler = async (call) => readObject(call, false)
export const getObject: S3Handler = async (call) => readObject(call, true)

export const deleteObject: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const key = objectKey(call)
  await call.state.objects.delete(bucket.name, key)
  return { status: 204 }
}

/** S3 deletes at most this many keys per DeleteObjects request. */
const MAX_DELETE_KEYS = 1000

export const deleteObjects: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const { req } = call.ctx
  // S3 insists on an integrity header for this operation.
  const hasIntegrityHeader =
    header(call, 'content-md5') !== undefined || Object.keys(req.headers).some((name) => /^x-amz-checksum-(crc|sha)/.test(name))
  if (!hasIntegrityHeader) throw s3Errors.invalidRequest('Missing required header for this request: Content-MD5 OR x-amz-checksum-*')
  const { text } = await readDocument(req, call.caller, call.state.objects)
  const document = parseXmlDocument(text, 'Delete')
  const entries = document?.Object
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_DELETE_KEYS) throw s3Errors.malformedXml()
  const keys = entries.map((entry: Record<string, unknown>) => {
    if (typeof entry?.Key !== 'string') throw s3Errors.malformedXml()
    return entry.Key
  })
  const quiet = document?.Quiet === 'true'
  call.ctx.logBody = { Delete: { Object: keys.map((Key) => ({ Key })), Quiet: quiet } }
  for (const key of keys) await call.state.objects.delete(bucket.name, key)
  // Quiet mode reports only errors; there are none for keys of an owned bucket.
  return xmlReply('DeleteResult', { Deleted: quiet ? [] : keys.map((Key) => ({ Key })) })
}

function isSameObject(source: StoredObject, bucket: string, key: string): boolean {
  return source.bucket === bucket && source.key === key
}

export const copyObject: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const key = objectKey(call)
  const { req } = call.ctx
  const objects = call.state.objects
  const source = copySourceObject(call)

  const directive = header(call, 'x-amz-metadata-directive') ?? 'COPY'
  if (directive !== 'COPY' && directive !== 'REPLACE')
    throw s3Errors.invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive)
  const changesSomething =
    directive === 'REPLACE' ||
    header(call, 'x-amz-server-side-encryption') !== undefined ||
    header(call, 'x-amz-storage-class') !== undefined ||
    header(call, 'x-amz-website-redirect-location') !== undefined
  if (isSameObject(source, bucket.name, key) && !changesSomething) {
    throw s3Errors.invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage " +
        'class, website redirect location or encryption attributes.'
    )
  }
  const meta =
    directive === 'REPLACE'
      ? requestedObjectMeta(req)
      : {
          contentType: source.contentType,
          contentEncoding: source.contentEncoding,
          metadata: source.metadata,
          representation: source.representation
        }
  const encryption = requestedEncryption(req, bucket.ownerAccountId, bucket.region)
  const requestedAlgorithm = header(call, 'x-amz-checksum-algorithm')
  if (requestedAlgorithm !== undefined && !parseAlgorithm(requestedAlgorithm))
    throw s3Errors.invalidRequest('Value for x-amz-checksum-algorithm header is invalid.')
  const sourceAlgorithm =
    source.checksumType === 'FULL_OBJECT' ? Object.keys(source.checksums ?? {}).map((a) => parseAlgorithm(a))[0] : undefined
  const algorithm = parseAlgorithm(requestedAlgorithm) ?? sourceAlgorithm ?? DEFAULT_CHECKSUM
  checkWriteConditions(req, key, objects.head(bucket.name, key))

  // The copy is a new single-part object: its ETag is the MD5 of the content, even for a multipart source.
  const staged = await stageBytes(objects, objects.read(source.bucket, source.key), [], [algorithm])
  const checksum = staged.checksums.get(algorithm)!.toString('base64')
  const stored = await objects.commitFile(
    bucket.name,
    key,
    staged.file,
    { size: staged.size, etag: etagOf(staged), sha256: staged.sha256Hex },
    { ...meta, ...encryption, checksums: { [algorithm]: checksum }, checksumType: 'FULL_OBJECT' },
    (current) => checkWriteConditions(req, key, current)
  )
  return xmlReply(
    'CopyObjectResult',
    { ETag: stored.etag, LastModified: xmlTimestamp(stored.lastModified), [`Checksum${algorithm}`]: checksum, ChecksumType: 'FULL_OBJECT' },
    encryptionHeaders(stored)
  )
}
