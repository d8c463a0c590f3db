// The stand-in's S3, driven by the official @aws-sdk/client-s3 and
// @aws-sdk/lib-storage (and, where the SDK cannot be made to send a broken
// request, by hand-made requests signed with @smithy/signature-v4).
import { Sha256 } from '@aws-crypto/sha256-js'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { SignatureV4 } from '@smithy/signature-v4'
import { createHash, createHmac } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { Readable } from 'node:stream'
import { crc32 } from 'node:zlib'
import { chunkSignature, signingKey } from '../local/src/s3/chunk-signature.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'

const REGION = 'us-west-2'
const BUCKET = 'stand-in-s3-tests'
const OTHER_ACCOUNT = '210987654321'

let standIn: StandIn
let s3: S3Client

/** What the SDK warns about (e.g. a failed stream it cannot retry): kept for the tests to read, not printed. */
const sdkWarnings: string[] = []
const recordingLogger = {
  debug: () => {},
  info: () => {},
  warn: (...parts: unknown[]) => void sdkWarnings.push(parts.map(String).join(' ')),
  error: () => {}
}

function client(config: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({
    region: REGION,
    endpoint: standIn.endpoints.s3,
    credentials: STATIC_CREDENTIALS,
    retryStrategy: new ConfiguredRetryStrategy(4, () => 10),
    logger: recordingLogger,
    ...config
  })
}

function otherAccountClient(): S3Client {
  const other = standIn.credentials.issueForRole(`arn:aws:iam::${OTHER_ACCOUNT}:role/other-team`, 'other', 3600)
  return client({
    credentials: { accessKeyId: other.accessKeyId, secretAccessKey: other.secretAccessKey, sessionToken: other.sessionToken }
  })
}

/** An SDK service error: name is S3's code, plus the error document's extra fields. */
type SdkFailure = Error & { $metadata: { httpStatusCode?: number; attempts?: number }; [field: string]: unknown }

/** The error a call fails with (the test fails if it succeeds). */
async function failure(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call
  } catch (error) {
    return error as SdkFailure
  }
  throw new Error('expected the call to fail')
}

/** Deterministic bytes that differ at every offset modulo 251. */
function pattern(size: number, seed = 1): Buffer {
  const data = Buffer.alloc(size)
  for (let i = 0; i < size; i++) data[i] = (i * 31 + seed) % 251
  return data
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

function md5(data: Uint8Array): Buffer {
  return createHash('md5').update(data).digest()
}

function crc32Base64(data: Uint8Array): string {
  const out = Buffer.alloc(4)
  out.writeUInt32BE(crc32(data))
  return out.toString('base64')
}

function chunksOf(data: Buffer, size: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size)
    })()
  )
}

async function getBytes(key: string, bucket = BUCKET): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request the SDK would never send, signed with the SDK's own signer and sent over plain HTTP. */
async function signedRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  credentials: { accessKeyId: string; secretAccessKey: string } = STATIC_CREDENTIALS
): Promise<RawAnswer> {
  const endpoint = new URL(standIn.endpoints.s3)
  const signer = new SignatureV4({ credentials, region: REGION, service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false })
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: endpoint.hostname,
    port: Number(endpoint.port),
    path,
    query: {},
    headers: { host: endpoint.host, ...headers }
  })
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: endpoint.hostname, port: endpoint.port, method, path, headers: { ...signed.headers, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

function errorCode(answer: RawAnswer): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(answer.body)?.[1]
}

/** aws-chunked framing with unsigned chunks and a checksum trailer, as the SDK frames it. */
function unsignedChunked(data: Buffer, chunkSize: number, trailer: string): Buffer {
  const parts: Buffer[] = []
  for (let i = 0; i < data.length; i += chunkSize) {
    const chunk = data.subarray(i, i + chunkSize)
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`0\r\n${trailer}\r\n\r\n`))
  return Buffer.concat(parts)
}

beforeAll(async () => {
  standIn = await start({ region: REGION })
  s3 = client()
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }))
})

afterAll(async () => {
  s3?.destroy()
  await standIn?.stop()
})

beforeEach(() => standIn.faults.clear())

