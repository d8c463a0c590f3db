// A failed AWS call names itself: which call, about what, after how many attempts,
// AWS's request id, and what to do. The errors are real ones: the action's own
// clients against the stand-in over HTTP, with faults injected.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GetJobCommand } from '@aws-sdk/client-braket'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AwsCallError, awsCall, callFailure } from '../src/aws/aws-call.js'
import { backoffDelay } from '../src/aws/retry.js'
import type { AwsSession } from '../src/aws/aws-session.js'
import { getJobCall } from '../src/aws/braket-submission.js'
import { braketClient, s3Client } from '../src/aws/clients.js'
import { ensureBucket, objectExists, type StagingTarget } from '../src/aws/s3-staging.js'
import { stageFile } from '../src/upload/stage-object.js'
import { ENDPOINT_VARIABLES, start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'

let standIn: StandIn
let session: AwsSession
const savedEnv = { ...process.env }
const ACCOUNT = STATIC_CREDENTIALS.accountId

beforeAll(async () => {
  // @actions/core's rows go to stdout; the assertions here read the errors.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  standIn = await start()
  for (const [service, variable] of Object.entries(ENDPOINT_VARIABLES)) process.env[variable] = standIn.endpoints[service as 's3']
  session = {
    region: 'us-west-2',
    accountId: ACCOUNT,
    callerArn: `arn:aws:iam::${ACCOUNT}:user/stand-in-tester`,
    credentials: async () => ({ accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: STATIC_CREDENTIALS.secretAccessKey })
  }
})
afterAll(async () => {
  process.env = savedEnv
  await standIn.stop()
})
beforeEach(() => {
  standIn.requests.clear()
  standIn.faults.clear()
})

const target = (bucket: string): StagingTarget => ({ bucket, accountId: ACCOUNT, region: 'us-west-2', createIfMissing: true })

async function failureOf(promise: Promise<unknown>): Promise<AwsCallError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(AwsCallError)
  return error as AwsCallError
}

