// The stand-in's Braket, driven by the official @aws-sdk/client-braket over HTTP.
import {
  BraketClient,
  CancelJobCommand,
  CreateJobCommand,
  GetDeviceCommand,
  GetJobCommand,
  ListTagsForResourceCommand,
  SearchDevicesCommand,
  SearchJobsCommand,
  type CreateJobCommandInput
} from '@aws-sdk/client-braket'
import { braketFacts } from '../src/facts/aws-facts.js'
import { maxRuntimeFailureReason } from '../local/src/braket/jobs.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'

const ACCOUNT = STATIC_CREDENTIALS.accountId
const SV1 = 'arn:aws:braket:::device/quantum-simulator/amazon/sv1'
const DM1 = 'arn:aws:braket:::device/quantum-simulator/amazon/dm1'
const FORTE = 'arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1'
const SOURCE_BUCKET = 'amazon-braket-us-west-2-123456789012'
const SOURCE_KEY = 'jobs/source/source.tar.gz'

let standIn: StandIn
let nameCounter = 0

function braket(region = 'us-west-2', config: Partial<ConstructorParameters<typeof BraketClient>[0]> = {}): BraketClient {
  return new BraketClient({ region, endpoint: standIn.endpoints.braket, credentials: STATIC_CREDENTIALS, ...config })
}

function uniqueName(prefix = 'job'): string {
  nameCounter += 1
  return `${prefix}-${Date.now()}-${nameCounter}`
}

/** A CreateJob request the service accepts; each call a fresh object. */
function validBody(overrides: Partial<CreateJobCommandInput> = {}): CreateJobCommandInput {
  const jobName = overrides.jobName ?? uniqueName()
  return {
    clientToken: `token-${jobName}`,
    jobName,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonBraketJobsExecutionRole`,
    algorithmSpecification: {
      scriptModeConfig: { entryPoint: 'algorithm.main:run', s3Uri: `s3://${SOURCE_BUCKET}/${SOURCE_KEY}`, compressionType: 'GZIP' }
    },
    outputDataConfig: { s3Path: `s3://${SOURCE_BUCKET}/jobs/${jobName}/data` },
    instanceConfig: { instanceType: 'ml.m5.large', volumeSizeInGb: 30, instanceCount: 1 },
    deviceConfig: { device: SV1 },
    ...overrides
  }
}

/** Sends a request and returns the error the SDK threw (fails if none). */
async function failure(
  promise: Promise<unknown>
): Promise<Error & { name: string; $metadata: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise
  } catch (error) {
    return error as Error & { name: string; $metadata: { httpStatusCode?: number } }
  }
  throw new Error('expected the request to fail')
}

beforeAll(async () => {
  standIn = await start({ mode: 'scripted' })
  standIn.objects.createBucket(SOURCE_BUCKET, ACCOUNT, 'us-west-2')
  await standIn.objects.write(SOURCE_BUCKET, SOURCE_KEY, Buffer.from('not really a tarball'))
})

afterAll(async () => {
  await standIn.stop()
})

afterEach(() => {
  standIn.faults.clear()
})