describe('buckets', () => {
  test('CreateBucket and HeadBucket follow ownership by account', async () => {
    const created = await s3.send(new CreateBucketCommand({ Bucket: 'owned-bucket' }))
    expect(created.Location).toBe('/owned-bucket')
    expect(standIn.objects.bucket('owned-bucket')).toMatchObject({ ownerAccountId: STATIC_CREDENTIALS.accountId, region: REGION })
    // The SDK added the LocationConstraint for us-west-2 itself.
    expect(standIn.requests.of('s3', 'CreateBucket').at(-1)?.body).toEqual({ CreateBucketConfiguration: { LocationConstraint: REGION } })

    const head = await s3.send(new HeadBucketCommand({ Bucket: 'owned-bucket' }))
    expect(head.BucketRegion).toBe(REGION)

    const again = await failure(s3.send(new CreateBucketCommand({ Bucket: 'owned-bucket' })))
    expect(again.name).toBe('BucketAlreadyOwnedByYou')
    expect(again.$metadata.httpStatusCode).toBe(409)

    const other = otherAccountClient()
    const taken = await failure(other.send(new CreateBucketCommand({ Bucket: 'owned-bucket' })))
    expect(taken.name).toBe('BucketAlreadyExists')
    expect(taken.$metadata.httpStatusCode).toBe(409)
    const foreign = await failure(other.send(new HeadBucketCommand({ Bucket: 'owned-bucket' })))
    expect(foreign.$metadata.httpStatusCode).toBe(403)

    const missing = await failure(s3.send(new HeadBucketCommand({ Bucket: 'no-such-bucket-here' })))
    expect(missing.name).toBe('NotFound')
    expect(missing.$metadata.httpStatusCode).toBe(404)
    // HEAD errors carry no body, as in S3.
    expect(standIn.requests.of('s3', 'HeadBucket').at(-1)).toMatchObject({ status: 404, errorCode: 'NoSuchBucket' })

    const invalid = await failure(s3.send(new CreateBucketCommand({ Bucket: 'Not_A_Valid_Name' })))
    expect(invalid.name).toBe('InvalidBucketName')
  })

  test('a LocationConstraint for another region is refused by this regional endpoint', async () => {
    const body = Buffer.from('<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>')
    const answer = await signedRequest('PUT', '/elsewhere-bucket', { 'x-amz-content-sha256': sha256(body) }, body)
    expect(answer.status).toBe(400)
    expect(errorCode(answer)).toBe('IllegalLocationConstraintException')
    expect(standIn.objects.bucket('elsewhere-bucket')).toBeUndefined()
  })

  test("a request for another region's endpoint is redirected with the bucket's region, which the SDK can follow", async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'region/object.txt', Body: 'here' }))
    const elsewhere = client({ region: 'eu-west-1' })
    const refused = await failure(elsewhere.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'region/object.txt' })))
    expect(refused.name).toBe('PermanentRedirect')
    expect(refused.$metadata.httpStatusCode).toBe(301)
    expect((refused.$response as { headers: Record<string, string> }).headers['x-amz-bucket-region']).toBe(REGION)
    const following = client({ region: 'eu-west-1', followRegionRedirects: true })
    const object = await following.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'region/object.txt' }))
    expect(await object.Body!.transformToString()).toBe('here')
    elsewhere.destroy()
    following.destroy()
  })

  test('operations on a missing bucket answer NoSuchBucket', async () => {
    const error = await failure(s3.send(new PutObjectCommand({ Bucket: 'missing-bucket-x', Key: 'k', Body: 'x' })))
    expect(error.name).toBe('NoSuchBucket')
    expect(error.$metadata.httpStatusCode).toBe(404)
    expect(error.BucketName).toBe('missing-bucket-x')
  })
})

