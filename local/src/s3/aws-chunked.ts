// Decodes S3's `aws-chunked` content encoding as a stream:
//   <hex-size>[;chunk-signature=<sig>]\r\n<data>\r\n ... 0[;chunk-signature=<sig>]\r\n
//   [<trailer-name>:<value>\r\n ...][x-amz-trailer-signature:<sig>\r\n]\r\n
// Only the data reaches the next stream. Framing errors are remembered and the
// rest of the body swallowed, so the client still gets S3's error answer instead
// of a broken connection.
import { createHash, type Hash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { chunkSignature, trailerSignature, type StreamingSigningContext } from './chunk-signature.js'
import { MIN_CHUNK_SIZE, S3Error, s3Errors } from './s3-errors.js'

export interface AwsChunkedOptions {
  /** Verify chunk signatures (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]); absent for unsigned chunks. */
  signing?: StreamingSigningContext
  /** The trailer must carry x-amz-trailer-signature (…-PAYLOAD-TRAILER). */
  signedTrailer?: boolean
  /** Trailer names announced by x-amz-trailer, lower case; the trailer must carry exactly these. */
  expectedTrailers: readonly string[]
}

type State = 'size-line' | 'data' | 'data-end' | 'trailer' | 'done'

/** Longest chunk-size or trailer line accepted; real lines are well under 200 bytes. */
const MAX_LINE = 4096
const CRLF = Buffer.from('\r\n')

export class AwsChunkedDecoder extends Transform {
  /** Trailing headers received, by lower-case name. */
  readonly trailers = new Map<string, string>()
  decodedBytes = 0
  /** Data chunks seen (the final empty chunk not counted). */
  chunkCount = 0
  failure: S3Error | undefined

  private state: State = 'size-line'
  private pending: Buffer = Buffer.alloc(0)
  private remaining = 0
  private previousChunkSize: number | undefined
  private chunkSignatureSent: string | undefined
  private previousSignature: string | undefined
  private chunkHash: Hash | undefined
  private trailerSignatureSent: string | undefined
  private readonly trailerOrder: Array<[string, string]> = []

  constructor(private readonly options: AwsChunkedOptions) {
    super()
    this.previousSignature = options.signing?.seedSignature
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.failure) return done()
    try {
      this.consume(this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk)
    } catch (error) {
      if (!(error instanceof S3Error)) return done(error as Error)
      this.failure = error
    }
    done()
  }

  override _flush(done: TransformCallback): void {
    if (this.failure) return done(this.failure)
    if (this.state !== 'done') return done(s3Errors.incompleteBody())
    done()
  }

  private consume(buffer: Buffer): void {
    let position = 0
    while (position < buffer.length) {
      switch (this.state) {
        case 'data': {
          const take = Math.min(this.remaining, buffer.length - position)
          const data = buffer.subarray(position, position + take)
          this.chunkHash?.update(data)
          this.push(data)
          this.decodedBytes += take
          this.remaining -= take
          position += take
          if (this.remaining === 0) this.state = 'data-end'
          break
        }
        case 'data-end': {
          if (buffer.length - position < 2) {
            this.pending = buffer.subarray(position)
            return
          }
          if (!buffer.subarray(position, position + 2).equals(CRLF)) throw s3Errors.incompleteBody()
          position += 2
          this.verifyChunkSignature(this.chunkHash?.digest('hex'))
          this.state = 'size-line'
          break
        }
        case 'size-line':
        case 'trailer': {
          const end = buffer.indexOf(CRLF, position)
          if (end === -1) {
            if (buffer.length - position > MAX_LINE)
              throw this.state === 'trailer' ? s3Errors.malformedTrailer() : s3Errors.incompleteBody()
            this.pending = Buffer.from(buffer.subarray(position))
            return
          }
          const line = buffer.subarray(position, end).toString('latin1')
          position = end + 2
          if (this.state === 'size-line') this.startChunk(line)
          else this.trailerLine(line)
          break
        }
        case 'done':
          // Bytes after the terminating empty line: the framing is wrong.
          throw s3Errors.incompleteBody()
      }
    }
    this.pending = Buffer.alloc(0)
  }

  private startChunk(line: string): void {
    const match = /^([0-9a-fA-F]{1,15})(?:;chunk-signature=([0-9a-f]{64}))?$/.exec(line)
    if (!match) throw s3Errors.incompleteBody()
    const size = Number.parseInt(match[1]!, 16)
    if (this.options.signing && match[2] === undefined) throw s3Errors.incompleteBody()
    this.chunkSignatureSent = match[2]
    if (size > 0) {
      this.chunkCount += 1
      // S3: every chunk but the last carries at least 8 KiB.
      if (this.previousChunkSize !== undefined && this.previousChunkSize < MIN_CHUNK_SIZE)
        throw s3Errors.invalidChunkSize(this.chunkCount, this.previousChunkSize)
      this.previousChunkSize = size
      this.remaining = size
      this.chunkHash = this.options.signing ? createHash('sha256') : undefined
      this.state = 'data'
      return
    }
    this.verifyChunkSignature(this.options.signing ? createHash('sha256').digest('hex') : undefined)
    this.state = 'trailer'
  }

  private verifyChunkSignature(dataSha256: string | undefined): void {
    const signing = this.options.signing
    if (!signing || dataSha256 === undefined) return
    const expected = chunkSignature(signing, this.previousSignature!, dataSha256)
    if (expected !== this.chunkSignatureSent) throw s3Errors.signatureDoesNotMatch()
    this.previousSignature = expected
  }

  private trailerLine(line: string): void {
    if (line === '') return this.finishTrailer()
    const colon = line.indexOf(':')
    if (colon <= 0) throw s3Errors.malformedTrailer()
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (name === 'x-amz-trailer-signature') {
      this.trailerSignatureSent = value
      return
    }
    if (!this.options.expectedTrailers.includes(name) || this.trailers.has(name)) throw s3Errors.malformedTrailer()
    this.trailers.set(name, value)
    this.trailerOrder.push([name, value])
  }

  private finishTrailer(): void {
    for (const name of this.options.expectedTrailers) if (!this.trailers.has(name)) throw s3Errors.malformedTrailer()
    const signing = this.options.signing
    if (this.options.signedTrailer && signing) {
      if (this.trailerSignatureSent === undefined) throw s3Errors.malformedTrailer()
      if (trailerSignature(signing, this.previousSignature!, this.trailerOrder) !== this.trailerSignatureSent)
        throw s3Errors.signatureDoesNotMatch()
    } else if (this.trailerSignatureSent !== undefined) {
      throw s3Errors.malformedTrailer()
    }
    this.state = 'done'
  }
}