describe('CreateJob and GetJob', () => {
  it('creates a job (201) with an ARN of the caller account and region, and GetJob echoes the request', async () => {
    standIn.jobs.script({ queuedMs: 5000 })
    const body = validBody({
      hyperParameters: { shots: '100' },
      tags: { team: 'quantum' },
      stoppingCondition: { maxRuntimeInSeconds: 3600 }
    })
    const created = await braket().send(new CreateJobCommand(body))
    expect(created.$metadata.httpStatusCode).toBe(braketFacts.operations.CreateJob!.http.responseCode)
    expect(created.$metadata.httpStatusCode).toBe(201)
    expect(created.jobArn).toMatch(
      new RegExp(`^arn:aws:braket:us-west-2:${ACCOUNT}:job/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
    )

    const job = await braket().send(new GetJobCommand({ jobArn: created.jobArn!, additionalAttributeNames: ['QueueInfo'] }))
    expect(job.status).toBe('QUEUED')
    expect(job.jobName).toBe(body.jobName)
    expect(job.roleArn).toBe(body.roleArn)
    expect(job.algorithmSpecification).toEqual(body.algorithmSpecification)
    expect(job.instanceConfig).toEqual(body.instanceConfig)
    expect(job.outputDataConfig).toEqual(body.outputDataConfig)
    expect(job.deviceConfig).toEqual(body.deviceConfig)
    expect(job.hyperParameters).toEqual({ shots: '100' })
    expect(job.stoppingCondition).toEqual({ maxRuntimeInSeconds: 3600 })
    expect(job.tags).toEqual({ team: 'quantum' })
    expect(job.createdAt).toBeInstanceOf(Date)
    expect(job.startedAt).toBeUndefined()
    expect(job.events?.map((event) => event.eventType)).toEqual(['QUEUED_FOR_EXECUTION'])
    expect(job.queueInfo).toEqual({ queue: 'JOBS_QUEUE', position: '1' })

    const tags = await braket().send(new ListTagsForResourceCommand({ resourceArn: created.jobArn! }))
    expect(tags.tags).toEqual({ team: 'quantum' })
    await braket().send(new CancelJobCommand({ jobArn: created.jobArn! }))
  })

  it('fills instanceCount with its documented default of 1', async () => {
    const body = validBody({ instanceConfig: { instanceType: 'ml.c5.xlarge', volumeSizeInGb: 10 } })
    const { jobArn } = await braket().send(new CreateJobCommand(body))
    const job = await braket().send(new GetJobCommand({ jobArn }))
    expect(job.instanceConfig).toEqual({ instanceType: 'ml.c5.xlarge', volumeSizeInGb: 10, instanceCount: 1 })
  })

  it('answers ResourceNotFoundException for unknown jobs and AccessDeniedException for other accounts', async () => {
    const missing = await failure(
      braket().send(new GetJobCommand({ jobArn: `arn:aws:braket:us-west-2:${ACCOUNT}:job/00000000-0000-0000-0000-000000000000` }))
    )
    expect(missing.name).toBe('ResourceNotFoundException')
    expect(missing.$metadata.httpStatusCode).toBe(404)
    const foreign = await failure(
      braket().send(new GetJobCommand({ jobArn: 'arn:aws:braket:us-west-2:999999999999:job/00000000-0000-0000-0000-000000000000' }))
    )
    expect(foreign.name).toBe('AccessDeniedException')
    expect(foreign.$metadata.httpStatusCode).toBe(403)
    const malformed = await failure(braket().send(new GetJobCommand({ jobArn: 'not-an-arn' })))
    expect(malformed.name).toBe('ValidationException')
    expect(malformed.message).toContain("at 'jobArn'")
    const noTags = await failure(
      braket().send(new ListTagsForResourceCommand({ resourceArn: `arn:aws:braket:us-west-2:${ACCOUNT}:job/nope` }))
    )
    expect(noTags.name).toBe('ResourceNotFoundException')
  })

  it('refuses a role of another account (iam:PassRole)', async () => {
    const error = await failure(braket().send(new CreateJobCommand(validBody({ roleArn: 'arn:aws:iam::999999999999:role/BraketRole' }))))
    expect(error.name).toBe('AccessDeniedException')
    expect(error.message).toContain('iam:PassRole')
  })
})

describe('clientToken idempotency', () => {
  it('returns the same job for the same token and request, and ConflictException for a different request', async () => {
    const body = validBody()
    const first = await braket().send(new CreateJobCommand(body))
    // Same members in another order: still the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse()) as unknown as CreateJobCommandInput
    const second = await braket().send(new CreateJobCommand(reordered))
    expect(second.jobArn).toBe(first.jobArn)
    expect(second.$metadata.httpStatusCode).toBe(201)
    expect(standIn.jobs.all().filter((job) => job.jobName === body.jobName)).toHaveLength(1)

    const conflict = await failure(braket().send(new CreateJobCommand({ ...body, hyperParameters: { changed: 'yes' } })))
    expect(conflict.name).toBe('ConflictException')
    expect(conflict.$metadata.httpStatusCode).toBe(409)
    expect(standIn.jobs.all().filter((job) => job.jobName === body.jobName)).toHaveLength(1)
  })

  it('keeps one job when the connection drops after CreateJob took effect and the SDK retries with the same token', async () => {
    standIn.faults.add({ service: 'braket', operation: 'CreateJob', kind: 'commit-then-drop' })
    const body = validBody()
    delete body.clientToken // the SDK fills in its own idempotency token
    const created = await braket().send(new CreateJobCommand(body))
    expect(created.$metadata.attempts).toBe(2)
    const jobs = standIn.jobs.all().filter((job) => job.jobName === body.jobName)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.jobArn).toBe(created.jobArn)
    const attempts = standIn.requests
      .of('braket', 'CreateJob')
      .filter((record) => (record.body as { jobName?: string }).jobName === body.jobName)
    expect(attempts).toHaveLength(2)
    expect(attempts[0]!.fault).toBe('commit-then-drop')
    expect((attempts[0]!.body as { clientToken: string }).clientToken).toBe((attempts[1]!.body as { clientToken: string }).clientToken)
    expect(standIn.faults.pending()).toHaveLength(0)
  })
})

describe('faults and authentication', () => {
  it('answers a throttle fault with ThrottlingException 429, which the SDK retries', async () => {
    standIn.faults.add({ service: 'braket', operation: 'GetDevice', kind: 'throttle' })
    const device = await braket().send(new GetDeviceCommand({ deviceArn: SV1 }))
    expect(device.deviceName).toBe('SV1')
    expect(device.$metadata.attempts).toBe(2)
    const throttled = standIn.requests.of('braket', 'GetDevice').filter((record) => record.fault === 'throttle')
    expect(throttled.at(-1)).toMatchObject({ status: 429, errorCode: 'ThrottlingException' })
  })

  it('answers an error fault with InternalServiceException 500', async () => {
    standIn.faults.add({ service: 'braket', operation: 'SearchJobs', kind: 'error' })
    const error = await failure(braket('us-west-2', { maxAttempts: 1 }).send(new SearchJobsCommand({ filters: [] })))
    expect(error.name).toBe('InternalServiceException')
    expect(error.$metadata.httpStatusCode).toBe(500)
  })

  it('rejects unknown keys and bad signatures', async () => {
    const unknown = await failure(
      braket('us-west-2', { credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }, maxAttempts: 1 }).send(
        new GetDeviceCommand({ deviceArn: SV1 })
      )
    )
    expect(unknown.name).toBe('UnrecognizedClientException')
    expect(unknown.$metadata.httpStatusCode).toBe(403)
    const badSignature = await failure(
      braket('us-west-2', { credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' }, maxAttempts: 1 }).send(
        new GetDeviceCommand({ deviceArn: SV1 })
      )
    )
    expect(badSignature.name).toBe('InvalidSignatureException')
    expect(badSignature.$metadata.httpStatusCode).toBe(403)
  })

  it('rejects expired session credentials and unsigned requests', async () => {
    const issued = standIn.credentials.issueForRole(`arn:aws:iam::${ACCOUNT}:role/BraketRole`, 'expiry-test', 900)
    const client = braket('us-west-2', {
      credentials: { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken },
      maxAttempts: 1
    })
    expect((await client.send(new GetDeviceCommand({ deviceArn: SV1 }))).deviceName).toBe('SV1')
    const realNow = standIn.credentials.now
    standIn.credentials.now = () => Date.now() + 3_600_000
    try {
      const expired = await failure(client.send(new GetDeviceCommand({ deviceArn: SV1 })))
      expect(expired.name).toBe('ExpiredTokenException')
      expect(expired.$metadata.httpStatusCode).toBe(403)
    } finally {
      standIn.credentials.now = realNow
    }

    const unsigned = await fetch(`${standIn.endpoints.braket}/device/${encodeURIComponent(SV1)}`)
    expect(unsigned.status).toBe(403)
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException')
    expect(await unsigned.json()).toEqual({ message: expect.any(String) })
  })
})

describe('job lifecycle (scripted)', () => {
  it('runs a job to COMPLETED with events, timestamps, billable duration, logs and results', async () => {
    const results = Buffer.from('model.tar.gz bytes')
    standIn.jobs.script({
      queuedMs: 30,
      runningMs: 150,
      outcome: 'COMPLETED',
      logs: [
        { instance: 1, atMs: 10, message: 'Metrics - timestamp=1700000000.1; iteration=1; cost=-0.5;' },
        { instance: 2, atMs: 20, message: 'worker 2 ready' },
        { instance: 1, atMs: 40, message: 'Metrics - timestamp=1700000000.2; iteration=2; cost=-0.7;' }
      ],
      results
    })
    const body = validBody()
    const { jobArn } = await braket().send(new CreateJobCommand(body))
    await standIn.jobs.waitForStatus(jobArn!, 'RUNNING')
    const running = await braket().send(new GetJobCommand({ jobArn, additionalAttributeNames: ['QueueInfo'] }))
    expect(running.status).toBe('RUNNING')
    expect(running.startedAt).toBeInstanceOf(Date)
    expect(running.queueInfo?.position).toBe('None')
    await standIn.jobs.waitForStatus(jobArn!, ['COMPLETED', 'FAILED'])

    const job = await braket().send(new GetJobCommand({ jobArn }))
    expect(job.status).toBe('COMPLETED')
    expect(job.events?.map((event) => event.eventType)).toEqual([
      'QUEUED_FOR_EXECUTION',
      'STARTING_INSTANCE',
      'DOWNLOADING_DATA',
      'RUNNING',
      'UPLOADING_RESULTS',
      'COMPLETED'
    ])
    const eventTypes = braketFacts.shapes.JobEventType!.enum!
    for (const event of job.events ?? []) {
      expect(eventTypes).toContain(event.eventType)
      expect(event.timeOfEvent).toBeInstanceOf(Date)
    }
    expect(job.startedAt!.getTime()).toBeGreaterThanOrEqual(job.createdAt!.getTime())
    expect(job.endedAt!.getTime() - job.startedAt!.getTime()).toBeGreaterThanOrEqual(140)
    expect(job.billableDuration).toBeGreaterThanOrEqual(job.endedAt!.getTime() - job.startedAt!.getTime())
    expect(job.failureReason).toBeUndefined()

    const jobId = jobArn!.split('/').pop()!
    const streams = standIn.logs.streams('/aws/braket/jobs', `${body.jobName}/${jobId}/`)
    expect(streams.map((stream) => stream.logStreamName)).toEqual([
      expect.stringMatching(new RegExp(`^${body.jobName}/${jobId}/algo-1-\\d{10}$`)),
      expect.stringMatching(new RegExp(`^${body.jobName}/${jobId}/algo-2-\\d{10}$`))
    ])
    expect(streams[0]!.events.map((event) => event.message)).toEqual([
      'Metrics - timestamp=1700000000.1; iteration=1; cost=-0.5;',
      'Metrics - timestamp=1700000000.2; iteration=2; cost=-0.7;'
    ])
    expect(streams[1]!.events.map((event) => event.message)).toEqual(['worker 2 ready'])
    expect(streams[0]!.events[0]!.timestamp).toBeGreaterThanOrEqual(job.startedAt!.getTime())

    const output = standIn.objects.head(SOURCE_BUCKET, `jobs/${body.jobName}/data/output/model.tar.gz`)
    expect(output?.size).toBe(results.length)
  })

  it('reports a FAILED job with its failureReason', async () => {
    standIn.jobs.script({
      queuedMs: 10,
      runningMs: 40,
      outcome: 'FAILED',
      failureReason: 'AlgorithmError: ZeroDivisionError: division by zero',
      billableDuration: 61000
    })
    const { jobArn } = await braket().send(new CreateJobCommand(validBody()))
    await standIn.jobs.waitForStatus(jobArn!, ['COMPLETED', 'FAILED'])
    const job = await braket().send(new GetJobCommand({ jobArn }))
    expect(job.status).toBe('FAILED')
    expect(job.failureReason).toBe('AlgorithmError: ZeroDivisionError: division by zero')
    expect(job.billableDuration).toBe(61000)
    expect(job.events?.at(-1)).toMatchObject({ eventType: 'FAILED', message: 'AlgorithmError: ZeroDivisionError: division by zero' })
    expect(job.endedAt).toBeInstanceOf(Date)
  })

  it('fails a job that runs longer than stoppingCondition.maxRuntimeInSeconds', async () => {
    standIn.jobs.script({ queuedMs: 10, runningMs: 60_000 })
    const { jobArn } = await braket().send(new CreateJobCommand(validBody({ stoppingCondition: { maxRuntimeInSeconds: 1 } })))
    await standIn.jobs.waitForStatus(jobArn!, ['COMPLETED', 'FAILED'], 5000)
    const job = await braket().send(new GetJobCommand({ jobArn }))
    expect(job.status).toBe('FAILED')
    expect(job.failureReason).toBe(maxRuntimeFailureReason(1))
    expect(job.events?.map((event) => event.eventType)).toEqual(expect.arrayContaining(['MAX_RUNTIME_EXCEEDED', 'FAILED']))
    const ran = job.endedAt!.getTime() - job.startedAt!.getTime()
    expect(ran).toBeGreaterThanOrEqual(1000)
    expect(ran).toBeLessThan(3000)
  })

  it('cancels a running job: CANCELLING, then CANCELLED', async () => {
    standIn.jobs.script({ queuedMs: 10, runningMs: 60_000, cancelMs: 100 })
    const { jobArn } = await braket().send(new CreateJobCommand(validBody()))
    await standIn.jobs.waitForStatus(jobArn!, 'RUNNING')
    const cancel = await braket().send(new CancelJobCommand({ jobArn }))
    expect(cancel).toMatchObject({ jobArn, cancellationStatus: 'CANCELLING' })
    expect((await braket().send(new GetJobCommand({ jobArn }))).status).toBe('CANCELLING')
    expect((await braket().send(new CancelJobCommand({ jobArn }))).cancellationStatus).toBe('CANCELLING')
    await standIn.jobs.waitForStatus(jobArn!, 'CANCELLED')
    const job = await braket().send(new GetJobCommand({ jobArn }))
    expect(job.status).toBe('CANCELLED')
    expect(job.events?.at(-1)?.eventType).toBe('CANCELLED')
    expect(job.endedAt).toBeInstanceOf(Date)
    expect((await braket().send(new CancelJobCommand({ jobArn }))).cancellationStatus).toBe('CANCELLED')
  })

  it('cancels a queued job without ever starting it, and refuses to cancel an ended one', async () => {
    standIn.jobs.script({ queuedMs: 60_000, cancelMs: 10 })
    const { jobArn } = await braket().send(new CreateJobCommand(validBody()))
    expect((await braket().send(new CancelJobCommand({ jobArn }))).cancellationStatus).toBe('CANCELLING')
    await standIn.jobs.waitForStatus(jobArn!, 'CANCELLED')
    expect((await braket().send(new GetJobCommand({ jobArn }))).startedAt).toBeUndefined()

    standIn.jobs.script({ queuedMs: 5, runningMs: 5 })
    const done = await braket().send(new CreateJobCommand(validBody()))
    await standIn.jobs.waitForStatus(done.jobArn!, 'COMPLETED')
    const conflict = await failure(braket().send(new CancelJobCommand({ jobArn: done.jobArn })))
    expect(conflict.name).toBe('ConflictException')
    const missing = await failure(braket().send(new CancelJobCommand({ jobArn: `arn:aws:braket:us-west-2:${ACCOUNT}:job/unknown` })))
    expect(missing.name).toBe('ResourceNotFoundException')
  })

  it('reports queue positions per device and the device JOBS_QUEUE size', async () => {
    standIn.jobs.script({ queuedMs: 60_000 }).script({ queuedMs: 60_000 })
    const first = await braket().send(new CreateJobCommand(validBody({ deviceConfig: { device: DM1 } })))
    const second = await braket().send(new CreateJobCommand(validBody({ deviceConfig: { device: DM1 } })))
    const positions = await Promise.all(
      [first, second].map(
        async ({ jobArn }) =>
          (await braket().send(new GetJobCommand({ jobArn, additionalAttributeNames: ['QueueInfo'] }))).queueInfo?.position
      )
    )
    expect(positions).toEqual(['1', '2'])
    const device = await braket().send(new GetDeviceCommand({ deviceArn: DM1 }))
    expect(device.deviceQueueInfo).toContainEqual({ queue: 'JOBS_QUEUE', queueSize: '2' })
    for (const { jobArn } of [first, second]) await braket().send(new CancelJobCommand({ jobArn }))
  })
})

describe('SearchJobs', () => {
  it('filters by jobArn and createdAt, pages, and refuses other filter names', async () => {
    const a = await braket().send(new CreateJobCommand(validBody()))
    const b = await braket().send(new CreateJobCommand(validBody()))
    const byArn = await braket().send(new SearchJobsCommand({ filters: [{ name: 'jobArn', operator: 'EQUAL', values: [a.jobArn!] }] }))
    expect(byArn.jobs?.map((job) => job.jobArn)).toEqual([a.jobArn])
    expect(byArn.jobs?.[0]).toMatchObject({ device: SV1, status: expect.any(String), createdAt: expect.any(Date) })

    const future = new Date(Date.now() + 3_600_000).toISOString()
    const none = await braket().send(new SearchJobsCommand({ filters: [{ name: 'createdAt', operator: 'GT', values: [future] }] }))
    expect(none.jobs).toEqual([])

    const page1 = await braket().send(new SearchJobsCommand({ filters: [], maxResults: 1 }))
    expect(page1.jobs).toHaveLength(1)
    expect(page1.jobs?.[0]?.jobArn).toBe(b.jobArn) // newest first
    const page2 = await braket().send(new SearchJobsCommand({ filters: [], maxResults: 1, nextToken: page1.nextToken }))
    expect(page2.jobs?.[0]?.jobArn).toBe(a.jobArn)

    const bad = await failure(
      braket().send(new SearchJobsCommand({ filters: [{ name: 'status', operator: 'EQUAL', values: ['RUNNING'] }] }))
    )
    expect(bad.name).toBe('ValidationException')
  })
})

describe('devices', () => {
  it('GetDevice answers like the service, with a capabilities document and queue info', async () => {
    const sv1 = await braket().send(new GetDeviceCommand({ deviceArn: SV1 }))
    expect(sv1).toMatchObject({
      deviceArn: SV1,
      deviceName: 'SV1',
      providerName: 'Amazon Braket',
      deviceType: 'SIMULATOR',
      deviceStatus: 'ONLINE'
    })
    const capabilities =
      typeof sv1.deviceCapabilities === 'string' ? JSON.parse(sv1.deviceCapabilities) : JSON.parse(String(sv1.deviceCapabilities))
    expect(capabilities.paradigm.qubitCount).toBe(34)
    expect(capabilities.action['braket.ir.openqasm.program'].supportedOperations).toContain('cnot')
    expect(sv1.deviceQueueInfo?.map((info) => info.queue)).toEqual(expect.arrayContaining(['QUANTUM_TASKS_QUEUE', 'JOBS_QUEUE']))

    const forte = await braket('us-east-1').send(new GetDeviceCommand({ deviceArn: FORTE }))
    expect(forte).toMatchObject({ deviceType: 'QPU', providerName: 'IonQ', deviceStatus: 'ONLINE' })
    const elsewhere = await failure(braket('us-west-2').send(new GetDeviceCommand({ deviceArn: FORTE })))
    expect(elsewhere.name).toBe('ResourceNotFoundException')
  })

  it('SearchDevices lists the devices of the region, filtered by deviceArn only', async () => {
    const found = await braket().send(new SearchDevicesCommand({ filters: [{ name: 'deviceArn', values: [SV1, FORTE] }] }))
    expect(found.devices?.map((device) => device.deviceArn)).toEqual([SV1])
    const all = await braket('us-east-1').send(new SearchDevicesCommand({ filters: [] }))
    expect(all.devices?.map((device) => device.deviceArn)).toEqual(
      expect.arrayContaining([SV1, FORTE, 'arn:aws:braket:us-east-1::device/qpu/quera/Aquila'])
    )
    const bad = await failure(braket().send(new SearchDevicesCommand({ filters: [{ name: 'deviceType', values: ['QPU'] }] })))
    expect(bad.name).toBe('ValidationException')
  })

  it('CreateJob checks the device: unknown, other region, offline, retired, local', async () => {
    const unknown = await failure(
      braket().send(new CreateJobCommand(validBody({ deviceConfig: { device: 'arn:aws:braket:us-west-2::device/qpu/acme/Nope' } })))
    )
    expect(unknown.name).toBe('ValidationException')
    const otherRegion = await failure(braket().send(new CreateJobCommand(validBody({ deviceConfig: { device: FORTE } }))))
    expect(otherRegion.name).toBe('ValidationException')
    expect(otherRegion.message).toContain('us-east-1')

    const offline = await failure(
      braket('us-west-1').send(
        new CreateJobCommand(validBody({ deviceConfig: { device: 'arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-2' } }))
      )
    )
    expect(offline.name).toBe('DeviceOfflineException')
    expect(offline.$metadata.httpStatusCode).toBe(braketFacts.shapes.DeviceOfflineException!.error!.httpStatusCode)
    const retired = await failure(
      braket('us-east-1').send(
        new CreateJobCommand(validBody({ deviceConfig: { device: 'arn:aws:braket:us-east-1::device/qpu/ionq/Harmony' } }))
      )
    )
    expect(retired.name).toBe('DeviceRetiredException')
    expect(retired.$metadata.httpStatusCode).toBe(410)

    // Tests can take a device offline and bring it back.
    standIn.jobs.devices.setStatus(SV1, 'OFFLINE')
    try {
      expect((await failure(braket().send(new CreateJobCommand(validBody())))).name).toBe('DeviceOfflineException')
    } finally {
      standIn.jobs.devices.setStatus(SV1, 'ONLINE')
    }

    const local = await braket().send(new CreateJobCommand(validBody({ deviceConfig: { device: 'local:braket/braket.local.qubit' } })))
    expect(local.$metadata.httpStatusCode).toBe(201)
    const qpuHome = await braket('us-east-1').send(new CreateJobCommand(validBody({ deviceConfig: { device: FORTE } })))
    expect(qpuHome.jobArn).toMatch(/^arn:aws:braket:us-east-1:/)
  })

  it('CreateJob needs the algorithm source in S3', async () => {
    const error = await failure(
      braket().send(
        new CreateJobCommand(
          validBody({
            algorithmSpecification: { scriptModeConfig: { entryPoint: 'a:b', s3Uri: `s3://${SOURCE_BUCKET}/jobs/missing/source.tar.gz` } }
          })
        )
      )
    )
    expect(error.name).toBe('ValidationException')
    expect(error.message).toContain('missing/source.tar.gz')
  })
})

