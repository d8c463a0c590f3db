// Rates, spending limits and a job's cost looked up from the stand-in over
// HTTP with the real SDK clients; expected figures come from the stand-in's
// rate file.
import { BraketClient, CreateJobCommand, GetJobCommand } from '@aws-sdk/client-braket'
import { PricingClient } from '@aws-sdk/client-pricing'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { STAND_IN_RATES } from '../local/src/pricing/stand-in-rates.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import { pricingClient, PRICING_ENDPOINT_REGION } from '../src/aws/clients.js'
import { jobCost } from '../src/cost/arithmetic.js'
import { PriceBook } from '../src/cost/price-book.js'
import type { DeviceRates, Rate } from '../src/cost/rates.js'
import { spendingLimitFor } from '../src/cost/spending-limits.js'
import type { Clock } from '../src/follow/clock.js'
import { searchJobTasks } from '../src/tasks/search-tasks.js'
import { FORTE, SV1, TN1, LOCAL_SIMULATOR } from './support/braket-devices.js'

const ACCOUNT = STATIC_CREDENTIALS.accountId
const LOCAL = LOCAL_SIMULATOR
const BUCKET = 'amazon-braket-us-east-1-123456789012'

let standIn: StandIn

const retry = new ConfiguredRetryStrategy(4, () => 5)
const pricing = () =>
  new PricingClient({ region: 'us-east-1', endpoint: standIn.endpoints.pricing, credentials: STATIC_CREDENTIALS, retryStrategy: retry })
const braket = () =>
  new BraketClient({ region: 'us-east-1', endpoint: standIn.endpoints.braket, credentials: STATIC_CREDENTIALS, retryStrategy: retry })
const usd = (rate: Rate | undefined) => (rate?.known ? rate.usd : rate)
const qpu = (rates: DeviceRates | undefined) => rates as Extract<DeviceRates, { kind: 'qpu' }>
const noSleep: Clock = { now: () => 0, sleep: async () => undefined }

beforeAll(async () => {
  standIn = await start({ region: 'us-east-1' })
  standIn.objects.createBucket(BUCKET, ACCOUNT, 'us-east-1')
  await standIn.objects.write(BUCKET, 'src/source.tar.gz', Buffer.from('source'))
})
afterAll(async () => standIn.stop())
beforeEach(() => {
  standIn.requests.clear()
  standIn.faults.clear()
  standIn.permissions.clear()
})