describe('PutObject bodies', () => {
  test('a streamed body arrives aws-chunked with a CRC32 trailer and is stored byte for byte', async () => {
    const data = pattern(3 * 1024 * 1024 + 4321)
    const put = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed/one.bin', Body: chunksOf(data, 64 * 1024), ContentLength: data.length })
    )
    expect(put.ETag).toBe(`"${md5(data).toString('hex')}"`)
    expect(put.ChecksumCRC32).toBe(crc32Base64(data))

    const record = standIn.requests.of('s3', 'PutObject').at(-1)!
    expect(record.headers['content-encoding']).toContain('aws-chunked')
    expect(record.headers['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER')
    expect(record.headers['x-amz-trailer']).toBe('x-amz-checksum-crc32')
    expect(record.headers['x-amz-decoded-content-length']).toBe(String(data.length))
    expect(record.body).toMatchObject({
      encoding: 'aws-chunked',
      bytes: data.length,
      trailers: { 'x-amz-checksum-crc32': crc32Base64(data) }
    })

    expect(sha256(await getBytes('streamed/one.bin'))).toBe(sha256(data))
    const stored = standIn.objects.head(BUCKET, 'streamed/one.bin')!
    expect(stored.size).toBe(data.length)
    expect(stored.contentEncoding).toBeUndefined()
  })

  test.each(['CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const)(
    'a streamed body with a %s trailer is verified, stored and validated by the SDK on GET',
    async (algorithm) => {
      const data = pattern(300 * 1024 + 17, 7)
      const key = `streamed/${algorithm}.bin`
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: key,
          Body: chunksOf(data, 16 * 1024),
          ContentLength: data.length,
          ChecksumAlgorithm: algorithm
        })
      )
      expect(put[`Checksum${algorithm}`]).toBeDefined()
      expect(standIn.requests.of('s3', 'PutObject').at(-1)!.headers['x-amz-trailer']).toBe(`x-amz-checksum-${algorithm.toLowerCase()}`)
      // With checksum mode the SDK recomputes the checksum over the body it receives.
      const get = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }))
      expect(get[`Checksum${algorithm}`]).toBe(put[`Checksum${algorithm}`])
      expect(sha256(Buffer.from(await get.Body!.transformToByteArray()))).toBe(sha256(data))
    }
  )

  test('with requestChecksumCalculation WHEN_REQUIRED a stream goes unchunked and S3 adds its default CRC64NVME', async () => {
    const data = pattern(500 * 1024, 3)
    const plain = client({ requestChecksumCalculation: 'WHEN_REQUIRED' })
    const put = await plain.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed/plain.bin', Body: chunksOf(data, 64 * 1024), ContentLength: data.length })
    )
    const record = standIn.requests.of('s3', 'PutObject').at(-1)!
    expect(record.headers['content-encoding']).toBeUndefined()
    expect(record.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD')
    expect(put.ChecksumCRC64NVME).toBeDefined()
    const get = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed/plain.bin', ChecksumMode: 'ENABLED' }))
    expect(sha256(Buffer.from(await get.Body!.transformToByteArray()))).toBe(sha256(data))
    plain.destroy()
  })

  test('chunks under 8 KiB before the last are refused like S3 does, unless the SDK buffers them', async () => {
    const data = pattern(40 * 1024, 5)
    const error = await failure(
      s3.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed/small-chunks.bin', Body: chunksOf(data, 1000), ContentLength: data.length })
      )
    )
    expect(error.name).toBe('InvalidChunkSizeError')
    expect(error.$metadata.httpStatusCode).toBe(400)
    expect(sdkWarnings).toContain('An error was encountered in a non-retryable streaming request.')
    expect(standIn.objects.exists(BUCKET, 'streamed/small-chunks.bin')).toBe(false)

    const buffered = client({ requestStreamBufferSize: 64 * 1024 })
    await buffered.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed/small-chunks.bin', Body: chunksOf(data, 1000), ContentLength: data.length })
    )
    expect(sha256(await getBytes('streamed/small-chunks.bin'))).toBe(sha256(data))
    buffered.destroy()
  })

  test('a Buffer body is sent with its sha256 as x-amz-content-sha256 and a CRC32 header, both checked', async () => {
    const data = pattern(100 * 1024, 9)
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'plain/buffer.bin', Body: data }))
    const record = standIn.requests.of('s3', 'PutObject').at(-1)!
    expect(record.headers['x-amz-content-sha256']).toBe(sha256(data))
    expect(record.headers['x-amz-checksum-crc32']).toBe(crc32Base64(data))
    expect(put.ETag).toBe(`"${md5(data).toString('hex')}"`)
    expect(await getBytes('plain/buffer.bin')).toEqual(data)
  })

  test('a body that does not match its x-amz-content-sha256 is refused and not stored', async () => {
    const body = Buffer.from('the real body')
    const answer = await signedRequest(
      'PUT',
      `/${BUCKET}/plain/lying-sha.txt`,
      { 'x-amz-content-sha256': sha256(Buffer.from('another body')) },
      body
    )
    expect(answer.status).toBe(400)
    expect(errorCode(answer)).toBe('XAmzContentSHA256Mismatch')
    expect(answer.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/)
    expect(answer.body).toContain(`<RequestId>${String(answer.headers['x-amz-request-id'])}</RequestId>`)
    expect(standIn.objects.exists(BUCKET, 'plain/lying-sha.txt')).toBe(false)
  })

  test('a wrong x-amz-checksum-crc32 header or Content-MD5 is a BadDigest', async () => {
    const wrongCrc = await failure(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'plain/bad-crc.txt', Body: 'hello', ChecksumCRC32: 'AAAAAA==' }))
    )
    expect(wrongCrc.name).toBe('BadDigest')
    expect(wrongCrc.message).toBe('The CRC32 you specified did not match the calculated checksum.')
    const wrongMd5 = await failure(
      s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: 'plain/bad-md5.txt',
          Body: 'hello',
          ContentMD5: md5(Buffer.from('bye')).toString('base64')
        })
      )
    )
    expect(wrongMd5.name).toBe('BadDigest')
    expect(standIn.objects.exists(BUCKET, 'plain/bad-crc.txt') || standIn.objects.exists(BUCKET, 'plain/bad-md5.txt')).toBe(false)
    // A right Content-MD5 passes.
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'plain/good-md5.txt',
        Body: 'hello',
        ContentMD5: md5(Buffer.from('hello')).toString('base64')
      })
    )
    expect(standIn.objects.exists(BUCKET, 'plain/good-md5.txt')).toBe(true)
  })

  const chunkedHeaders = (decodedLength: number) => ({
    'content-encoding': 'aws-chunked',
    'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    'x-amz-decoded-content-length': String(decodedLength),
    'x-amz-trailer': 'x-amz-checksum-crc32',
    'x-amz-sdk-checksum-algorithm': 'CRC32'
  })

  test('a corrupted trailing checksum is refused with BadDigest and nothing is stored', async () => {
    const data = pattern(20 * 1024, 11)
    const good = await signedRequest(
      'PUT',
      `/${BUCKET}/chunked/good.bin`,
      chunkedHeaders(data.length),
      unsignedChunked(data, 8192, `x-amz-checksum-crc32:${crc32Base64(data)}`)
    )
    expect(good.status).toBe(200)
    expect(await getBytes('chunked/good.bin')).toEqual(data)

    const wrong = crc32Base64(Buffer.concat([data, Buffer.from('!')]))
    const bad = await signedRequest(
      'PUT',
      `/${BUCKET}/chunked/bad.bin`,
      chunkedHeaders(data.length),
      unsignedChunked(data, 8192, `x-amz-checksum-crc32:${wrong}`)
    )
    expect(bad.status).toBe(400)
    expect(errorCode(bad)).toBe('BadDigest')
    expect(bad.body).toContain('The CRC32 you specified did not match the calculated checksum.')
    expect(standIn.objects.exists(BUCKET, 'chunked/bad.bin')).toBe(false)

    const malformedValue = await signedRequest(
      'PUT',
      `/${BUCKET}/chunked/bad.bin`,
      chunkedHeaders(data.length),
      unsignedChunked(data, 8192, 'x-amz-checksum-crc32:not-base64!')
    )
    expect(errorCode(malformedValue)).toBe('InvalidRequest')
    const missingTrailer = await signedRequest(
      'PUT',
      `/${BUCKET}/chunked/bad.bin`,
      chunkedHeaders(data.length),
      unsignedChunked(data, 8192, 'x-amz-checksum-sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAA=')
    )
    expect(errorCode(missingTrailer)).toBe('MalformedTrailerError')
    expect(standIn.objects.exists(BUCKET, 'chunked/bad.bin')).toBe(false)
  })

  test('a decoded length that does not match the chunks, or broken framing, is an IncompleteBody', async () => {
    const data = pattern(10 * 1024, 13)
    const framed = unsignedChunked(data, 8192, `x-amz-checksum-crc32:${crc32Base64(data)}`)
    const short = await signedRequest('PUT', `/${BUCKET}/chunked/short.bin`, chunkedHeaders(data.length + 5), framed)
    expect(short.status).toBe(400)
    expect(errorCode(short)).toBe('IncompleteBody')
    expect(short.body).toContain(`<NumberBytesExpected>${data.length + 5}</NumberBytesExpected>`)

    const truncated = await signedRequest(
      'PUT',
      `/${BUCKET}/chunked/short.bin`,
      chunkedHeaders(data.length),
      framed.subarray(0, framed.length - 30)
    )
    expect(errorCode(truncated)).toBe('IncompleteBody')
    expect(standIn.objects.exists(BUCKET, 'chunked/short.bin')).toBe(false)
  })

  test('chunk signatures are computed as in the AWS SigV4 streaming example', () => {
    // docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html: 64 KiB + 1 KiB of 'a'.
    const context = {
      amzDate: '20130524T000000Z',
      scope: '20130524/us-east-1/s3/aws4_request',
      signingKey: signingKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524', 'us-east-1', 's3'),
      seedSignature: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9'
    }
    const first = chunkSignature(context, context.seedSignature, sha256(Buffer.alloc(65536, 'a')))
    const second = chunkSignature(context, first, sha256(Buffer.alloc(1024, 'a')))
    const final = chunkSignature(context, second, sha256(Buffer.alloc(0)))
    expect([first, second, final]).toEqual([
      'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
      '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'
    ])
  })

  test('STREAMING-AWS4-HMAC-SHA256-PAYLOAD bodies are accepted with valid chunk signatures and refused when tampered', async () => {
    const data = pattern(20 * 1024, 17)
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')
    const date = amzDate.slice(0, 8)
    const endpoint = new URL(standIn.endpoints.s3)
    const path = `/${BUCKET}/chunked/signed.bin`
    const headers = {
      'content-encoding': 'aws-chunked',
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'x-amz-decoded-content-length': String(data.length),
      'x-amz-date': amzDate
    }
    // The seed signature is the request's own SigV4 signature.
    const signer = new SignatureV4({
      credentials: STATIC_CREDENTIALS,
      region: REGION,
      service: 's3',
      sha256: Sha256,
      uriEscapePath: false,
      applyChecksum: false
    })
    const signed = await signer.sign(
      { method: 'PUT', protocol: 'http:', hostname: endpoint.hostname, path, query: {}, headers: { host: endpoint.host, ...headers } },
      { signingDate: new Date() }
    )
    const seed = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization!)![1]!
    // Chunk signing written from the AWS documentation, independently of the stand-in.
    const key = ['s3', 'aws4_request'].reduce<Buffer>(
      (k, part) => createHmac('sha256', k).update(part).digest(),
      createHmac('sha256', createHmac('sha256', `AWS4${STATIC_CREDENTIALS.secretAccessKey}`).update(date).digest())
        .update(REGION)
        .digest()
    )
    const frame = (chunks: Buffer[]) => {
      let previous = seed
      const out: Buffer[] = []
      for (const chunk of [...chunks, Buffer.alloc(0)]) {
        const toSign = [
          'AWS4-HMAC-SHA256-PAYLOAD',
          amzDate,
          `${date}/${REGION}/s3/aws4_request`,
          previous,
          sha256(Buffer.alloc(0)),
          sha256(chunk)
        ].join('\n')
        previous = createHmac('sha256', key).update(toSign).digest('hex')
        out.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`), chunk, Buffer.from('\r\n'))
      }
      return Buffer.concat(out)
    }
    const send = (body: Buffer) =>
      new Promise<RawAnswer>((resolve, reject) => {
        const req = httpRequest(
          {
            host: endpoint.hostname,
            port: endpoint.port,
            method: 'PUT',
            path,
            headers: { ...signed.headers, 'content-length': String(body.length) }
          },
          (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })
            )
          }
        )
        req.on('error', reject)
        req.end(body)
      })

    const good = await send(frame([data.subarray(0, 12 * 1024), data.subarray(12 * 1024)]))
    expect(good.status).toBe(200)
    expect(await getBytes('chunked/signed.bin')).toEqual(data)

    const framed = frame([data.subarray(0, 12 * 1024), data.subarray(12 * 1024)])
    const tampered = Buffer.from(framed)
    const flipAt = framed.indexOf('\r\n') + 2 + 100
    tampered[flipAt] = tampered[flipAt]! ^ 0xff
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'chunked/signed.bin' }))
    const refused = await send(tampered)
    expect(refused.status).toBe(403)
    expect(errorCode(refused)).toBe('SignatureDoesNotMatch')
    expect(standIn.objects.exists(BUCKET, 'chunked/signed.bin')).toBe(false)
  })
})

describe('multipart uploads', () => {
  test('lib-storage Upload of ~16 MiB in 5 MiB parts is byte-identical with the multipart ETag', async () => {
    const data = pattern(16 * 1024 * 1024 + 54321, 21)
    const partSize = 5 * 1024 * 1024
    const upload = new Upload({ client: s3, params: { Bucket: BUCKET, Key: 'multipart/big.bin', Body: data }, partSize, queueSize: 2 })
    const result = await upload.done()

    const partMd5s: Buffer[] = []
    for (let offset = 0; offset < data.length; offset += partSize) partMd5s.push(md5(data.subarray(offset, offset + partSize)))
    expect(partMd5s).toHaveLength(4)
    expect(result.ETag).toBe(`"${md5(Buffer.concat(partMd5s)).toString('hex')}-4"`)
    expect(standIn.requests.of('s3', 'UploadPart').filter((r) => r.status === 200)).toHaveLength(4)

    const get = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'multipart/big.bin', ChecksumMode: 'ENABLED' }))
    expect(get.ETag).toBe(result.ETag)
    expect(get.ChecksumType).toBe('COMPOSITE')
    expect(get.ChecksumCRC32).toMatch(/-4$/)
    expect(sha256(Buffer.from(await get.Body!.transformToByteArray()))).toBe(sha256(data))

    const open = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }))
    expect(open.Uploads ?? []).toHaveLength(0)
  })

  test('CompleteMultipartUpload checks part order, ETags and sizes; Abort ends the upload', async () => {
    const key = 'multipart/checked.bin'
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ChecksumAlgorithm: 'CRC32' }))
    const parts: Array<{ PartNumber: number; ETag: string; ChecksumCRC32: string }> = []
    for (const partNumber of [1, 2]) {
      const body = pattern(1024 * 1024, partNumber)
      const answer = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: partNumber, Body: body }))
      expect(answer.ETag).toBe(`"${md5(body).toString('hex')}"`)
      expect(answer.ChecksumCRC32).toBe(crc32Base64(body))
      parts.push({ PartNumber: partNumber, ETag: answer.ETag!, ChecksumCRC32: answer.ChecksumCRC32! })
    }
    const complete = (Parts: typeof parts) =>
      s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId, MultipartUpload: { Parts } }))

    expect((await failure(complete([parts[1]!, parts[0]!]))).name).toBe('InvalidPartOrder')
    expect((await failure(complete([{ ...parts[0]!, ETag: '"0123456789abcdef0123456789abcdef"' }]))).name).toBe('InvalidPart')
    expect((await failure(complete([parts[0]!, { ...parts[1]!, PartNumber: 3 }]))).name).toBe('InvalidPart')
    const tooSmall = await failure(complete(parts))
    expect(tooSmall.name).toBe('EntityTooSmall')
    expect(tooSmall.$metadata.httpStatusCode).toBe(400)
    expect(standIn.objects.exists(BUCKET, key)).toBe(false)

    const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }))
    expect(listed.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([[key, UploadId]])

    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId }))
    const gone = await failure(s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 3, Body: 'x' })))
    expect(gone.name).toBe('NoSuchUpload')
    expect(gone.$metadata.httpStatusCode).toBe(404)
    expect((await failure(complete(parts))).name).toBe('NoSuchUpload')
  })

  test("a single small last part completes; a part without the upload's checksum is refused", async () => {
    const key = 'multipart/single.bin'
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ChecksumAlgorithm: 'SHA256' }))
    const mismatch = await failure(
      s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 1, Body: 'abc', ChecksumAlgorithm: 'CRC32' }))
    )
    expect(mismatch.name).toBe('InvalidRequest')
    expect(mismatch.message).toContain('Checksum Type mismatch')
    const part = await s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 1, Body: 'abc', ChecksumAlgorithm: 'SHA256' })
    )
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumSHA256: part.ChecksumSHA256 }] }
      })
    )
    expect(done.ETag).toBe(`"${md5(md5(Buffer.from('abc'))).toString('hex')}-1"`)
    expect(done.ChecksumSHA256).toBe(`${createHash('sha256').update(createHash('sha256').update('abc').digest()).digest('base64')}-1`)
    expect((await getBytes(key)).toString()).toBe('abc')
  })
})

describe('reading objects', () => {
  const data = pattern(1000, 31)
  beforeAll(async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'read/range.bin', Body: data }))
  })

  test('Range GETs answer 206 with Content-Range; an unsatisfiable range is a 416 InvalidRange', async () => {
    const middle = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'read/range.bin', Range: 'bytes=100-199' }))
    expect(middle.$metadata.httpStatusCode).toBe(206)
    expect(middle.ContentRange).toBe('bytes 100-199/1000')
    expect(middle.ContentLength).toBe(100)
    expect(Buffer.from(await middle.Body!.transformToByteArray())).toEqual(data.subarray(100, 200))

    const suffix = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'read/range.bin', Range: 'bytes=-10' }))
    expect(suffix.ContentRange).toBe('bytes 990-999/1000')
    expect(Buffer.from(await suffix.Body!.transformToByteArray())).toEqual(data.subarray(990))

    const openEnded = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'read/range.bin', Range: 'bytes=995-5000' }))
    expect(openEnded.ContentRange).toBe('bytes 995-999/1000')

    const beyond = await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'read/range.bin', Range: 'bytes=1000-' })))
    expect(beyond.name).toBe('InvalidRange')
    expect(beyond.$metadata.httpStatusCode).toBe(416)
  })

  test('HeadObject reports the object; a missing key is NoSuchKey (404, no body on HEAD)', async () => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'read/range.bin', ChecksumMode: 'ENABLED' }))
    expect(head.ContentLength).toBe(1000)
    expect(head.ETag).toBe(`"${md5(data).toString('hex')}"`)
    expect(head.ChecksumCRC32).toBe(crc32Base64(data))
    expect(head.ServerSideEncryption).toBe('AES256')
    const overridden = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'read/range.bin', ResponseContentType: 'text/x-override' })
    )
    expect(overridden.ContentType).toBe('text/x-override')
    await overridden.Body!.transformToByteArray()

    const missingHead = await failure(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'read/nothing' })))
    expect(missingHead.name).toBe('NotFound')
    const missingGet = await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'read/nothing' })))
    expect(missingGet.name).toBe('NoSuchKey')
    expect(missingGet.Key).toBe('read/nothing')
  })

  test('ListObjectsV2 pages with continuation tokens, prefixes and delimiters', async () => {
    const bucket = 'listing-bucket'
    await s3.send(new CreateBucketCommand({ Bucket: bucket }))
    const keys = ['a.txt', 'b/1.txt', 'b/2.txt', 'c.txt', 'd/x/1.txt', 'e.txt', 'f.txt']
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }))

    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 2, ContinuationToken: token }))
      pages += 1
      expect(page.KeyCount).toBe(page.Contents?.length ?? 0)
      seen.push(...(page.Contents ?? []).map((o) => o.Key!))
      token = page.IsTruncated ? page.NextContinuationToken : undefined
      if (page.IsTruncated) expect(token).toBeDefined()
    } while (token)
    expect(seen).toEqual(keys)
    expect(pages).toBe(4)

    const grouped = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', MaxKeys: 3 }))
    expect(grouped.Contents?.map((o) => o.Key)).toEqual(['a.txt', 'c.txt'])
    expect(grouped.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['b/'])
    expect(grouped.KeyCount).toBe(3)
    const rest = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', ContinuationToken: grouped.NextContinuationToken })
    )
    expect(rest.Contents?.map((o) => o.Key)).toEqual(['e.txt', 'f.txt'])
    expect(rest.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['d/'])

    const prefixed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'b/' }))
    expect(prefixed.Contents?.map((o) => [o.Key, o.Size])).toEqual([
      ['b/1.txt', 7],
      ['b/2.txt', 7]
    ])
    const bogus = await failure(s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: 'bm90IGEgdG9rZW4=' })))
    expect(bogus.name).toBe('InvalidArgument')
  })
})

test('keys with spaces, reserved characters, dot segments and unicode round-trip', async () => {
  const keys = ['odd keys/a b+c=d&e?.txt', 'dots/../not-collapsed.txt', 'unicode/ünïcødé/ключ.txt', 'slashes//double.txt']
  for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `body of ${key}` }))
  for (const key of keys) {
    expect((await getBytes(key)).toString()).toBe(`body of ${key}`)
    expect(standIn.objects.exists(BUCKET, key)).toBe(true)
  }
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'unicode/' }))
  expect(listed.Contents?.map((o) => o.Key)).toEqual(['unicode/ünïcødé/ключ.txt'])
})

describe('copy and delete', () => {
  test('CopyObject copies bytes and metadata; copying onto itself unchanged is refused', async () => {
    const data = pattern(4096, 41)
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'copy/source.bin',
        Body: data,
        ContentType: 'application/x-test',
        Metadata: { purpose: 'copy' }
      })
    )
    const copied = await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy/target.bin', CopySource: `${BUCKET}/copy/source.bin` }))
    expect(copied.CopyObjectResult?.ETag).toBe(`"${md5(data).toString('hex')}"`)
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'copy/target.bin' }))
    expect(head.ContentType).toBe('application/x-test')
    expect(head.Metadata).toEqual({ purpose: 'copy' })
    expect(await getBytes('copy/target.bin')).toEqual(data)

    const self = await failure(
      s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy/source.bin', CopySource: `${BUCKET}/copy/source.bin` }))
    )
    expect(self.name).toBe('InvalidRequest')
    const missing = await failure(
      s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy/x', CopySource: `${BUCKET}/copy/absent.bin` }))
    )
    expect(missing.name).toBe('NoSuchKey')
  })

  test('DeleteObject removes the object and is idempotent', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'delete/me.txt', Body: 'bye' }))
    const deleted = await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'delete/me.txt' }))
    expect(deleted.$metadata.httpStatusCode).toBe(204)
    expect(standIn.objects.exists(BUCKET, 'delete/me.txt')).toBe(false)
    const again = await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'delete/me.txt' }))
    expect(again.$metadata.httpStatusCode).toBe(204)
  })

  test('DeleteObjects removes a batch of keys and reports them', async () => {
    const keys = ['batch/1.txt', 'batch/2.txt', 'batch/3.txt']
    for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }))
    const result = await s3.send(
      new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [...keys, 'batch/never.txt'].map((Key) => ({ Key })) } })
    )
    expect(result.Deleted?.map((d) => d.Key)).toEqual([...keys, 'batch/never.txt'])
    expect(result.Errors ?? []).toHaveLength(0)
    expect(keys.some((key) => standIn.objects.exists(BUCKET, key))).toBe(false)
  })

  test('If-None-Match: * refuses to overwrite an existing object', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/once.txt', Body: 'first', IfNoneMatch: '*' }))
    const second = await failure(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/once.txt', Body: 'second', IfNoneMatch: '*' }))
    )
    expect(second.name).toBe('PreconditionFailed')
    expect(second.$metadata.httpStatusCode).toBe(412)
    expect((await getBytes('conditional/once.txt')).toString()).toBe('first')
  })

  test('If-Match replaces only the version whose ETag was read; a missing key is NoSuchKey', async () => {
    const first = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/pointer.json', Body: '{"n":1}' }))
    const second = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/pointer.json', Body: '{"n":2}', IfMatch: first.ETag })
    )
    expect(second.ETag).not.toBe(first.ETag)
    const stale = await failure(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/pointer.json', Body: '{"n":3}', IfMatch: first.ETag }))
    )
    expect([stale.name, stale.$metadata.httpStatusCode]).toEqual(['PreconditionFailed', 412])
    expect((await getBytes('conditional/pointer.json')).toString()).toBe('{"n":2}')
    const absent = await failure(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/absent.json', Body: '{}', IfMatch: first.ETag }))
    )
    expect([absent.name, absent.$metadata.httpStatusCode]).toEqual(['NoSuchKey', 404])
    expect(standIn.objects.exists(BUCKET, 'conditional/absent.json')).toBe(false)
  })

  test('of conditional writes racing with the same ETag, exactly one wins', async () => {
    const start = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/race.json', Body: 'start' }))
    const bodies = Array.from({ length: 6 }, (_, index) => `writer ${index} `.repeat(2000))
    const settled = await Promise.allSettled(
      bodies.map((Body) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'conditional/race.json', Body, IfMatch: start.ETag })))
    )
    const won = settled.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []))
    expect(won).toHaveLength(1)
    for (const result of settled) if (result.status === 'rejected') expect((result.reason as SdkFailure).$metadata.httpStatusCode).toBe(412)
    expect((await getBytes('conditional/race.json')).toString()).toBe(bodies[won[0]!])
  })
})

describe('ownership and encryption', () => {
  test('a mismatching ExpectedBucketOwner is a 403 and nothing is written', async () => {
    const error = await failure(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'owner/denied.txt', Body: 'x', ExpectedBucketOwner: OTHER_ACCOUNT }))
    )
    expect(error.name).toBe('AccessDenied')
    expect(error.$metadata.httpStatusCode).toBe(403)
    expect(standIn.objects.exists(BUCKET, 'owner/denied.txt')).toBe(false)
    expect(standIn.requests.of('s3', 'PutObject').at(-1)).toMatchObject({ status: 403, errorCode: 'AccessDenied' })

    const head = await failure(s3.send(new HeadBucketCommand({ Bucket: BUCKET, ExpectedBucketOwner: OTHER_ACCOUNT })))
    expect(head.$metadata.httpStatusCode).toBe(403)
    const listing = await failure(s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ExpectedBucketOwner: OTHER_ACCOUNT })))
    expect(listing.name).toBe('AccessDenied')

    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'owner/allowed.txt', Body: 'x', ExpectedBucketOwner: STATIC_CREDENTIALS.accountId })
    )
    expect(standIn.objects.exists(BUCKET, 'owner/allowed.txt')).toBe(true)
  })

  test("another account's caller cannot write to or read from the bucket", async () => {
    const other = otherAccountClient()
    const write = await failure(other.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'owner/intruder.txt', Body: 'x' })))
    expect(write.name).toBe('AccessDenied')
    expect(standIn.objects.exists(BUCKET, 'owner/intruder.txt')).toBe(false)
    const read = await failure(other.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'owner/allowed.txt' })))
    expect(read.name).toBe('AccessDenied')
    other.destroy()
  })

  test('SSE-KMS headers are stored and reported on Put, Head, Get and multipart', async () => {
    const keyArn = `arn:aws:kms:${REGION}:${STATIC_CREDENTIALS.accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
    const put = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'kms/object.txt', Body: 'secret', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn })
    )
    expect([put.ServerSideEncryption, put.SSEKMSKeyId]).toEqual(['aws:kms', keyArn])
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'kms/object.txt' }))
    expect([head.ServerSideEncryption, head.SSEKMSKeyId]).toEqual(['aws:kms', keyArn])
    const get = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'kms/object.txt' }))
    expect([get.ServerSideEncryption, get.SSEKMSKeyId]).toEqual(['aws:kms', keyArn])
    await get.Body!.transformToString()

    // Without a key id S3 uses the account's AWS managed key, reported as a key ARN.
    const managed = await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'kms/managed.txt', Body: 'x', ServerSideEncryption: 'aws:kms' })
    )
    expect(managed.SSEKMSKeyId).toMatch(new RegExp(`^arn:aws:kms:${REGION}:${STATIC_CREDENTIALS.accountId}:key/[0-9a-f-]{36}$`))

    const created = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'kms/multi.bin', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn })
    )
    expect([created.ServerSideEncryption, created.SSEKMSKeyId]).toEqual(['aws:kms', keyArn])
    const part = await s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: 'kms/multi.bin', UploadId: created.UploadId, PartNumber: 1, Body: 'only part' })
    )
    expect([part.ServerSideEncryption, part.SSEKMSKeyId]).toEqual(['aws:kms', keyArn])
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'kms/multi.bin',
        UploadId: created.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] }
      })
    )
    expect([done.ServerSideEncryption, done.SSEKMSKeyId]).toEqual(['aws:kms', keyArn])

    const invalid = await failure(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'kms/bad.txt', Body: 'x', SSEKMSKeyId: keyArn })))
    expect(invalid.name).toBe('InvalidArgument')
  })
})

