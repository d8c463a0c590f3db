// The streaming upload against the stand-in over real HTTP, with a fault on
// each call it makes: the object ends complete or the step fails naming the
// call, and no multipart upload is ever left open.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3'
import { createHash, randomBytes } from 'node:crypto'
import { s3Client } from '../src/aws/clients.js'
import type { StagingTarget } from '../src/aws/s3-staging.js'
import { SourcePackagingError } from '../src/archive/package-source.js'
import { uploadStream, type StreamUploadResult } from '../src/upload/multipart-upload.js'
import { partBytesFor } from '../src/upload/s3-part-limits.js'
import { start, type StandIn } from '../local/src/stand-in.js'
import type { FaultKind } from '../local/src/core/faults.js'

const MiB = 1024 * 1024
const PART = 5 * MiB
const BUCKET = 'amazon-braket-us-west-2-123456789012'

let standIn: StandIn
let s3: S3Client
let target: StagingTarget
let keyCounter = 0
const saved: Record<string, string | undefined> = {}

beforeAll(async () => {
  standIn = await start()
  for (const [name, value] of Object.entries(standIn.env)) {
    saved[name] = process.env[name]
    process.env[name] = value
  }
  standIn.objects.createBucket(BUCKET, '123456789012', 'us-west-2')
  target = { bucket: BUCKET, accountId: '123456789012', region: 'us-west-2', createIfMissing: false }
})

afterAll(async () => {
  await standIn.stop()
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

// A client per test, as a step has one: persistent faults drain the SDK's retry quota, which must not carry over.
beforeEach(() => {
  standIn.faults.clear()
  s3 = s3Client({ region: 'us-west-2', accountId: '123456789012', callerArn: 'arn:aws:iam::123456789012:user/test' })
})
afterEach(() => s3.destroy())

function nextKey(): string {
  keyCounter += 1
  return `jobs/sources/${String(keyCounter).padStart(64, '0')}/source.tar.gz`
}

/** `bytes` in uneven chunks, as the gzip writer hands them on. */
async function* chunked(bytes: Buffer, failAfter?: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += 700_001) {
    if (failAfter !== undefined && offset >= failAfter)
      throw new SourcePackagingError('source-dir', '"vqe/x.py" changed while it was being packaged')
    yield bytes.subarray(offset, offset + 700_001)
  }
}

async function openUploads(key: string): Promise<string[]> {
  const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: key }))
  return (listed.Uploads ?? []).map((upload) => upload.UploadId!)
}

