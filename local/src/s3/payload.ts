// Receives a PutObject/UploadPart body the way S3 does: decides from
// x-amz-content-sha256 whether it is a plain or an aws-chunked body, checks
// the integrity headers before reading anything, streams the bytes to a
// staged file, then verifies the payload hash, decoded length, Content-MD5
// and the x-amz-checksum-* value (header or trailer).
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import type { Transform } from 'node:stream'
import type { KnownCredentials } from '../core/credentials.js'
import type { ObjectStore } from '../stores/object-store.js'
import { AwsChunkedDecoder } from './aws-chunked.js'
import { streamingContext } from './chunk-signature.js'
import { algorithmOfHeader, checksumHeaderName, isWellFormedChecksum, parseAlgorithm, type ChecksumAlgorithm } from './checksums.js'
import { MAX_SINGLE_PUT_SIZE, s3Errors } from './s3-errors.js'
import { discardStaged, stageBytes, type StagedBytes } from './staging.js'

type PayloadMode =
  { kind: 'hashed'; sha256Hex: string } | { kind: 'unsigned' } | { kind: 'chunked'; signed: boolean; trailer: boolean; value: string }

/** The x-amz-checksum-* value the client sent and where it came from. */
export interface ClientChecksum {
  algorithm: ChecksumAlgorithm
  /** Base64 value; for a trailer only known once the body has been read. */
  value?: string
  location: 'header' | 'trailer'
}

export interface ReceivedPayload extends StagedBytes {
  clientChecksum?: ClientChecksum
  /** What the request log shows for the body. */
  summary: PayloadSummary
}

export interface PayloadSummary {
  bytes: number
  contentSha256: string
  encoding: 'aws-chunked' | 'identity'
  chunks?: number
  trailers?: Record<string, string>
}

export interface ReceiveOptions {
  /** Checksums to compute besides the client's (a multipart upload's algorithm, S3's default CRC64NVME). */
  alsoCompute: ChecksumAlgorithm[]
  /** When the client names no checksum, compute this one (S3 defaults to CRC64NVME). */
  defaultAlgorithm?: ChecksumAlgorithm
  /** Rejects the client's checksum choice before any of the body is read (e.g. UploadPart against its upload's algorithm). */
  checkChecksumChoice?: (checksum: ClientChecksum | undefined) => void
}

/** Checksum-related x-amz-checksum-* headers that carry no value. */
const NON_VALUE_CHECKSUM_HEADERS = new Set(['x-amz-checksum-type', 'x-amz-checksum-algorithm', 'x-amz-checksum-mode'])

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

function payloadMode(req: IncomingMessage): PayloadMode {
  const value = header(req, 'x-amz-content-sha256')
  if (value === undefined) throw s3Errors.invalidRequest('Missing required header for this request: x-amz-content-sha256')
  if (/^[0-9a-f]{64}$/.test(value)) return { kind: 'hashed', sha256Hex: value }
  switch (value) {
    case 'UNSIGNED-PAYLOAD':
      return { kind: 'unsigned' }
    case 'STREAMING-UNSIGNED-PAYLOAD-TRAILER':
      return { kind: 'chunked', signed: false, trailer: true, value }
    case 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD':
      return { kind: 'chunked', signed: true, trailer: false, value }
    case 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER':
      return { kind: 'chunked', signed: true, trailer: true, value }
    case 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD':
    case 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER':
      throw s3Errors.notImplemented(`SigV4a streaming payloads (${value})`)
    default:
      throw s3Errors.invalidContentSha256()
  }
}

function declaredLength(req: IncomingMessage, mode: PayloadMode): number {
  const raw = mode.kind === 'chunked' ? header(req, 'x-amz-decoded-content-length') : header(req, 'content-length')
  if (raw === undefined) throw s3Errors.missingContentLength()
  if (!/^\d+$/.test(raw)) throw s3Errors.invalidArgument('Content-Length must be a non-negative integer', 'Content-Length', raw)
  const length = Number(raw)
  if (length > MAX_SINGLE_PUT_SIZE) throw s3Errors.entityTooLarge(length, MAX_SINGLE_PUT_SIZE)
  return length
}

/** Which checksum the client sent (header or announced trailer), validated against S3's rules. */
function clientChecksum(req: IncomingMessage, mode: PayloadMode): ClientChecksum | undefined {
  const headerChecksums = Object.keys(req.headers).filter(
    (name) => name.startsWith('x-amz-checksum-') && !NON_VALUE_CHECKSUM_HEADERS.has(name)
  )
  if (headerChecksums.length > 1)
    throw s3Errors.invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.')

  let trailerAlgorithm: ChecksumAlgorithm | undefined
  const trailerHeader = header(req, 'x-amz-trailer')
  if (mode.kind === 'chunked' && mode.trailer && trailerHeader !== undefined) {
    const names = trailerHeader.split(',').map((name) => name.trim().toLowerCase())
    if (names.length !== 1) throw s3Errors.invalidRequest('Expecting a single x-amz-checksum- header')
    trailerAlgorithm = algorithmOfHeader(names[0]!)
    if (!trailerAlgorithm) throw s3Errors.invalidRequest('The value specified in the x-amz-trailer header is not supported')
  } else if (mode.kind === 'chunked' && mode.signed && mode.trailer) {
    // The signed-trailer form promises a trailer; without x-amz-trailer it cannot be read.
    throw s3Errors.malformedTrailer()
  }
  if (trailerAlgorithm && headerChecksums.length > 0) throw s3Errors.invalidRequest('Expecting a single x-amz-checksum- header')

  let result: ClientChecksum | undefined
  if (trailerAlgorithm) result = { algorithm: trailerAlgorithm, location: 'trailer' }
  else if (headerChecksums.length === 1) {
    const name = headerChecksums[0]!
    const algorithm = algorithmOfHeader(name)
    if (!algorithm) throw s3Errors.invalidRequest(`Unsupported checksum header: ${name}`)
    const value = header(req, name)!
    if (!isWellFormedChecksum(algorithm, value)) throw s3Errors.invalidChecksumValue(name, false)
    result = { algorithm, value, location: 'header' }
  }

  const sdkAlgorithmHeader = header(req, 'x-amz-sdk-checksum-algorithm')
  if (sdkAlgorithmHeader !== undefined) {
    const sdkAlgorithm = parseAlgorithm(sdkAlgorithmHeader)
    if (!result)
      throw s3Errors.invalidRequest(
        'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.'
      )
    if (sdkAlgorithm !== result.algorithm) throw s3Errors.invalidRequest('Value for x-amz-sdk-checksum-algorithm header is invalid.')
  }
  return result
}