describe('CreateJob request validation', () => {
  const many = (count: number, make: (i: number) => [string, string]) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => make(i)))
  const channel = (name: string) => ({ channelName: name, dataSource: { s3DataSource: { s3Uri: `s3://${SOURCE_BUCKET}/input/${name}` } } })
  type Mutation = (body: Record<string, any>) => void
  const cases: [string, Mutation, string, RegExp][] = [
    ['missing jobName', (b) => delete b.jobName, 'jobName', /must not be null/],
    ['missing roleArn', (b) => delete b.roleArn, 'roleArn', /must not be null/],
    ['missing deviceConfig', (b) => delete b.deviceConfig, 'deviceConfig', /must not be null/],
    ['missing instanceConfig', (b) => delete b.instanceConfig, 'instanceConfig', /must not be null/],
    ['missing outputDataConfig', (b) => delete b.outputDataConfig, 'outputDataConfig', /must not be null/],
    ['missing algorithmSpecification', (b) => delete b.algorithmSpecification, 'algorithmSpecification', /must not be null/],
    ['missing deviceConfig.device', (b) => (b.deviceConfig = {}), 'deviceConfig.device', /must not be null/],
    ['missing instanceType', (b) => delete b.instanceConfig.instanceType, 'instanceConfig.instanceType', /must not be null/],
    ['missing volumeSizeInGb', (b) => delete b.instanceConfig.volumeSizeInGb, 'instanceConfig.volumeSizeInGb', /must not be null/],
    ['missing outputDataConfig.s3Path', (b) => (b.outputDataConfig = {}), 'outputDataConfig.s3Path', /must not be null/],
    [
      'missing entryPoint',
      (b) => delete b.algorithmSpecification.scriptModeConfig.entryPoint,
      'algorithmSpecification.scriptModeConfig.entryPoint',
      /must not be null/
    ],
    ['jobName with an underscore', (b) => (b.jobName = 'bad_name'), 'jobName', /regular expression pattern/],
    ['jobName starting with a dash', (b) => (b.jobName = '-job'), 'jobName', /regular expression pattern/],
    ['jobName of 51 characters', (b) => (b.jobName = 'a'.repeat(51)), 'jobName', /length less than or equal to 50/],
    [
      '101 hyperparameters',
      (b) => (b.hyperParameters = many(101, (i) => [`p${i}`, String(i)])),
      'hyperParameters',
      /length less than or equal to 100/
    ],
    [
      'hyperparameter value of 2501 characters',
      (b) => (b.hyperParameters = { long: 'x'.repeat(2501) }),
      'hyperParameters',
      /Map value must satisfy constraint: \[Member must have length less than or equal to 2500\]/
    ],
    ['empty hyperparameter value', (b) => (b.hyperParameters = { empty: '' }), 'hyperParameters', /length greater than or equal to 1/],
    [
      '21 input channels',
      (b) => (b.inputDataConfig = Array.from({ length: 21 }, (_, i) => channel(`c${i}`))),
      'inputDataConfig',
      /length less than or equal to 20/
    ],
    [
      'channel name with spaces',
      (b) => (b.inputDataConfig = [channel('bad name!')]),
      'inputDataConfig.1.member.channelName',
      /regular expression pattern/
    ],
    [
      'channel without dataSource',
      (b) => (b.inputDataConfig = [{ channelName: 'input' }]),
      'inputDataConfig.1.member.dataSource',
      /must not be null/
    ],
    [
      'empty channel contentType',
      (b) => (b.inputDataConfig = [{ ...channel('input'), contentType: '' }]),
      'inputDataConfig.1.member.contentType',
      /length greater than or equal to 1/
    ],
    [
      'maxRuntimeInSeconds 0',
      (b) => (b.stoppingCondition = { maxRuntimeInSeconds: 0 }),
      'stoppingCondition.maxRuntimeInSeconds',
      /value greater than or equal to 1/
    ],
    [
      'maxRuntimeInSeconds 432001',
      (b) => (b.stoppingCondition = { maxRuntimeInSeconds: 432001 }),
      'stoppingCondition.maxRuntimeInSeconds',
      /value less than or equal to 432000/
    ],
    [
      'unknown instance type',
      (b) => (b.instanceConfig.instanceType = 'ml.m5.huge'),
      'instanceConfig.instanceType',
      /enum value set: \[ml\.t3\.large/
    ],
    ['instanceCount 0', (b) => (b.instanceConfig.instanceCount = 0), 'instanceConfig.instanceCount', /value greater than or equal to 1/],
    ['volume of 0 GB', (b) => (b.instanceConfig.volumeSizeInGb = 0), 'instanceConfig.volumeSizeInGb', /value greater than or equal to 1/],
    ['roleArn with a short account', (b) => (b.roleArn = 'arn:aws:iam::12345:role/BraketRole'), 'roleArn', /regular expression pattern/],
    ['roleArn that is a role name', (b) => (b.roleArn = 'AmazonBraketJobsExecutionRole'), 'roleArn', /regular expression pattern/],
    [
      'image URI outside ECR',
      (b) => (b.algorithmSpecification.containerImage = { uri: 'docker.io/library/python:3.11' }),
      'algorithmSpecification.containerImage.uri',
      /regular expression pattern/
    ],
    [
      'source s3Uri with ftp://',
      (b) => (b.algorithmSpecification.scriptModeConfig.s3Uri = 'ftp://bucket/source.tar.gz'),
      'algorithmSpecification.scriptModeConfig.s3Uri',
      /regular expression pattern/
    ],
    [
      'output s3Path without scheme',
      (b) => (b.outputDataConfig.s3Path = 'bucket/output'),
      'outputDataConfig.s3Path',
      /regular expression pattern/
    ],
    [
      'checkpoint config without s3Uri',
      (b) => (b.checkpointConfig = { localPath: '/opt/jobs/checkpoints' }),
      'checkpointConfig.s3Uri',
      /must not be null/
    ],
    ['empty kmsKeyId', (b) => (b.outputDataConfig.kmsKeyId = ''), 'outputDataConfig.kmsKeyId', /length greater than or equal to 1/],
    [
      'two associations',
      (b) =>
        (b.associations = [1, 2].map((i) => ({
          arn: `arn:aws:braket:us-west-2:${ACCOUNT}:reservation/r${i}`,
          type: 'RESERVATION_TIME_WINDOW_ARN'
        }))),
      'associations',
      /length less than or equal to 1/
    ],
    [
      'association of an unknown type',
      (b) => (b.associations = [{ arn: `arn:aws:braket:us-west-2:${ACCOUNT}:reservation/r`, type: 'SPOT' }]),
      'associations.1.member.type',
      /enum value set: \[RESERVATION_TIME_WINDOW_ARN\]/
    ],
    [
      'association ARN of another service',
      (b) => (b.associations = [{ arn: `arn:aws:s3:::bucket`, type: 'RESERVATION_TIME_WINDOW_ARN' }]),
      'associations.1.member.arn',
      /regular expression pattern/
    ],
    [
      'compressionType ZIP',
      (b) => (b.algorithmSpecification.scriptModeConfig.compressionType = 'ZIP'),
      'algorithmSpecification.scriptModeConfig.compressionType',
      /enum value set: \[NONE, GZIP\]/
    ],
    ['clientToken of 65 characters', (b) => (b.clientToken = 't'.repeat(65)), 'clientToken', /length less than or equal to 64/],
    [
      'device of 257 characters',
      (b) => (b.deviceConfig.device = `local:braket/${'x'.repeat(244)}`),
      'deviceConfig.device',
      /length less than or equal to 256/
    ]
  ]

  it('has a case for at least 25 forbidden bodies', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25)
  })

  it.each(cases)('rejects %s with ValidationException naming the member', async (_name, mutate, member, constraint) => {
    const before = standIn.jobs.all().length
    const body = validBody() as Record<string, any>
    mutate(body)
    const error = await failure(braket().send(new CreateJobCommand(body as CreateJobCommandInput)))
    expect(error.name).toBe('ValidationException')
    expect(error.$metadata.httpStatusCode).toBe(400)
    expect(error.message).toMatch(/^1 validation error detected: Value /)
    expect(error.message).toContain(`at '${member}' failed to satisfy constraint: `)
    expect(error.message).toMatch(constraint)
    expect(standIn.jobs.all().length).toBe(before)
  })

  it('names every problem of a body with several', async () => {
    const body = validBody({ jobName: 'bad_name' }) as Record<string, any>
    body.instanceConfig.instanceCount = 0
    delete body.roleArn
    const error = await failure(braket().send(new CreateJobCommand(body as CreateJobCommandInput)))
    expect(error.message).toMatch(/^3 validation errors detected: /)
    for (const member of ['jobName', 'instanceConfig.instanceCount', 'roleArn']) expect(error.message).toContain(`at '${member}'`)
  })

  it('accepts a maximal body with every field at its limit', async () => {
    const jobName = `max-${'a'.repeat(42)}`.slice(0, 50)
    const body: CreateJobCommandInput = {
      clientToken: 'c'.repeat(64),
      jobName,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/path/to/AmazonBraketJobsExecutionRole`,
      algorithmSpecification: {
        scriptModeConfig: { entryPoint: 'algorithm.main:run', s3Uri: `s3://${SOURCE_BUCKET}/${SOURCE_KEY}`, compressionType: 'GZIP' },
        containerImage: { uri: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/amazon-braket-base-jobs:1.0-cpu-py310-ubuntu22.04` }
      },
      inputDataConfig: Array.from({ length: 20 }, (_, i) => ({ ...channel(`channel.${i}_x-y`), contentType: 'application/json' })),
      outputDataConfig: {
        s3Path: `s3://${SOURCE_BUCKET}/jobs/${jobName}/data`,
        kmsKeyId: `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
      },
      checkpointConfig: { localPath: '/opt/jobs/checkpoints', s3Uri: `s3://${SOURCE_BUCKET}/jobs/${jobName}/checkpoints` },
      stoppingCondition: { maxRuntimeInSeconds: 432000 },
      instanceConfig: { instanceType: 'ml.g6e.48xlarge', volumeSizeInGb: 16384, instanceCount: 5 },
      hyperParameters: many(100, (i) => [`param${i}`, i === 0 ? 'v'.repeat(2500) : String(i)]),
      deviceConfig: { device: SV1 },
      tags: { team: 'quantum', 'cost-center': '42' },
      associations: [{ arn: `arn:aws:braket:us-west-2:${ACCOUNT}:reservation/1a2b3c`, type: 'RESERVATION_TIME_WINDOW_ARN' }]
    }
    standIn.jobs.script({ queuedMs: 60_000 })
    const { jobArn, $metadata } = await braket().send(new CreateJobCommand(body))
    expect($metadata.httpStatusCode).toBe(201)
    const job = await braket().send(new GetJobCommand({ jobArn }))
    const { clientToken: _token, ...echoed } = body
    expect(job).toMatchObject(echoed)
    await braket().send(new CancelJobCommand({ jobArn }))
  })
})
