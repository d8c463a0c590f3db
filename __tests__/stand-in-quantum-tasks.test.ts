// The stand-in's quantum tasks and spending limits, driven by the official @aws-sdk/client-braket over HTTP.
import {
  BraketClient,
  CreateJobCommand,
  CreateQuantumTaskCommand,
  GetQuantumTaskCommand,
  SearchQuantumTasksCommand,
  SearchSpendingLimitsCommand,
  type BraketClientConfig,
  type CreateQuantumTaskCommandInput,
  type QuantumTaskSummary,
  type SearchQuantumTasksFilter
} from '@aws-sdk/client-braket'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { STAND_IN_RATES } from '../local/src/pricing/stand-in-rates.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import { FORTE, HARMONY, SV1 } from './support/braket-devices.js'
import { failure } from './support/sdk-failure.js'

const ACCOUNT = STATIC_CREDENTIALS.accountId
const BUCKET = 'amazon-braket-us-east-1-123456789012'
const SOURCE_KEY = 'jobs/source/source.tar.gz'

let standIn: StandIn
let counter = 0

function braket(region = 'us-east-1', config: Partial<BraketClientConfig> = {}): BraketClient {
  return new BraketClient({
    region,
    endpoint: standIn.endpoints.braket,
    credentials: STATIC_CREDENTIALS,
    retryStrategy: new ConfiguredRetryStrategy(3, () => 5),
    ...config
  })
}

function taskInput(overrides: Partial<CreateQuantumTaskCommandInput> = {}): CreateQuantumTaskCommandInput {
  counter += 1
  return {
    clientToken: `task-token-${Date.now()}-${counter}`,
    deviceArn: SV1,
    shots: 100,
    outputS3Bucket: BUCKET,
    outputS3KeyPrefix: 'tasks',
    action: JSON.stringify({ braketSchemaHeader: { name: 'braket.ir.openqasm.program', version: '1' }, source: 'OPENQASM 3;' }),
    ...overrides
  }
}

async function createJob(script: Parameters<StandIn['jobs']['script']>[0], device = SV1): Promise<string> {
  counter += 1
  const jobName = `tasks-${Date.now()}-${counter}`
  standIn.jobs.script({ match: (request) => request.jobName === jobName, ...script })
  const { jobArn } = await braket().send(
    new CreateJobCommand({
      clientToken: `job-${jobName}`,
      jobName,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/BraketJobs`,
      algorithmSpecification: {
        scriptModeConfig: { entryPoint: 'main:run', s3Uri: `s3://${BUCKET}/${SOURCE_KEY}`, compressionType: 'GZIP' }
      },
      outputDataConfig: { s3Path: `s3://${BUCKET}/jobs/${jobName}/data` },
      instanceConfig: { instanceType: 'ml.m5.large', volumeSizeInGb: 30, instanceCount: 1 },
      deviceConfig: { device }
    })
  )
  return jobArn!
}

async function search(filters: SearchQuantumTasksFilter[], region = 'us-east-1'): Promise<QuantumTaskSummary[]> {
  const found: QuantumTaskSummary[] = []
  let nextToken: string | undefined
  do {
    const page = await braket(region).send(new SearchQuantumTasksCommand({ filters, maxResults: 2, nextToken }))
    found.push(...page.quantumTasks!)
    nextToken = page.nextToken
  } while (nextToken)
  return found
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > deadline) return value
    await sleep(20)
  }
}

beforeAll(async () => {
  standIn = await start({ region: 'us-east-1' })
  standIn.objects.createBucket(BUCKET, ACCOUNT, 'us-east-1')
  await standIn.objects.write(BUCKET, SOURCE_KEY, Buffer.from('source'))
})
afterAll(async () => standIn.stop())
afterEach(() => {
  standIn.faults.clear()
  standIn.permissions.clear()
  standIn.jobs.spendingLimits.clear()
})