async function stored(key: string): Promise<string | undefined> {
  if (!standIn.objects.head(BUCKET, key)) return undefined
  const hash = createHash('sha256')
  for await (const chunk of standIn.objects.read(BUCKET, key)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function upload(key: string, body: AsyncIterable<Buffer>): Promise<StreamUploadResult> {
  return uploadStream(s3, target, key, body, { contentType: 'application/gzip', partBytes: PART, partsInFlight: 2 })
}

describe('uploadStream', () => {
  it('uploads a body of unknown length in parts, and a short one in a single request', async () => {
    const bytes = randomBytes(12 * MiB + 123)
    const key = nextKey()
    await expect(upload(key, chunked(bytes))).resolves.toEqual({ bytes: bytes.length, parts: 3, abortedLeftovers: 0 })
    expect(await stored(key)).toBe(sha256(bytes))
    expect(standIn.requests.of('s3', 'UploadPart').map((r) => r.status)).toEqual([200, 200, 200])

    const small = randomBytes(1000)
    const smallKey = nextKey()
    await expect(upload(smallKey, chunked(small))).resolves.toEqual({ bytes: 1000, parts: 0, abortedLeftovers: 0 })
    expect(await stored(smallKey)).toBe(sha256(small))
    await expect(upload(nextKey(), chunked(Buffer.alloc(0)))).resolves.toMatchObject({ bytes: 0, parts: 0 })
  })

  it("sizes its parts from the body's bound: S3's 5 MiB minimum, larger only where 10,000 parts would not hold it", async () => {
    const bytes = randomBytes(11 * MiB)
    const key = nextKey()
    const partsBefore = standIn.requests.of('s3', 'UploadPart').length
    const result = await uploadStream(s3, target, key, chunked(bytes), { contentType: 'application/octet-stream', sizeBound: bytes.length })
    expect(result).toMatchObject({ bytes: bytes.length, parts: 3 })
    expect(standIn.requests.of('s3', 'UploadPart').length - partsBefore).toBe(3)
    expect(await stored(key)).toBe(sha256(bytes))

    const GiB = 1024 * MiB
    expect(partBytesFor(0)).toBe(5 * MiB)
    expect(partBytesFor(10_000 * 5 * MiB)).toBe(5 * MiB)
    for (const size of [10_000 * 5 * MiB + 1, 100 * GiB, 5 * 1024 * GiB]) {
      const part = partBytesFor(size)
      expect(part).toBeGreaterThan(5 * MiB)
      expect(Math.ceil(size / part)).toBeLessThanOrEqual(10_000)
    }
    expect(partBytesFor(GiB, 512 * MiB)).toBe(512 * MiB)
  })

  it('aborts uploads of the same key left open by an earlier run, once its own is complete', async () => {
    const key = nextKey()
    await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }))
    expect(await openUploads(key)).toHaveLength(1)

    await expect(upload(key, chunked(randomBytes(6 * MiB)))).resolves.toMatchObject({ parts: 2, abortedLeftovers: 1 })
    expect(await openUploads(key)).toEqual([])
  })

  it('aborts its upload when the body fails, and hands on the body error as is', async () => {
    const key = nextKey()
    const error = await upload(key, chunked(randomBytes(14 * MiB), 11 * MiB)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourcePackagingError)
    expect(await openUploads(key)).toEqual([])
    expect(await stored(key)).toBeUndefined()
  })

  type Case = { operation: string; kind: FaultKind; times: number; outcome: 'complete' | 'fails' }
  const ALWAYS = 20
  const cases: Case[] = [
    { operation: 'CreateMultipartUpload', kind: 'commit-then-drop', times: 1, outcome: 'complete' },
    { operation: 'CreateMultipartUpload', kind: 'commit-then-drop', times: ALWAYS, outcome: 'fails' },
    { operation: 'CreateMultipartUpload', kind: 'error', times: ALWAYS, outcome: 'fails' },
    { operation: 'UploadPart', kind: 'commit-then-drop', times: 1, outcome: 'complete' },
    { operation: 'UploadPart', kind: 'reset', times: ALWAYS, outcome: 'fails' },
    { operation: 'UploadPart', kind: 'throttle', times: ALWAYS, outcome: 'fails' },
    { operation: 'CompleteMultipartUpload', kind: 'commit-then-drop', times: 1, outcome: 'complete' },
    { operation: 'CompleteMultipartUpload', kind: 'commit-then-drop', times: ALWAYS, outcome: 'complete' },
    { operation: 'CompleteMultipartUpload', kind: 'error', times: ALWAYS, outcome: 'fails' },
    { operation: 'ListMultipartUploads', kind: 'error', times: 1, outcome: 'complete' },
    { operation: 'AbortMultipartUpload', kind: 'commit-then-drop', times: ALWAYS, outcome: 'complete' }
  ]
  it.each(cases)('$operation × $kind × $times: $outcome, no upload left open', async ({ operation, kind, times, outcome }) => {
    const bytes = randomBytes(11 * MiB)
    const key = nextKey()
    // A leftover to abort, so Abort and List are called on the success path too.
    if (operation === 'AbortMultipartUpload' || operation === 'ListMultipartUploads') {
      await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }))
    }
    standIn.faults.add({ service: 's3', operation, kind, times })

    const result = await upload(key, chunked(bytes)).then(
      (value) => ({ value }),
      (error: unknown) => ({ error })
    )
    standIn.faults.clear()

    if (outcome === 'complete') {
      expect(result).toHaveProperty('value')
      expect(await stored(key)).toBe(sha256(bytes))
    } else {
      expect(result).toHaveProperty('error')
      const message = (result as { error: Error }).error.message
      expect(message).toContain(`S3 ${operation} (s3://${BUCKET}/${key}) failed after `)
      expect(message).toMatch(/re-run the step/)
      expect(await stored(key)).toBeUndefined()
    }
    if (operation !== 'ListMultipartUploads') expect(await openUploads(key)).toEqual([])
  })

  it('says how to abort an upload it could not abort itself, and why it failed first', async () => {
    const key = nextKey()
    standIn.faults.add({ service: 's3', operation: 'CompleteMultipartUpload', kind: 'error', times: ALWAYS })
    standIn.faults.add({ service: 's3', operation: 'AbortMultipartUpload', kind: 'error', times: ALWAYS })

    const error = (await upload(key, chunked(randomBytes(6 * MiB))).catch((e: unknown) => e)) as Error
    standIn.faults.clear()

    expect(error.message).toMatch(new RegExp(`^S3 CompleteMultipartUpload \\(s3://${BUCKET}/${key}\\) failed after \\d+ attempts`))
    expect(error.message).toMatch(
      /S3 AbortMultipartUpload .* failed .* is still open: abort it with "aws s3api abort-multipart-upload --bucket/
    )
    expect(await openUploads(key)).toHaveLength(1)
  })

  it('names a failed single-request upload too', async () => {
    const key = nextKey()
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'error', times: ALWAYS })
    const error = (await upload(key, chunked(randomBytes(1000))).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(new RegExp(`^S3 PutObject \\(s3://${BUCKET}/${key}\\) failed after 6 attempts: `))
    expect(error.message).toContain('health.aws.amazon.com')
  })
})