describe('faults and retries', () => {
  test('the SDK retries through SlowDown: 2 throttled answers, then the put succeeds', async () => {
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'throttle', times: 2 })
    const before = standIn.requests.of('s3', 'PutObject').length
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'faults/throttled.txt', Body: 'eventually' }))
    expect(put.$metadata.attempts).toBe(3)
    const records = standIn.requests.of('s3', 'PutObject').slice(before)
    expect(records.map((r) => [r.status, r.errorCode])).toEqual([
      [503, 'SlowDown'],
      [503, 'SlowDown'],
      [200, undefined]
    ])
    expect((await getBytes('faults/throttled.txt')).toString()).toBe('eventually')
    expect(standIn.faults.pending()).toHaveLength(0)
  })

  test('the SDK retries through a reset connection and an InternalError', async () => {
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'reset' })
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'error' })
    const before = standIn.requests.of('s3', 'PutObject').length
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'faults/reset.txt', Body: 'survived' }))
    expect(put.$metadata.attempts).toBe(3)
    expect(
      standIn.requests
        .of('s3', 'PutObject')
        .slice(before)
        .map((r) => r.fault ?? r.status)
    ).toEqual(['reset', 'error', 200])
    expect(standIn.requests.of('s3', 'PutObject').slice(before)[1]!.errorCode).toBe('InternalError')
    expect((await getBytes('faults/reset.txt')).toString()).toBe('survived')
  })

  test('commit-then-drop: the first put takes effect, the SDK retry overwrites it harmlessly', async () => {
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'commit-then-drop' })
    const before = standIn.requests.of('s3', 'PutObject').length
    const data = pattern(2048, 51)
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'faults/dropped.bin', Body: data }))
    expect(put.$metadata.attempts).toBe(2)
    const records = standIn.requests.of('s3', 'PutObject').slice(before)
    expect(records.map((r) => [r.fault, r.status])).toEqual([
      ['commit-then-drop', 200],
      [undefined, 200]
    ])
    expect(standIn.objects.head(BUCKET, 'faults/dropped.bin')?.etag).toBe(put.ETag)
    expect(await getBytes('faults/dropped.bin')).toEqual(data)
  })
})