describe('CreateQuantumTask and GetQuantumTask', () => {
  it('creates a task (201) that goes QUEUED → RUNNING → COMPLETED, with its device, shots and times', async () => {
    const { quantumTaskArn } = await braket().send(new CreateQuantumTaskCommand(taskInput({ shots: 250 })))
    expect(quantumTaskArn).toMatch(new RegExp(`^arn:aws:braket:us-east-1:${ACCOUNT}:quantum-task/[0-9a-f-]{36}$`))
    expect(standIn.requests.of('braket', 'CreateQuantumTask').at(-1)!.status).toBe(201)
    const done = await until(
      () => braket().send(new GetQuantumTaskCommand({ quantumTaskArn })),
      (task) => task.status === 'COMPLETED'
    )
    expect(done).toMatchObject({ status: 'COMPLETED', deviceArn: SV1, shots: 250, outputS3Bucket: BUCKET, numSuccessfulShots: 250 })
    expect(done.outputS3Directory).toBe(`tasks/${quantumTaskArn!.split('/').at(-1)}`)
    expect(done.endedAt!.getTime()).toBeGreaterThanOrEqual(done.createdAt!.getTime())
    expect(done.jobArn).toBeUndefined()
  })

  it('is idempotent by clientToken, and refuses the token for a different request', async () => {
    const input = taskInput()
    const first = await braket().send(new CreateQuantumTaskCommand(input))
    const again = await braket().send(new CreateQuantumTaskCommand(input))
    expect(again.quantumTaskArn).toBe(first.quantumTaskArn)
    expect((await failure(braket().send(new CreateQuantumTaskCommand({ ...input, shots: 7 })))).name).toBe('ConflictException')
  })

  it('checks the device as CreateJob does, validates from the model, and reads the job token', async () => {
    expect((await failure(braket('us-west-2').send(new CreateQuantumTaskCommand(taskInput({ deviceArn: FORTE }))))).message).toContain(
      'not available in us-west-2'
    )
    expect((await failure(braket().send(new CreateQuantumTaskCommand(taskInput({ deviceArn: HARMONY }))))).name).toBe(
      'DeviceRetiredException'
    )
    const negative = await failure(braket().send(new CreateQuantumTaskCommand(taskInput({ shots: -1 }))))
    expect(negative.name).toBe('ValidationException')
    expect(negative.message).toContain("at 'shots' failed to satisfy constraint: Member must have value greater than or equal to 0")
    expect((await failure(braket().send(new CreateQuantumTaskCommand(taskInput({ jobToken: 'not-a-token' }))))).message).toBe(
      'The jobToken is not valid.'
    )
  })

  it('associates a task created with a job token with that job, and reports its queue place with priority', async () => {
    const jobArn = await createJob({ queuedMs: 5, runningMs: 2000 })
    const jobToken = standIn.jobs.get(jobArn)!.jobToken
    standIn.jobs.tasks.setDefaultTimeline({ queuedMs: 1000 })
    try {
      const { quantumTaskArn } = await braket().send(new CreateQuantumTaskCommand(taskInput({ jobToken })))
      const task = await braket().send(new GetQuantumTaskCommand({ quantumTaskArn, additionalAttributeNames: ['QueueInfo'] }))
      expect(task.jobArn).toBe(jobArn)
      expect(task.queueInfo).toMatchObject({ queue: 'QUANTUM_TASKS_QUEUE', position: '1', queuePriority: 'Priority' })
    } finally {
      standIn.jobs.tasks.setDefaultTimeline({})
    }
  })

  it('answers ResourceNotFound for unknown tasks and AccessDenied for another account’s', async () => {
    expect(
      (await failure(braket().send(new GetQuantumTaskCommand({ quantumTaskArn: `arn:aws:braket:us-east-1:${ACCOUNT}:quantum-task/nope` }))))
        .name
    ).toBe('ResourceNotFoundException')
    expect(
      (await failure(braket().send(new GetQuantumTaskCommand({ quantumTaskArn: 'arn:aws:braket:us-east-1:210987654321:quantum-task/x' }))))
        .name
    ).toBe('AccessDeniedException')
  })
})

