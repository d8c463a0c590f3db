// ensureBucket() and objectExists(): the staging bucket is this account's, or is created when it is the
// default one. The branches S3 itself produces run against the stand-in over real HTTP; faults it can't be
// made to give at the right moment (a name taken between HeadBucket and CreateBucket, an outage) are
// answered by aws-sdk-client-mock behind the real S3 client.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { STATIC_CREDENTIALS, type StandIn } from '../../local/src/stand-in.js'
import { failure as thrown } from '../support/sdk-failure.js'
import { useStandIn } from '../support/stand-in-fixture.js'
import * as core from '../fixtures/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { ensureBucket, objectExists } = await import('../../src/aws/s3-staging.js')

const { accountId: ACCOUNT, accessKeyId, secretAccessKey } = STATIC_CREDENTIALS
const OTHER_ACCOUNT = '210987654321'

let standIn: StandIn
useStandIn((fixture) => {
  standIn = fixture.standIn
})
const clients: S3Client[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
  jest.clearAllMocks()
})

/** The action's S3 client settings, aimed at the stand-in. */
function s3(endpoint = standIn.endpoints.s3): S3Client {
  const client = new S3Client({ region: 'us-west-2', endpoint, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } })
  clients.push(client)
  return client
}

function target(bucket: string, overrides: { region?: string; createIfMissing?: boolean } = {}) {
  return { bucket, accountId: ACCOUNT, region: overrides.region ?? 'us-west-2', createIfMissing: overrides.createIfMissing ?? true }
}

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: name })
}

const logged = () => core.info.mock.calls.map(([line]) => line).join('\n')

describe('ensureBucket() against the stand-in', () => {
  it('uses a bucket of this account as it is', async () => {
    standIn.objects.createBucket('lab-existing', ACCOUNT, 'us-west-2')
    await ensureBucket(s3(), target('lab-existing', { createIfMissing: false }))

    expect(standIn.requests.of('s3').map((request) => request.operation)).toEqual(['HeadBucket'])
    expect(standIn.requests.of('s3')[0]!.headers['x-amz-expected-bucket-owner']).toBe(ACCOUNT)
  })

  it('creates the missing default bucket in the region', async () => {
    await ensureBucket(s3(), target('amazon-braket-us-west-2-created'))

    expect(standIn.requests.of('s3').map((request) => request.operation)).toEqual(['HeadBucket', 'CreateBucket'])
    expect(standIn.objects.bucket('amazon-braket-us-west-2-created')).toMatchObject({ ownerAccountId: ACCOUNT, region: 'us-west-2' })
    expect(logged()).toContain('amazon-braket-us-west-2-created did not exist: creating it in us-west-2')
  })

  it('takes BucketAlreadyOwnedByYou as success: a create whose answer was lost, then retried', async () => {
    // The first CreateBucket takes effect but its answer never arrives; the SDK's retry finds the bucket ours.
    standIn.faults.add({ service: 's3', operation: 'CreateBucket', kind: 'commit-then-drop' })
    await ensureBucket(s3(), target('amazon-braket-us-west-2-retried'))

    const creates = standIn.requests.of('s3', 'CreateBucket')
    expect(creates.map((request) => request.errorCode)).toEqual([undefined, 'BucketAlreadyOwnedByYou'])
    expect(standIn.objects.bucket('amazon-braket-us-west-2-retried')?.ownerAccountId).toBe(ACCOUNT)
    expect(logged()).toContain("amazon-braket-us-west-2-retried is this account's already")
  })

  it('refuses another account’s bucket (403 on the expected owner) with what to set instead', async () => {
    standIn.objects.createBucket('lab-foreign', OTHER_ACCOUNT, 'us-west-2')
    const error = await thrown(ensureBucket(s3(), target('lab-foreign')))

    expect(error.message).toContain('S3 HeadBucket')
    expect(error.message).toContain(`Bucket lab-foreign is not writable by account ${ACCOUNT}`)
    expect(standIn.requests.of('s3', 'CreateBucket')).toEqual([])
  })
})

describe('ensureBucket() and objectExists() on faults', () => {
  it('creates a us-east-1 bucket without a location constraint, as S3 requires', async () => {
    const client = s3('http://127.0.0.1:9')
    const mock = mockClient(client)
    mock.on(HeadBucketCommand).rejects(s3Error('NotFound', 404))
    mock.on(CreateBucketCommand).resolves({})
    await ensureBucket(client, target('amazon-braket-us-east-1-x', { region: 'us-east-1' }))

    expect(mock.commandCalls(CreateBucketCommand)[0]!.args[0].input).toEqual({ Bucket: 'amazon-braket-us-east-1-x' })
  })

  it('says another account holds the name when CreateBucket answers BucketAlreadyExists', async () => {
    const client = s3('http://127.0.0.1:9')
    const mock = mockClient(client)
    mock.on(HeadBucketCommand).rejects(s3Error('NotFound', 404))
    mock.on(CreateBucketCommand).rejects(s3Error('BucketAlreadyExists', 409))
    const error = await thrown(ensureBucket(client, target('amazon-braket-us-west-2-taken')))

    expect(error.message).toContain('S3 CreateBucket')
    expect(error.message).toContain('BucketAlreadyExists')
    expect(error.message).toContain(`Set s3-bucket to a bucket of account ${ACCOUNT}.`)
  })

  it('names the call that failed for any other CreateBucket or HeadBucket error', async () => {
    const client = s3('http://127.0.0.1:9')
    const mock = mockClient(client)
    mock.on(HeadBucketCommand).rejectsOnce(s3Error('NotFound', 404)).rejects(s3Error('InternalError', 500))
    mock.on(CreateBucketCommand).rejects(s3Error('AccessDenied', 403))

    const create = await thrown(ensureBucket(client, target('amazon-braket-us-west-2-denied')))
    expect(create.message).toContain('S3 CreateBucket')
    expect(create.message).toContain('s3:CreateBucket')
    expect(create.message).not.toContain('is not writable by account')

    const head = await thrown(ensureBucket(client, target('amazon-braket-us-west-2-denied')))
    expect(head.message).toContain('S3 HeadBucket')
    expect(head.message).toContain('InternalError')
    expect(mock.commandCalls(CreateBucketCommand)).toHaveLength(1)
  })

  it('objectExists(): true, false on 404, and a named failure otherwise', async () => {
    const client = s3('http://127.0.0.1:9')
    const mock = mockClient(client)
    mock.on(HeadObjectCommand).resolvesOnce({}).rejectsOnce(s3Error('NotFound', 404)).rejects(s3Error('Forbidden', 403))
    const staging = target('lab-bucket')

    expect(await objectExists(client, staging, 'jobs/a.tar.gz')).toBe(true)
    expect(await objectExists(client, staging, 'jobs/b.tar.gz')).toBe(false)
    const error = await thrown(objectExists(client, staging, 'jobs/c.tar.gz'))
    expect(error.message).toContain('S3 HeadObject')
    expect(error.message).toContain('s3://lab-bucket/jobs/c.tar.gz')
    expect(mock.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'lab-bucket',
      Key: 'jobs/a.tar.gz',
      ExpectedBucketOwner: ACCOUNT
    })
  })
})
