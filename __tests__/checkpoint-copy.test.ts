// The server-side checkpoint copy with the real S3 client against the stand-in:
// every object once, nothing overwritten, large objects in parts, both buckets'
// owners named on every call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { S3Client } from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import { copyObject, partRanges, S3_COPY_LIMITS } from '../src/checkpoints/copy-object.js'
import { AwsCallError } from '../src/aws/aws-call.js'
import { copyPrefix, type CopyEnd } from '../src/checkpoints/copy-prefix.js'
import { inParallel } from '../src/checkpoints/in-parallel.js'
import { parseS3Prefix } from '../src/checkpoints/s3-prefix.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'

const ACCOUNT = STATIC_CREDENTIALS.accountId
const BUCKET = 'amazon-braket-us-west-2-123456789012'
const MiB = 1024 ** 2

let standIn: StandIn
let s3: S3Client

beforeAll(async () => {
  standIn = await start()
  standIn.objects.createBucket(BUCKET, ACCOUNT, 'us-west-2')
  s3 = new S3Client({ region: 'us-west-2', endpoint: standIn.endpoints.s3, forcePathStyle: true, credentials: STATIC_CREDENTIALS })
})
afterAll(async () => {
  s3.destroy()
  await standIn.stop()
})
beforeEach(() => standIn.requests.clear())

let prefixCounter = 0
/** A fresh source and destination "directory" per test. */
function ends(): { from: CopyEnd; to: CopyEnd; fromPrefix: string; toPrefix: string } {
  prefixCounter += 1
  const fromPrefix = `jobs/old-job-${prefixCounter}/checkpoints`
  const toPrefix = `jobs/new-job-${prefixCounter}/checkpoints`
  return {
    from: { s3, location: parseS3Prefix(`s3://${BUCKET}/${fromPrefix}`)!, owner: ACCOUNT },
    to: { s3, location: parseS3Prefix(`s3://${BUCKET}/${toPrefix}/`)!, owner: ACCOUNT },
    fromPrefix,
    toPrefix
  }
}