describe('PriceBook', () => {
  it('reads every rate a job needs from the Price List, as the stand-in lists them', async () => {
    const card = await new PriceBook(pricing()).rateCard({
      region: 'us-east-1',
      instanceType: 'ml.m5.large',
      deviceArns: [FORTE, SV1, LOCAL],
      deviceNames: { [FORTE]: 'Forte 1' }
    })
    const forte = STAND_IN_RATES.qpus.find((entry) => entry.deviceArn === FORTE)!
    expect(usd(card.instance)).toBe(Number(STAND_IN_RATES.instancePerMinute['ml.m5.large']))
    expect(usd(card.volume)).toBe(Number(STAND_IN_RATES.volumePerGbMonth))
    expect(qpu(card.devices[FORTE])).toMatchObject({ kind: 'qpu', devicename: 'Forte-1' })
    expect(usd(qpu(card.devices[FORTE]).perTask)).toBe(Number(forte.perTask))
    expect(usd(qpu(card.devices[FORTE]).perShot)).toBe(Number(forte.perShot))
    const sv1 = card.devices[SV1] as Extract<DeviceRates, { kind: 'simulator' }>
    expect(usd(sv1.perMinute)).toBe(Number(STAND_IN_RATES.simulators.find((entry) => entry.name === 'SV1')!.perMinute))
    expect(card.devices[LOCAL]).toEqual({ kind: 'local', deviceArn: LOCAL })
    // The price list's QPU name came from GetAttributeValues; every filter was a TERM_MATCH on AmazonBraket.
    expect(standIn.requests.of('pricing', 'GetAttributeValues')).toHaveLength(1)
    for (const request of standIn.requests.of('pricing', 'GetProducts')) {
      expect(request.body).toMatchObject({ ServiceCode: 'AmazonBraket', FormatVersion: 'aws_v1' })
      expect((request.body as any).Filters.every((filter: any) => filter.Type === 'TERM_MATCH')).toBe(true)
    }
  })

  it('looks each rate up once, however often it is asked', async () => {
    const book = new PriceBook(pricing())
    const needs = { region: 'us-west-2', instanceType: 'ml.c5.xlarge', deviceArns: [SV1] }
    await book.rateCard(needs)
    const calls = standIn.requests.records.length
    await book.rateCard(needs)
    expect(standIn.requests.records.length).toBe(calls)
  })

  it('says why a rate is unknown: a simulator not in the region, a device the list does not name', async () => {
    standIn.jobs.devices.add({
      deviceArn: 'arn:aws:braket:us-east-1::device/qpu/acme/Tiny',
      deviceName: 'Tiny',
      providerName: 'Acme',
      deviceType: 'QPU',
      deviceStatus: 'ONLINE'
    })
    const book = new PriceBook(pricing())
    const tn1 = (await book.deviceRates(TN1, 'us-west-1')) as Extract<DeviceRates, { kind: 'simulator' }>
    expect(tn1.perMinute).toMatchObject({
      known: false,
      reason: expect.stringContaining('TN1 simulator tasks of hybrid jobs in us-west-1')
    })
    const tiny = qpu(await book.deviceRates('arn:aws:braket:us-east-1::device/qpu/acme/Tiny', 'us-east-1', 'Tiny'))
    expect(tiny.perTask).toMatchObject({ known: false, reason: expect.stringContaining('has no devicename for') })
  })

  it('names the permission when pricing:GetProducts is denied, and never makes a rate up', async () => {
    standIn.permissions.deny('pricing:GetProducts')
    const card = await new PriceBook(pricing()).rateCard({ region: 'us-east-1', instanceType: 'ml.m5.large', deviceArns: [FORTE] })
    for (const rate of [card.instance, card.volume, qpu(card.devices[FORTE]).perTask, qpu(card.devices[FORTE]).perShot])
      expect(rate).toMatchObject({
        known: false,
        deniedPermission: 'pricing:GetProducts',
        reason: expect.stringContaining('allow pricing:GetProducts')
      })
  })

  it('finds the QPU name from the products when only GetAttributeValues is denied', async () => {
    standIn.permissions.deny('pricing:GetAttributeValues')
    const rates = qpu(await new PriceBook(pricing()).deviceRates(FORTE, 'us-east-1', 'Forte 1'))
    expect(rates.devicename).toBe('Forte-1')
    expect(rates.perShot.known).toBe(true)
  })

  it('rides out throttling (the SDK retries it)', async () => {
    standIn.faults.add({ service: 'pricing', operation: 'GetProducts', kind: 'throttle', times: 2 })
    const rate = await new PriceBook(pricing()).instanceRate('eu-west-2', 'ml.g4dn.xlarge')
    expect(usd(rate)).toBe(Number(STAND_IN_RATES.instancePerMinute['ml.g4dn.xlarge']))
  })

  it('reaches the stand-in through AWS_ENDPOINT_URL_PRICING with the action’s own client, in us-east-1', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_PRICING
    process.env.AWS_ENDPOINT_URL_PRICING = standIn.endpoints.pricing
    try {
      const client = pricingClient({ credentials: async () => STATIC_CREDENTIALS })
      expect(await client.config.region()).toBe(PRICING_ENDPOINT_REGION)
      expect(usd(await new PriceBook(client).volumeRate('us-west-2'))).toBe(Number(STAND_IN_RATES.volumePerGbMonth))
      expect(standIn.requests.of('pricing', 'GetProducts').at(-1)!.accessKeyId).toBe(STATIC_CREDENTIALS.accessKeyId)
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_PRICING
      else process.env.AWS_ENDPOINT_URL_PRICING = saved
    }
  })
})