describe('authentication', () => {
  test('a wrong secret is SignatureDoesNotMatch; an unknown key is InvalidAccessKeyId', async () => {
    const wrongSecret = client({ credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } })
    const bad = await failure(wrongSecret.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'auth/x.txt', Body: 'x' })))
    expect(bad.name).toBe('SignatureDoesNotMatch')
    expect(bad.$metadata.httpStatusCode).toBe(403)

    const unknown = client({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'whatever' } })
    const who = await failure(unknown.send(new ListObjectsV2Command({ Bucket: BUCKET })))
    expect(who.name).toBe('InvalidAccessKeyId')
    expect(who.$metadata.httpStatusCode).toBe(403)
    expect(who.AWSAccessKeyId).toBe('AKIAUNKNOWN000000000')
    expect(standIn.objects.exists(BUCKET, 'auth/x.txt')).toBe(false)
    wrongSecret.destroy()
    unknown.destroy()
  })

  test('expired session credentials are ExpiredToken; an unsigned request is AccessDenied', async () => {
    const issued = standIn.credentials.issueForRole(`arn:aws:iam::${STATIC_CREDENTIALS.accountId}:role/short`, 'short', 900)
    const expiredClient = client({
      credentials: { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken }
    })
    const realNow = standIn.credentials.now
    standIn.credentials.now = () => realNow() + 3600_000
    try {
      const expired = await failure(expiredClient.send(new ListObjectsV2Command({ Bucket: BUCKET })))
      expect(expired.name).toBe('ExpiredToken')
      expect(expired.$metadata.httpStatusCode).toBe(400)
    } finally {
      standIn.credentials.now = realNow
      expiredClient.destroy()
    }
    const anonymous = await fetch(`${standIn.endpoints.s3}/${BUCKET}?list-type=2`)
    expect(anonymous.status).toBe(403)
    expect(await anonymous.text()).toContain('<Code>AccessDenied</Code>')
  })
})
