// latest-completed.json only moves forward, however many runs write it at once:
// advancePointer with the real S3 client against the stand-in's S3, whose
// conditional writes are decided as S3 decides them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { advancePointer, readPointer } from '../src/experiment/pointer.js'
import { RECORD_SCHEMA, RECORD_SCHEMA_VERSION, type ExperimentRecord } from '../src/experiment/record.js'
import { recordKey, refFolder } from '../src/experiment/record-keys.js'
import { RecordStore } from '../src/experiment/record-store.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'

const BUCKET = 'pointer-tests'
let standIn: StandIn
let s3: S3Client
let store: RecordStore

beforeAll(async () => {
  standIn = await start()
  s3 = new S3Client({
    region: 'us-west-2',
    endpoint: standIn.endpoints.s3,
    forcePathStyle: true,
    credentials: STATIC_CREDENTIALS,
    retryStrategy: new ConfiguredRetryStrategy(2, () => 10)
  })
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }))
  store = new RecordStore(s3, { bucket: BUCKET, accountId: STATIC_CREDENTIALS.accountId })
})
afterAll(async () => {
  s3.destroy()
  await standIn.stop()
})

function completed(index: number, createdAt: number): { key: string; record: ExperimentRecord } {
  const folder = refFolder('jobs', 'race', 'main')
  const record = {
    schema: RECORD_SCHEMA,
    schemaVersion: RECORD_SCHEMA_VERSION,
    job: { arn: `arn:aws:braket:us-west-2:123456789012:job/${index}` },
    sha: String(index).repeat(40).slice(0, 40),
    status: 'COMPLETED',
    createdAt: new Date(createdAt).toISOString()
  } as unknown as ExperimentRecord
  return { key: recordKey(folder, createdAt + 500, String(index), 1), record }
}

describe('advancePointer', () => {
  const folder = refFolder('jobs', 'race', 'main')

  it('of many runs completing at once, leaves the newest job, never an older one', async () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z')
    // Out of order, and the first writes held up so that they overlap with the others.
    const runs = [3, 7, 1, 5, 0, 6, 2, 4].map((index) => completed(index, t0 + index * 1000))
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'latency', latencyMs: 150, times: 3 })
    const moves = await Promise.all(runs.map(({ key, record }) => advancePointer(store, folder, key, record, new Date())))
    const { pointer } = await readPointer(store, folder)
    expect(pointer?.jobArn).toBe('arn:aws:braket:us-west-2:123456789012:job/7')
    expect(pointer?.jobCreatedAt).toBe(new Date(t0 + 7000).toISOString())
    expect(moves).toContain('moved')
    // Writers lost races (412) and decided again, rather than overwriting a newer pointer.
    const puts = standIn.requests.of('s3', 'PutObject').filter((r) => r.path.includes('latest-completed.json'))
    expect(puts.some((put) => put.status === 412)).toBe(true)
    for (const put of puts) expect(put.headers['if-match'] ?? put.headers['if-none-match']).toBeDefined()
  })

  it('keeps a pointer to a newer job when an older one completes later', async () => {
    const older = completed(8, Date.parse('2025-06-01T00:00:00Z'))
    expect(await advancePointer(store, folder, older.key, older.record, new Date())).toBe('kept')
    expect((await readPointer(store, folder)).pointer?.jobArn).toBe('arn:aws:braket:us-west-2:123456789012:job/7')
  })
})