function contentMd5(req: IncomingMessage): string | undefined {
  const value = header(req, 'content-md5')
  if (value === undefined) return undefined
  if (!/^[A-Za-z0-9+/]{22}==$/.test(value)) throw s3Errors.invalidDigest(value)
  return value
}

/**
 * Validates the request's integrity headers, then streams its body into a
 * staged file and checks it. Throws S3's error (and removes the staged file)
 * when anything does not match.
 */
export async function receivePayload(
  req: IncomingMessage,
  caller: KnownCredentials,
  objects: ObjectStore,
  options: ReceiveOptions
): Promise<ReceivedPayload> {
  const mode = payloadMode(req)
  const expectedLength = declaredLength(req, mode)
  const checksum = clientChecksum(req, mode)
  const md5 = contentMd5(req)
  options.checkChecksumChoice?.(checksum)

  const decoders: Transform[] = []
  let decoder: AwsChunkedDecoder | undefined
  if (mode.kind === 'chunked') {
    const signing = mode.signed
      ? streamingContext(header(req, 'authorization'), header(req, 'x-amz-date'), caller.secretAccessKey)
      : undefined
    if (mode.signed && !signing) throw s3Errors.signatureDoesNotMatch()
    decoder = new AwsChunkedDecoder({
      signing,
      signedTrailer: mode.signed && mode.trailer,
      expectedTrailers: checksum?.location === 'trailer' ? [checksumHeaderName(checksum.algorithm)] : []
    })
    decoders.push(decoder)
  }

  const algorithms = [...options.alsoCompute]
  if (checksum) algorithms.push(checksum.algorithm)
  else if (options.defaultAlgorithm) algorithms.push(options.defaultAlgorithm)

  const staged = await stageBytes(objects, req, decoders, algorithms)
  try {
    if (decoder && decoder.decodedBytes !== expectedLength) throw s3Errors.decodedLengthMismatch(expectedLength, decoder.decodedBytes)
    if (mode.kind === 'hashed' && mode.sha256Hex !== staged.sha256Hex)
      throw s3Errors.contentSha256Mismatch(mode.sha256Hex, staged.sha256Hex)
    if (md5 !== undefined) {
      const calculated = Buffer.from(staged.md5Hex, 'hex').toString('base64')
      if (calculated !== md5) throw s3Errors.badDigestMd5(md5, calculated)
    }
    let verified: ClientChecksum | undefined
    if (checksum) {
      const name = checksumHeaderName(checksum.algorithm)
      const sent = checksum.location === 'trailer' ? decoder!.trailers.get(name)! : checksum.value!
      if (checksum.location === 'trailer' && !isWellFormedChecksum(checksum.algorithm, sent))
        throw s3Errors.invalidChecksumValue(name, true)
      if (staged.checksums.get(checksum.algorithm)!.toString('base64') !== sent) throw s3Errors.badChecksum(checksum.algorithm)
      verified = { ...checksum, value: sent }
    }
    return {
      ...staged,
      clientChecksum: verified,
      summary: {
        bytes: staged.size,
        contentSha256: mode.kind === 'hashed' ? mode.sha256Hex : mode.kind === 'unsigned' ? 'UNSIGNED-PAYLOAD' : mode.value,
        encoding: decoder ? 'aws-chunked' : 'identity',
        ...(decoder ? { chunks: decoder.chunkCount, trailers: Object.fromEntries(decoder.trailers) } : {})
      }
    }
  } catch (error) {
    await discardStaged(staged)
    throw error
  }
}

/** Largest XML request document read (a CompleteMultipartUpload of 10,000 parts fits). */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024

/**
 * Reads a small request document (CreateBucketConfiguration, CompleteMultipartUpload,
 * Delete) with the same integrity checks as an object body. An absent body is ''.
 */
export async function readDocument(
  req: IncomingMessage,
  caller: KnownCredentials,
  objects: ObjectStore
): Promise<{ text: string; summary?: PayloadSummary }> {
  const hasBody = header(req, 'content-length') !== undefined || header(req, 'transfer-encoding') !== undefined
  if (!hasBody || header(req, 'content-length') === '0') {
    const mode = payloadMode(req)
    const emptySha256 = createHash('sha256').digest('hex')
    if (mode.kind === 'hashed' && mode.sha256Hex !== emptySha256) throw s3Errors.contentSha256Mismatch(mode.sha256Hex, emptySha256)
    return { text: '' }
  }
  const received = await receivePayload(req, caller, objects, { alsoCompute: [] })
  try {
    if (received.size > MAX_DOCUMENT_BYTES) throw s3Errors.malformedXml()
    return { text: (await readFile(received.file)).toString('utf8'), summary: received.summary }
  } finally {
    await discardStaged(received)
  }
}