const put = (key: string, content: string | Buffer) => standIn.objects.write(BUCKET, key, Buffer.from(content))
const text = async (key: string) => {
  const chunks: Buffer[] = []
  for await (const chunk of standIn.objects.read(BUCKET, key)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
const keysBelow = (prefix: string) => standIn.objects.list(BUCKET, `${prefix}/`).map((o) => o.key.slice(prefix.length + 1))

describe('copyPrefix', () => {
  it('copies every object below the prefix once, and a second copy copies nothing', async () => {
    const { from, to, fromPrefix, toPrefix } = ends()
    await put(`${fromPrefix}/vqe-checkpoint.json`, '{"next_iteration": 6}')
    await put(`${fromPrefix}/epoch-1/weights.bin`, Buffer.alloc(3000, 7))
    // A sibling whose name only starts like the prefix is not part of it.
    await put(`${fromPrefix}-old/stale.json`, 'stale')

    const first = await copyPrefix(from, to)
    expect(first).toMatchObject({ found: 2, foundBytes: 3021, copied: 2, copiedBytes: 3021, kept: 0 })
    expect(first.newest?.relativeKey).toBe('epoch-1/weights.bin')
    expect(keysBelow(toPrefix).sort()).toEqual(['epoch-1/weights.bin', 'vqe-checkpoint.json'])
    expect((await text(`${toPrefix}/epoch-1/weights.bin`)).equals(Buffer.alloc(3000, 7))).toBe(true)
    const copies = standIn.requests.of('s3', 'CopyObject')
    expect(copies).toHaveLength(2)
    for (const copy of copies) {
      expect(copy.headers).toMatchObject({
        'x-amz-expected-bucket-owner': ACCOUNT,
        'x-amz-source-expected-bucket-owner': ACCOUNT,
        'if-none-match': '*'
      })
    }
    for (const list of standIn.requests.of('s3', 'ListObjectsV2')) expect(list.headers['x-amz-expected-bucket-owner']).toBe(ACCOUNT)

    standIn.requests.clear()
    const again = await copyPrefix(from, to)
    expect(again).toMatchObject({ found: 2, copied: 0, copiedBytes: 0, kept: 2 })
    expect(standIn.requests.of('s3', 'CopyObject')).toEqual([])
  })

  it('never overwrites what the new job wrote since, even when the write lands between listing and copying', async () => {
    const { from, to, fromPrefix, toPrefix } = ends()
    await put(`${fromPrefix}/state.json`, 'old state')
    await put(`${fromPrefix}/other.json`, 'other')
    await put(`${toPrefix}/state.json`, 'the new job’s own state')
    const result = await copyPrefix(from, to)
    expect(result).toMatchObject({ copied: 1, kept: 1 })
    expect((await text(`${toPrefix}/state.json`)).toString()).toBe('the new job’s own state')

    // The race: the destination key appears after the listing; If-None-Match: * keeps it.
    const source = { bucket: BUCKET, key: `${fromPrefix}/state.json`, owner: ACCOUNT, size: 9, etag: '' }
    expect(await copyObject(s3, source, { bucket: BUCKET, key: `${toPrefix}/state.json`, owner: ACCOUNT }, S3_COPY_LIMITS)).toBe(
      'already-there'
    )
    expect(standIn.requests.of('s3', 'CopyObject').at(-1)).toMatchObject({ status: 412 })
    expect((await text(`${toPrefix}/state.json`)).toString()).toBe('the new job’s own state')
  })

  it('copies an object above the single-copy limit in parts with UploadPartCopy, content intact', async () => {
    const { from, to, fromPrefix, toPrefix } = ends()
    const big = Buffer.alloc(12 * MiB + 123)
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE(i, i)
    await put(`${fromPrefix}/model.pt`, big)
    const limits = { singleCopyMaxBytes: 8 * MiB, partBytes: 5 * MiB, partsInParallel: 2 }
    const result = await copyPrefix(from, to, limits)
    expect(result).toMatchObject({ copied: 1, copiedBytes: big.length })
    const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
    expect(digest(await text(`${toPrefix}/model.pt`))).toBe(digest(big))
    const parts = standIn.requests.of('s3', 'UploadPartCopy')
    expect(parts.map((part) => part.headers['x-amz-copy-source-range']).sort()).toEqual([
      'bytes=0-5242879',
      'bytes=10485760-12583034',
      'bytes=5242880-10485759'
    ])
    for (const part of parts) {
      expect(part.headers['x-amz-expected-bucket-owner']).toBe(ACCOUNT)
      expect(part.headers['x-amz-source-expected-bucket-owner']).toBe(ACCOUNT)
      expect(part.headers['x-amz-copy-source-if-match']).toBeDefined()
    }
    expect(standIn.requests.of('s3', 'CopyObject')).toEqual([])
    expect(standIn.requests.of('s3', 'CompleteMultipartUpload')[0]!.headers['if-none-match']).toBe('*')

    // Again: the object is there, so nothing is started (and no upload is left open).
    standIn.requests.clear()
    expect(await copyPrefix(from, to, limits)).toMatchObject({ copied: 0, kept: 1 })
    expect(standIn.requests.of('s3', 'CreateMultipartUpload')).toEqual([])
  })

  it('refuses a source bucket that is not the expected account’s, naming the listing and the account', async () => {
    const { from, to } = ends()
    const wrongOwner = { ...from, owner: '999988887777' }
    const failure = await copyPrefix(wrongOwner, to).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AwsCallError)
    expect((failure as Error).message).toMatch(
      /^S3 ListObjectsV2 \(the checkpoints to copy at s3:\/\/amazon-braket-us-west-2-\d{12}\/jobs\/old-job-\d+\/checkpoints\/\) failed/
    )
    expect((failure as Error).message).toMatch(
      /AccessDenied.* The bucket must belong to account 999988887777, and the role the step uses needs s3:ListBucket on it\.$/
    )
    expect(standIn.requests.of('s3', 'CopyObject')).toEqual([])
  })
})

describe('the parts of a multipart copy', () => {
  it('cover the object exactly, in parts of at least 5 MiB, and never more than 10,000 of them', () => {
    expect(partRanges(11 * MiB, 5 * MiB)).toEqual([
      { partNumber: 1, range: `bytes=0-${5 * MiB - 1}` },
      { partNumber: 2, range: `bytes=${5 * MiB}-${10 * MiB - 1}` },
      { partNumber: 3, range: `bytes=${10 * MiB}-${11 * MiB - 1}` }
    ])
    expect(partRanges(7 * MiB, 1)).toHaveLength(2)
    const fiveTiB = 5 * 1024 ** 4
    const parts = partRanges(fiveTiB, S3_COPY_LIMITS.partBytes)
    expect(parts.length).toBeLessThanOrEqual(10_000)
    expect(parts.at(-1)!.range.endsWith(`-${fiveTiB - 1}`)).toBe(true)
  })

  it('are copied at most a few at a time', async () => {
    let running = 0
    let most = 0
    const done = await inParallel([...Array(20).keys()], 3, async (n) => {
      running += 1
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running -= 1
      return n * 2
    })
    expect(most).toBe(3)
    expect(done).toEqual([...Array(20).keys()].map((n) => n * 2))
  })
})