describe('scripted jobs create quantum tasks over time', () => {
  it('adds tasks at their times, each ending as scripted, so counts grow while the job runs', async () => {
    const jobArn = await createJob({
      queuedMs: 5,
      runningMs: 600,
      quantumTasks: [
        { atMs: 10, shots: 100 },
        { atMs: 10, device: FORTE, shots: 1000, status: 'FAILED', failureReason: 'Device calibration' },
        { atMs: 250, device: FORTE, shots: 500, status: 'CANCELLED' },
        { atMs: 300, shots: 50, runningMs: 100 },
        { atMs: 5000, shots: 1 } // past the job's end: never created
      ]
    })
    const byJob: SearchQuantumTasksFilter = { name: 'jobArn', operator: 'EQUAL', values: [jobArn] }
    const seen: number[] = []
    while (standIn.jobs.get(jobArn)!.status !== 'COMPLETED') {
      seen.push((await search([byJob])).length)
      await sleep(20)
    }
    expect(seen.some((count) => count > 0 && count < 4)).toBe(true)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    const tasks = await until(
      () => search([byJob]),
      (found) => found.every((task) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(task.status!))
    )
    expect(tasks.map((task) => [task.deviceArn, task.shots, task.status]).sort()).toEqual([
      [SV1, 100, 'COMPLETED'],
      [SV1, 50, 'COMPLETED'],
      [FORTE, 1000, 'FAILED'],
      [FORTE, 500, 'CANCELLED']
    ])
    const failed = tasks.find((task) => task.status === 'FAILED')!
    const detail = await braket().send(new GetQuantumTaskCommand({ quantumTaskArn: failed.quantumTaskArn }))
    expect(detail).toMatchObject({ failureReason: 'Device calibration', jobArn, outputS3Bucket: BUCKET })
    expect(detail.outputS3Directory).toMatch(/^jobs\/tasks-.+\/tasks\//)
  }, 15_000)
})

describe('SearchQuantumTasks', () => {
  it('filters by status, deviceArn, quantumTaskArn and createdAt, newest first, and pages', async () => {
    const before = new Date(Date.now() - 1)
    const a = await braket().send(new CreateQuantumTaskCommand(taskInput({ deviceArn: FORTE, shots: 10 })))
    const b = await braket().send(new CreateQuantumTaskCommand(taskInput({ deviceArn: FORTE, shots: 20 })))
    const since = { name: 'createdAt', operator: 'GTE' as const, values: [before.toISOString()] }
    const recent = await search([since, { name: 'deviceArn', operator: 'EQUAL', values: [FORTE] }])
    expect(recent.map((task) => task.quantumTaskArn)).toEqual([b.quantumTaskArn, a.quantumTaskArn])
    expect(await search([{ name: 'quantumTaskArn', operator: 'EQUAL', values: [a.quantumTaskArn!] }])).toHaveLength(1)
    await until(
      () => search([since]),
      (tasks) => tasks.every((task) => task.status === 'COMPLETED')
    )
    expect(await search([since, { name: 'status', operator: 'EQUAL', values: ['QUEUED', 'RUNNING'] }])).toEqual([])
    expect(await search([since], 'us-west-2')).toEqual([])
  })

  it('refuses filters the API does not have, and forged page tokens', async () => {
    const name = await failure(
      braket().send(new SearchQuantumTasksCommand({ filters: [{ name: 'shots', operator: 'EQUAL', values: ['1'] }] }))
    )
    expect(name.message).toContain('Filter name shots is not supported')
    const operator = await failure(
      braket().send(new SearchQuantumTasksCommand({ filters: [{ name: 'jobArn', operator: 'GT', values: ['x'] }] }))
    )
    expect(operator.message).toContain('Operator GT is not supported for filter jobArn')
    const token = await failure(braket().send(new SearchQuantumTasksCommand({ filters: [], nextToken: 'forged' })))
    expect(token.name).toBe('ValidationException')
  })

  it('throttles on request like the other Braket operations, and can be denied', async () => {
    standIn.faults.add({ service: 'braket', operation: 'SearchQuantumTasks', kind: 'throttle', times: 5 })
    const throttled = await failure(braket().send(new SearchQuantumTasksCommand({ filters: [] })))
    expect(throttled.name).toBe('ThrottlingException')
    expect(throttled.$metadata.httpStatusCode).toBe(429)
    standIn.faults.clear()
    standIn.permissions.deny('braket:SearchQuantumTasks')
    const denied = await failure(braket().send(new SearchQuantumTasksCommand({ filters: [] })))
    expect(denied.name).toBe('AccessDeniedException')
    expect(denied.$metadata.httpStatusCode).toBe(403)
  })
})

describe('SearchSpendingLimits', () => {
  it('shows a device’s limit with queued and total spend added up at the stand-in’s QPU rates', async () => {
    const forte = STAND_IN_RATES.qpus.find((qpu) => qpu.deviceArn === FORTE)!
    // From now on: the tasks of the tests before are not in the period.
    const since = new Date()
    standIn.jobs.spendingLimits.set({
      deviceArn: FORTE,
      spendingLimit: 50,
      timePeriod: { startAt: since, endAt: new Date(since.getTime() + 3_600_000) },
      earlierTotalSpend: 1.25
    })
    standIn.jobs.tasks.setDefaultTimeline({ queuedMs: 60_000 })
    const queued = await braket().send(new CreateQuantumTaskCommand(taskInput({ deviceArn: FORTE, shots: 10 })))
    standIn.jobs.tasks.setDefaultTimeline({ queuedMs: 1, runningMs: 1 })
    const done = await braket().send(new CreateQuantumTaskCommand(taskInput({ deviceArn: FORTE, shots: 30 })))
    standIn.jobs.tasks.setDefaultTimeline({})
    await until(
      async () => standIn.jobs.tasks.get(done.quantumTaskArn!)!.status,
      (status) => status === 'COMPLETED'
    )
    const cost = (shots: number) => Number(forte.perTask) + Number(forte.perShot) * shots
    const { spendingLimits } = await braket().send(
      new SearchSpendingLimitsCommand({ filters: [{ name: 'deviceArn', operator: 'EQUAL', values: [FORTE] }] })
    )
    expect(spendingLimits).toHaveLength(1)
    expect(spendingLimits![0]).toMatchObject({
      deviceArn: FORTE,
      spendingLimit: '50.00',
      queuedSpend: cost(10).toFixed(2),
      totalSpend: (1.25 + cost(30)).toFixed(2),
      spendingLimitArn: expect.stringMatching(new RegExp(`^arn:aws:braket:us-east-1:${ACCOUNT}:spending-limit/`))
    })
    expect(spendingLimits![0]!.timePeriod!.startAt!.getTime()).toBe(Math.floor(since.getTime() / 1000) * 1000)
    expect(standIn.jobs.tasks.get(queued.quantumTaskArn!)!.status).toBe('QUEUED')
  })

  it('finds nothing for a device without a limit, or in another region, and can be denied', async () => {
    standIn.jobs.spendingLimits.set({ deviceArn: FORTE, spendingLimit: 5 })
    const filters = [{ name: 'deviceArn', operator: 'EQUAL' as const, values: [SV1] }]
    expect((await braket().send(new SearchSpendingLimitsCommand({ filters }))).spendingLimits).toEqual([])
    expect((await braket('us-west-2').send(new SearchSpendingLimitsCommand({}))).spendingLimits).toEqual([])
    expect((await braket().send(new SearchSpendingLimitsCommand({}))).spendingLimits).toHaveLength(1)
    standIn.permissions.deny({ action: 'braket:SearchSpendingLimits', accessKeyId: STATIC_CREDENTIALS.accessKeyId })
    expect((await failure(braket().send(new SearchSpendingLimitsCommand({})))).message).toContain(
      'not authorized to perform: braket:SearchSpendingLimits'
    )
  })
})
