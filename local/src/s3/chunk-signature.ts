// SigV4 streaming signatures (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]):
// every chunk is signed with the previous signature, starting from the
// request's own (the "seed"), so a chunk cannot be altered, dropped or reordered.
import { createHash, createHmac } from 'node:crypto'

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export interface StreamingSigningContext {
  /** x-amz-date of the request, e.g. 20130524T000000Z. */
  amzDate: string
  /** Credential scope: <yyyymmdd>/<region>/<service>/aws4_request. */
  scope: string
  signingKey: Buffer
  /** The request's Authorization signature. */
  seedSignature: string
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=[^,]+, ?Signature=([0-9a-f]{64})$/

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}

function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request')
}

/** The context to verify a streamed body's chunk signatures, from an already verified request. */
export function streamingContext(
  authorization: string | undefined,
  amzDate: string | undefined,
  secretAccessKey: string
): StreamingSigningContext | undefined {
  const match = AUTHORIZATION.exec(authorization ?? '')
  if (!match || !amzDate) return undefined
  const [, date, region, service, signature] = match as unknown as [string, string, string, string, string]
  return {
    amzDate,
    scope: `${date}/${region}/${service}/aws4_request`,
    signingKey: signingKey(secretAccessKey, date, region, service),
    seedSignature: signature
  }
}

/** Signature of one chunk, given the chunk data's SHA-256 (hex) and the previous signature. */
export function chunkSignature(context: StreamingSigningContext, previousSignature: string, chunkDataSha256: string): string {
  const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', context.amzDate, context.scope, previousSignature, EMPTY_SHA256, chunkDataSha256].join(
    '\n'
  )
  return hmac(context.signingKey, stringToSign).toString('hex')
}

/** Signature of the trailing headers, chained to the final (empty) chunk's signature. */
export function trailerSignature(
  context: StreamingSigningContext,
  previousSignature: string,
  trailers: ReadonlyArray<[string, string]>
): string {
  const canonical = trailers.map(([name, value]) => `${name}:${value}\n`).join('')
  const stringToSign = ['AWS4-HMAC-SHA256-TRAILER', context.amzDate, context.scope, previousSignature, sha256Hex(canonical)].join('\n')
  return hmac(context.signingKey, stringToSign).toString('hex')
}
