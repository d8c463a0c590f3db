// The headers an object is written with (content type, user metadata,
// server-side encryption) and the headers S3 reports it back with.
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { ObjectMeta, StoredObject } from '../stores/object-store.js'
import { checksumHeaderName, parseAlgorithm } from './checksums.js'
import { s3Errors } from './s3-errors.js'

type Headers = Record<string, string>

const SSE_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse']
const REPRESENTATION_HEADERS = ['cache-control', 'content-disposition', 'content-language', 'expires']
/** S3 limits user metadata (names and values) to 2 KB. */
const MAX_USER_METADATA_BYTES = 2048

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

/** A stable, UUID-shaped id for the AWS managed key aws/s3 of an account and region. */
function awsManagedKeyId(accountId: string, region: string): string {
  const hex = createHash('sha256').update(`aws/s3:${accountId}:${region}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** S3 reports KMS keys as ARNs, whichever form the request named them in. */
function kmsKeyArn(keyId: string, accountId: string, region: string): string {
  if (keyId.startsWith('arn:')) return keyId
  if (keyId.startsWith('alias/')) return `arn:aws:kms:${region}:${accountId}:${keyId}`
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`
}

export interface Encryption {
  serverSideEncryption: string
  kmsKeyId?: string
  bucketKeyEnabled?: boolean
}

/**
 * The encryption an object is written with: as requested (SSE-KMS with the
 * named or the AWS managed key), else S3's default SSE-S3 (AES256).
 */
export function requestedEncryption(req: IncomingMessage, bucketOwner: string, region: string): Encryption {
  const algorithm = header(req, 'x-amz-server-side-encryption')
  const keyId = header(req, 'x-amz-server-side-encryption-aws-kms-key-id')
  const bucketKey = header(req, 'x-amz-server-side-encryption-bucket-key-enabled')
  if (header(req, 'x-amz-server-side-encryption-customer-algorithm') !== undefined)
    throw s3Errors.notImplemented('SSE-C (customer-provided keys)')
  if (algorithm !== undefined && !SSE_ALGORITHMS.includes(algorithm)) {
    throw s3Errors.invalidArgument('The encryption method specified is not supported', 'x-amz-server-side-encryption', algorithm)
  }
  const isKms = algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse'
  if (keyId !== undefined && !isKms) {
    throw s3Errors.invalidArgument(
      'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id',
      keyId
    )
  }
  if (!isKms) return { serverSideEncryption: 'AES256' }
  return {
    serverSideEncryption: algorithm,
    kmsKeyId: kmsKeyArn(keyId ?? awsManagedKeyId(bucketOwner, region), bucketOwner, region),
    ...(bucketKey !== undefined ? { bucketKeyEnabled: bucketKey.toLowerCase() === 'true' } : {})
  }
}

/** GET and HEAD take no SSE headers (only SSE-C ones, which the stand-in does not imitate). */
export function rejectSseHeadersOnRead(req: IncomingMessage): void {
  if (
    header(req, 'x-amz-server-side-encryption') !== undefined ||
    header(req, 'x-amz-server-side-encryption-aws-kms-key-id') !== undefined
  ) {
    throw s3Errors.invalidArgument(
      'x-amz-server-side-encryption header is not supported for this operation.',
      'x-amz-server-side-encryption'
    )
  }
}

export function encryptionHeaders(encryption: Partial<Encryption> | ObjectMeta): Headers {
  const headers: Headers = {}
  if (encryption.serverSideEncryption) headers['x-amz-server-side-encryption'] = encryption.serverSideEncryption
  if (encryption.kmsKeyId) headers['x-amz-server-side-encryption-aws-kms-key-id'] = encryption.kmsKeyId
  if (encryption.bucketKeyEnabled !== undefined)
    headers['x-amz-server-side-encryption-bucket-key-enabled'] = String(encryption.bucketKeyEnabled)
  return headers
}

/** Content type, encodings, user metadata and other representation headers of a write. */
export function requestedObjectMeta(
  req: IncomingMessage
): Pick<ObjectMeta, 'contentType' | 'contentEncoding' | 'metadata' | 'representation'> {
  const metadata: Record<string, string> = {}
  let metadataBytes = 0
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith('x-amz-meta-') || value === undefined) continue
    const text = Array.isArray(value) ? value.join(',') : value
    metadata[name.slice('x-amz-meta-'.length)] = text
    metadataBytes += Buffer.byteLength(name.slice('x-amz-meta-'.length)) + Buffer.byteLength(text)
  }
  if (metadataBytes > MAX_USER_METADATA_BYTES) throw s3Errors.metadataTooLarge(metadataBytes, MAX_USER_METADATA_BYTES)
  const representation: Record<string, string> = {}
  for (const name of REPRESENTATION_HEADERS) {
    const value = header(req, name)
    if (value !== undefined) representation[name] = value
  }
  // aws-chunked is how the body travelled, not how the object is encoded.
  const encodings = (header(req, 'content-encoding') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked')
  return {
    contentType: header(req, 'content-type') ?? 'binary/octet-stream',
    ...(encodings.length > 0 ? { contentEncoding: encodings.join(', ') } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    ...(Object.keys(representation).length > 0 ? { representation } : {})
  }
}

/** The checksum headers of an object (x-amz-checksum-<alg> and x-amz-checksum-type). */
export function checksumHeaders(meta: Pick<ObjectMeta, 'checksums' | 'checksumType'>): Headers {
  const headers: Headers = {}
  for (const [algorithm, value] of Object.entries(meta.checksums ?? {})) {
    const known = parseAlgorithm(algorithm)
    if (known) headers[checksumHeaderName(known)] = value
  }
  if (Object.keys(headers).length > 0) headers['x-amz-checksum-type'] = meta.checksumType ?? 'FULL_OBJECT'
  return headers
}

/** HEAD and GET headers of a stored object (without length and range). */
export function objectHeaders(object: StoredObject, includeChecksum: boolean): Headers {
  const headers: Headers = {
    'content-type': object.contentType ?? 'binary/octet-stream',
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    ...encryptionHeaders(object),
    ...(object.representation ?? {})
  }
  if (object.contentEncoding) headers['content-encoding'] = object.contentEncoding
  for (const [name, value] of Object.entries(object.metadata ?? {})) headers[`x-amz-meta-${name}`] = value
  if (includeChecksum) Object.assign(headers, checksumHeaders(object))
  return headers
}