describe("a scripted job's cost", () => {
  it('equals the hand calculation from the stand-in’s rates', async () => {
    const jobName = `cost-${Date.now()}`
    standIn.jobs.script({
      match: (request) => request.jobName === jobName,
      queuedMs: 5,
      runningMs: 300,
      billableDuration: 125_000,
      quantumTasks: [
        { atMs: 5, shots: 100, device: FORTE },
        { atMs: 5, shots: 400, device: FORTE, status: 'FAILED' },
        { atMs: 10, shots: 1000, device: SV1, runningMs: 30 }
      ]
    })
    const { jobArn } = await braket().send(
      new CreateJobCommand({
        clientToken: jobName,
        jobName,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/BraketJobs`,
        algorithmSpecification: { scriptModeConfig: { entryPoint: 'main:run', s3Uri: `s3://${BUCKET}/src/source.tar.gz` } },
        outputDataConfig: { s3Path: `s3://${BUCKET}/jobs/${jobName}` },
        instanceConfig: { instanceType: 'ml.c5.xlarge', volumeSizeInGb: 20, instanceCount: 2 },
        deviceConfig: { device: FORTE }
      })
    )
    await standIn.jobs.waitForStatus(jobArn!, 'COMPLETED')
    await new Promise((resolve) => setTimeout(resolve, 150))
    const job = await braket().send(new GetJobCommand({ jobArn }))
    const tasks = await searchJobTasks({ braket: braket(), jobArn: jobArn!, clock: noSleep })
    const rates = await new PriceBook(pricing()).rateCard({
      region: 'us-east-1',
      instanceType: job.instanceConfig!.instanceType!,
      deviceArns: tasks.map((entry) => entry.deviceArn!)
    })
    const breakdown = jobCost({
      job: { billableDurationMs: job.billableDuration!, instanceCount: 2, volumeSizeInGb: 20, deviceArn: FORTE },
      tasks: tasks.map((entry) => ({
        deviceArn: entry.deviceArn!,
        status: entry.status!,
        shots: entry.shots!,
        createdAt: entry.createdAt,
        endedAt: entry.endedAt
      })),
      rates,
      now: new Date()
    })

    const forte = STAND_IN_RATES.qpus.find((entry) => entry.deviceArn === FORTE)!
    const sv1 = STAND_IN_RATES.simulators.find((entry) => entry.name === 'SV1')!
    const simulatorTask = tasks.find((entry) => entry.deviceArn === SV1)!
    const simulatorMs = Math.max(3000, simulatorTask.endedAt!.getTime() - simulatorTask.createdAt!.getTime())
    const hand =
      (125 / 60) * Number(STAND_IN_RATES.instancePerMinute['ml.c5.xlarge']) * 2 +
      20 * 2 * (125 / 3600 / 730) * Number(STAND_IN_RATES.volumePerGbMonth) +
      (Number(forte.perTask) + 100 * Number(forte.perShot)) +
      (simulatorMs / 60_000) * Number(sv1.perMinute)
    expect(breakdown.complete).toBe(true)
    expect(breakdown.knownUsd).toBeCloseTo(hand, 10)
  })
})

describe('spendingLimitFor', () => {
  const log = () => {
    const lines = { debug: [] as string[], warning: [] as string[] }
    return { lines, debug: (line: string) => lines.debug.push(line), warning: (line: string) => lines.warning.push(line) }
  }

  it('reads the device’s limit with its queued and total spend', async () => {
    standIn.jobs.spendingLimits.set({ deviceArn: FORTE, spendingLimit: '75', earlierTotalSpend: 12.5 })
    const messages = log()
    const view = await spendingLimitFor(braket(), FORTE, messages)
    expect(view).toMatchObject({ deviceArn: FORTE, limitUsd: 75, totalSpendUsd: expect.any(Number), queuedSpendUsd: expect.any(Number) })
    expect(view!.totalSpendUsd).toBeGreaterThanOrEqual(12.5)
    expect(view!.periodEnd!.getTime()).toBeGreaterThan(view!.periodStart!.getTime())
    expect(await spendingLimitFor(braket(), SV1, messages)).toBeUndefined()
    expect(messages.lines).toEqual({ debug: [], warning: [] })
  })

  it('turns a denial into one debug line and nothing else', async () => {
    standIn.permissions.deny('braket:SearchSpendingLimits')
    const messages = log()
    expect(await spendingLimitFor(braket(), FORTE, messages)).toBeUndefined()
    expect(messages.lines.debug).toEqual([expect.stringContaining('SearchSpendingLimits was denied')])
    expect(messages.lines.warning).toEqual([])
  })
})