describe('a call that fails for good', () => {
  it('a server fault: the call, its object, the attempts, both S3 request ids, re-run and the Health Dashboard', async () => {
    standIn.objects.createBucket('staging-500', ACCOUNT, 'us-west-2')
    standIn.faults.add({ service: 's3', operation: 'HeadObject', kind: 'error', times: 100 })
    const error = await failureOf(objectExists(s3Client(session), target('staging-500'), 'jobs/sources/abc/source.tar.gz'))
    expect(error.message).toMatch(
      /^S3 HeadObject \(s3:\/\/staging-500\/jobs\/sources\/abc\/source\.tar\.gz\) failed after 6 attempts: HTTP 500 \(request id \S+,/
    )
    expect(error.message).toMatch(/extended request id \S+\)\. S3 answered with a server error every time: re-run the step\. Re-running/)
    expect(error.message).toMatch(
      /is safe: .*same clientToken.* AWS Health Dashboard \(https:\/\/health\.aws\.amazon\.com\/health\/status\)\.$/
    )
    expect(error.failure).toMatchObject({ kind: 'server', status: 500, attempts: 6 })
    // The id is the one S3 sent, the one AWS Support can look up.
    const ids = standIn.requests.of('s3', 'HeadObject').map((r) => r.status)
    expect(ids).toEqual([500, 500, 500, 500, 500, 500])
  })

  it('a reset connection: no request id, the network named', async () => {
    const jobArn = 'arn:aws:braket:us-west-2:123456789012:job/0f0f0f0f-1234-4cde-8f00-123456789abc'
    standIn.faults.add({ service: 'braket', operation: 'GetJob', kind: 'reset', times: 100 })
    const braket = braketClient(session)
    const error = await failureOf(awsCall(getJobCall(jobArn), () => braket.send(new GetJobCommand({ jobArn }))))
    expect(error.message).toMatch(
      new RegExp(`^Braket GetJob \\(${jobArn.replace(/[/.]/g, '\\$&')}\\) failed after 6 attempts: \\S+: .*(ECONNRESET|socket hang up)`)
    )
    expect(error.message).toContain("The connection to Braket failed every time (the runner's network, proxy or DNS)")
    expect(error.message).not.toContain('request id')
    expect(error.failure.kind).toBe('network')
  })

  it('a refusal: the permission to add, on what', async () => {
    standIn.objects.createBucket('someone-elses', '999988887777', 'us-west-2')
    const error = await failureOf(ensureBucket(s3Client(session), { ...target('someone-elses'), createIfMissing: false }))
    expect(error.message).toMatch(/^S3 HeadBucket \(bucket someone-elses\) failed after 1 attempt: HTTP 403 \(request id \S+/)
    expect(error.message).toContain('someone-elses is not writable by account 123456789012')
    expect(error.failure.kind).toBe('denied')
  })

  it('a part of a multipart upload that fails is named as itself', async () => {
    standIn.objects.createBucket('staging-parts', ACCOUNT, 'us-west-2')
    const dir = await mkdtemp(join(tmpdir(), 'upload-'))
    const path = join(dir, 'data.bin')
    await writeFile(path, Buffer.alloc(9 * 1024 * 1024, 7))
    standIn.faults.add({ service: 's3', operation: 'UploadPart', kind: 'error', times: 100 })
    const error = await failureOf(
      stageFile(s3Client(session), target('staging-parts'), 'inputs/data.bin', path, 'application/octet-stream')
    )
    expect(error.message).toMatch(/^S3 UploadPart \(s3:\/\/staging-parts\/inputs\/data\.bin\) failed after 6 attempts: InternalError/)
  })
})

describe('the default bucket on first use', () => {
  it('a CreateBucket whose answer was lost and was sent again (BucketAlreadyOwnedByYou) is a success', async () => {
    standIn.faults.add({ service: 's3', operation: 'CreateBucket', kind: 'commit-then-drop' })
    await ensureBucket(s3Client(session), target('amazon-braket-us-west-2-123456789012'))
    expect(standIn.requests.of('s3', 'CreateBucket').map((r) => r.errorCode ?? r.status)).toEqual([200, 'BucketAlreadyOwnedByYou'])
    expect(standIn.objects.bucket('amazon-braket-us-west-2-123456789012')?.ownerAccountId).toBe(ACCOUNT)
  })

  it('a name another account took between HeadBucket and CreateBucket (BucketAlreadyExists) is refused', async () => {
    const name = 'amazon-braket-us-west-2-squatted'
    standIn.faults.add({ service: 's3', operation: 'CreateBucket', kind: 'latency', latencyMs: 1000 })
    const attempt = ensureBucket(s3Client(session), target(name))
    // While CreateBucket is on its way, another account creates the bucket.
    while (standIn.requests.of('s3', 'HeadBucket').length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    standIn.objects.createBucket(name, '999988887777', 'us-west-2')
    const error = await failureOf(attempt)
    expect(error.message).toMatch(
      /^S3 CreateBucket \(bucket amazon-braket-us-west-2-squatted\) failed after 1 attempt: BucketAlreadyExists/
    )
    expect(error.message).toContain('is not writable by account 123456789012')
    expect(error.message).toContain('Set s3-bucket to a bucket of account 123456789012')
  })
})

describe('callFailure', () => {
  it('reads a body-less S3 answer as its HTTP status, not "UnknownError"', () => {
    const error = Object.assign(new Error('UnknownError'), {
      name: 'NotFound',
      $metadata: { httpStatusCode: 404, attempts: 1, requestId: 'R1', extendedRequestId: 'X1' }
    })
    expect(callFailure(error)).toEqual({
      kind: 'rejected',
      code: 'NotFound',
      message: 'HTTP 404',
      status: 404,
      attempts: 1,
      requestId: 'R1',
      extendedRequestId: 'X1'
    })
  })

  it('keeps text from AWS on one line that cannot act as a workflow command', () => {
    const error = Object.assign(new Error('bad\n::warning::injected ##[add-mask]x'), { name: 'ValidationException' })
    expect(callFailure(error).message).toBe('bad\\n::warning::injected ##\\[add-mask]x')
  })

  it('tells expired or unknown credentials from missing permissions', () => {
    expect(callFailure(Object.assign(new Error('expired'), { name: 'ExpiredTokenException' })).kind).toBe('credentials')
    expect(callFailure(Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } })).kind).toBe(
      'denied'
    )
    expect(callFailure(Object.assign(new Error('slow'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } })).kind).toBe(
      'throttled'
    )
  })
})

describe('back-off with jitter', () => {
  const options = { baseDelayMs: 1000, maxDelayMs: 16000 }

  it('draws each delay at random below the exponential bound, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, { ...options, random: () => 0.999 }))).toEqual([
      999, 1998, 3996, 7992, 15984, 15984
    ])
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(0)
  })

  it('spreads legs that failed together instead of retrying them in lock-step', () => {
    const legs = Array.from({ length: 10 }, () => backoffDelay(4, options))
    expect(new Set(legs).size).toBeGreaterThan(5)
    for (const delay of legs) expect(delay).toBeLessThan(8000)
  })

  it("the SDK clients retry in the SDK's standard mode (full jitter too), six attempts", async () => {
    const client = s3Client(session)
    expect(await client.config.maxAttempts()).toBe(6)
    expect(await client.config.retryStrategy()).toMatchObject({ mode: 'standard' })
  })
})
