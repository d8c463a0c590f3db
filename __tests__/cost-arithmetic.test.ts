// The cost arithmetic and price list reading, pure. Every expected figure is
// a hand calculation from the stand-in's rate file, never a typed-in result.
import { priceListItem, standInProducts } from '../local/src/pricing/price-list.js'
import { STAND_IN_RATES } from '../local/src/pricing/stand-in-rates.js'
import {
  billableSoFarMs,
  HOURS_PER_MONTH,
  instanceCostUsd,
  jobCost,
  qpuTaskCostUsd,
  SIMULATOR_MINIMUM_MS,
  simulatorTaskCostUsd,
  volumeCostUsd,
  type TaskUsage
} from '../src/cost/arithmetic.js'
import { describeCost, formatUsd } from '../src/cost/describe.js'
import { deviceKind, matchDeviceName } from '../src/cost/devices.js'
import { capDecision, maxRuntimeWithin, worstCase } from '../src/cost/estimate.js'
import { parsePriceListItem, rateOf } from '../src/cost/price-list.js'
import { unknownRate, type KnownRate, type RateCard } from '../src/cost/rates.js'
import { FORTE, GARNET, SV1, LOCAL_SIMULATOR } from './support/braket-devices.js'

const LOCAL = LOCAL_SIMULATOR

const perMinute = Number(STAND_IN_RATES.instancePerMinute['ml.m5.xlarge'])
const perGbMonth = Number(STAND_IN_RATES.volumePerGbMonth)
const forte = STAND_IN_RATES.qpus.find((qpu) => qpu.deviceArn === FORTE)!
const sv1 = STAND_IN_RATES.simulators.find((simulator) => simulator.name === 'SV1')!
const rate = (usd: string | number, unit = 'minutes'): KnownRate => ({ known: true, usd: Number(usd), unit, sku: 'TESTSKU' })

const card = (overrides: Partial<RateCard> = {}): RateCard => ({
  instance: rate(perMinute),
  volume: rate(perGbMonth, 'GB-Mo'),
  devices: {
    [FORTE]: {
      kind: 'qpu',
      deviceArn: FORTE,
      devicename: 'Forte-1',
      perTask: rate(forte.perTask, 'Task'),
      perShot: rate(forte.perShot, 'Shot')
    },
    [SV1]: { kind: 'simulator', deviceArn: SV1, perMinute: rate(sv1.perMinute) },
    [LOCAL]: { kind: 'local', deviceArn: LOCAL }
  },
  ...overrides
})

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds))
const task = (deviceArn: string, status: string, shots: number, seconds?: [number, number?]): TaskUsage => ({
  deviceArn,
  status,
  shots,
  ...(seconds ? { createdAt: at(seconds[0]), ...(seconds[1] !== undefined ? { endedAt: at(seconds[1]) } : {}) } : {})
})

describe('instance and volume', () => {
  const usage = { billableDurationMs: 61_000, instanceCount: 3, volumeSizeInGb: 30 }

  it('instance = billable minutes × per-minute rate × instances (billableDuration read per instance)', () => {
    expect(instanceCostUsd(usage, perMinute)).toBeCloseTo((61 / 60) * perMinute * 3, 12)
  })

  it('keeps the other reading computable: billableDuration already summed over instances', () => {
    expect(instanceCostUsd(usage, perMinute, 'all-instances')).toBeCloseTo((61 / 60) * perMinute, 12)
    expect(instanceCostUsd(usage, perMinute, 'per-instance')).toBeCloseTo(3 * instanceCostUsd(usage, perMinute, 'all-instances'), 12)
  })

  it('volume = GB × instances × billable hours / 730 × per-GB-month rate', () => {
    expect(HOURS_PER_MONTH).toBe(730)
    expect(volumeCostUsd(usage, perGbMonth)).toBeCloseTo(30 * 3 * (61 / 3600 / 730) * perGbMonth, 15)
    expect(volumeCostUsd(usage, perGbMonth, 'all-instances')).toBeCloseTo(30 * (61 / 3600 / 730) * perGbMonth, 15)
  })

  it('counts billable time so far from the start until GetJob reports billableDuration', () => {
    expect(billableSoFarMs({}, at(100))).toBe(0)
    expect(billableSoFarMs({ startedAt: at(10) }, at(100))).toBe(90_000)
    expect(billableSoFarMs({ startedAt: at(10), endedAt: at(40) }, at(100))).toBe(30_000)
    expect(billableSoFarMs({ startedAt: at(10), billableDuration: 31_000 }, at(100))).toBe(31_000)
  })
})

describe('quantum tasks', () => {
  it('charges a QPU task per task plus per shot when COMPLETED or not yet ended; FAILED and CANCELLED are free', () => {
    const full = (shots: number) => Number(forte.perTask) + Number(forte.perShot) * shots
    expect(qpuTaskCostUsd(task(FORTE, 'COMPLETED', 100), Number(forte.perTask), Number(forte.perShot))).toBeCloseTo(full(100), 12)
    for (const status of ['CREATED', 'QUEUED', 'RUNNING'])
      expect(qpuTaskCostUsd(task(FORTE, status, 50), Number(forte.perTask), Number(forte.perShot))).toBeCloseTo(full(50), 12)
    for (const status of ['FAILED', 'CANCELLED', 'CANCELLING'])
      expect(qpuTaskCostUsd(task(FORTE, status, 50), Number(forte.perTask), Number(forte.perShot))).toBe(0)
  })

  it('charges a simulator task per minute of endedAt − createdAt, at least 3 seconds; one still going counts so far', () => {
    const usd = Number(sv1.perMinute)
    expect(SIMULATOR_MINIMUM_MS).toBe(3000)
    expect(simulatorTaskCostUsd(task(SV1, 'COMPLETED', 10, [0, 90]), usd, at(500))).toBeCloseTo((90 / 60) * usd, 12)
    expect(simulatorTaskCostUsd(task(SV1, 'COMPLETED', 10, [0, 1]), usd, at(500))).toBeCloseTo((3 / 60) * usd, 12)
    expect(simulatorTaskCostUsd(task(SV1, 'RUNNING', 10, [0]), usd, at(20))).toBeCloseTo((20 / 60) * usd, 12)
    expect(simulatorTaskCostUsd(task(SV1, 'FAILED', 10, [0, 50]), usd, at(500))).toBe(0)
  })
})

describe('jobCost', () => {
  const job = { billableDurationMs: 600_000, instanceCount: 2, volumeSizeInGb: 10, deviceArn: FORTE }
  const tasks = [
    task(FORTE, 'COMPLETED', 1000),
    task(FORTE, 'QUEUED', 200),
    task(FORTE, 'FAILED', 5000),
    task(SV1, 'COMPLETED', 100, [0, 120]),
    task(SV1, 'COMPLETED', 100, [0, 2]),
    task(LOCAL, 'COMPLETED', 100, [0, 60])
  ]

  it('adds instance, volume, QPU tasks, shots and simulator minutes, per device', () => {
    const breakdown = jobCost({ job, tasks, rates: card(), now: at(1000) })
    const instance = 10 * perMinute * 2
    const volume = 10 * 2 * (10 / 60 / 730) * perGbMonth
    const qpu = 2 * Number(forte.perTask) + Number(forte.perShot) * (1000 + 200)
    const simulator = ((120 + 3) / 60) * Number(sv1.perMinute)
    expect(breakdown.complete).toBe(true)
    expect(breakdown.knownUsd).toBeCloseTo(instance + volume + qpu + simulator, 10)
    const byDevice = Object.fromEntries(breakdown.devices.map((device) => [device.deviceArn, device]))
    expect(byDevice[FORTE]).toMatchObject({ kind: 'qpu', tasks: 3, chargedTasks: 2, shots: 6200, chargedShots: 1200 })
    expect(byDevice[SV1]).toMatchObject({ kind: 'simulator', tasks: 2, simulatorMinutes: 123 / 60 })
    expect(byDevice[LOCAL]).toMatchObject({ kind: 'local', cost: { known: true, usd: 0 } })
    expect(describeCost(breakdown)[0]).toContain(formatUsd(breakdown.knownUsd))
  })

  it('charges nothing extra for tasks on the device the job reserved', () => {
    const reserved = jobCost({
      job: { ...job, reservationArn: 'arn:aws:braket:us-east-1:123456789012:reservation/r' },
      tasks,
      rates: card(),
      now: at(1000)
    })
    expect(reserved.devices.find((device) => device.deviceArn === FORTE)).toMatchObject({ kind: 'reserved', cost: { known: true, usd: 0 } })
  })

  it('leaves a part unknown, with its reason, when its rate is: never zero, and the total is then a lower bound', () => {
    const denied = unknownRate('the AWS Price List API refused pricing:GetProducts (AccessDeniedException)', 'pricing:GetProducts')
    const rates = card({ devices: { ...card().devices, [FORTE]: { kind: 'qpu', deviceArn: FORTE, perTask: denied, perShot: denied } } })
    const breakdown = jobCost({ job, tasks, rates, now: at(1000) })
    expect(breakdown.complete).toBe(false)
    expect(breakdown.unknown).toEqual([denied])
    expect(breakdown.devices.find((device) => device.deviceArn === FORTE)!.cost).toEqual({ known: false, unknown: denied })
    expect(breakdown.knownUsd).toBeCloseTo(
      jobCost({ job, tasks: tasks.filter((t) => t.deviceArn !== FORTE), rates, now: at(1000) }).knownUsd,
      12
    )
    expect(describeCost(breakdown).join('\n')).toContain('unknown (the AWS Price List API refused pricing:GetProducts')
  })
})

describe('before submitting, and the cap', () => {
  const plan = { instanceCount: 2, volumeSizeInGb: 30, maxRuntimeSeconds: 3600 }

  it('worst case = rate × instance count × max runtime + volume for as long', () => {
    const estimate = worstCase(plan, rate(perMinute), rate(perGbMonth, 'GB-Mo'))
    expect(estimate).toMatchObject({ known: true })
    if (!estimate.known) return
    expect(estimate.instanceUsd).toBeCloseTo(perMinute * 2 * 60, 12)
    expect(estimate.volumeUsd).toBeCloseTo(30 * 2 * (1 / 730) * perGbMonth, 12)
    expect(estimate.totalUsd).toBeCloseTo(estimate.instanceUsd + estimate.volumeUsd, 12)
    expect(worstCase(plan, unknownRate('denied', 'pricing:GetProducts'), rate(perGbMonth))).toEqual({
      known: false,
      unknown: [unknownRate('denied', 'pricing:GetProducts')]
    })
  })

  it('names the longest max runtime whose worst case fits a cap', () => {
    const seconds = maxRuntimeWithin(0.5, plan, perMinute, perGbMonth)
    const cost = (runtime: number) =>
      (worstCase({ ...plan, maxRuntimeSeconds: runtime }, rate(perMinute), rate(perGbMonth)) as { totalUsd: number }).totalUsd
    expect(cost(seconds)).toBeLessThanOrEqual(0.5)
    expect(cost(seconds + 1)).toBeGreaterThan(0.5)
  })

  it('cancels once the known running total reaches the cap, with the breakdown', () => {
    const breakdown = jobCost({
      job: { billableDurationMs: 60_000, instanceCount: 1, volumeSizeInGb: 1, deviceArn: SV1 },
      tasks: [],
      rates: card(),
      now: at(0)
    })
    expect(capDecision(breakdown, breakdown.knownUsd * 2).cancel).toBe(false)
    expect(capDecision(breakdown, breakdown.knownUsd)).toMatchObject({
      cancel: true,
      totalUsd: breakdown.knownUsd,
      complete: true,
      breakdown
    })
  })
})

describe('reading the price list', () => {
  const products = standInProducts()
  const item = (family: string, match: (attributes: Record<string, string>) => boolean) =>
    priceListItem(products.find((product) => product.productFamily === family && match(product.attributes))!)

  it('reads the one on-demand USD price of a real-shaped item', () => {
    const parsed = parsePriceListItem(item('Braket Managed Jobs QPU Task Shot', (a) => a.devicename === 'Forte-1'))!
    expect(parsed.attributes.devicename).toBe('Forte-1')
    expect(rateOf([parsed], 'perShot', 'Forte-1 shots')).toMatchObject({ known: true, usd: Number(forte.perShot), unit: 'Shot' })
  })

  it('says why a rate is unknown: none, several, another unit, or no positive price', () => {
    const instance = parsePriceListItem(item('Braket Managed Jobs Instance', (a) => a.instanceType === 'ml.m5.large'))!
    expect(rateOf([], 'perMinute', 'ml.m5.large')).toMatchObject({ known: false, reason: 'the AWS Price List has no ml.m5.large' })
    expect(rateOf([instance, instance], 'perMinute', 'x')).toMatchObject({ known: false })
    expect(rateOf([instance], 'perShot', 'x')).toMatchObject({
      known: false,
      reason: expect.stringContaining('per "minutes", not per shot')
    })
    const zero = { ...instance, onDemand: [{ ...instance.onDemand[0]!, usd: '0.0000000000' }] }
    expect(rateOf([zero], 'perMinute', 'x')).toMatchObject({ known: false, reason: expect.stringContaining('no usable USD price') })
    expect(parsePriceListItem('not json')).toBeUndefined()
    expect(parsePriceListItem('{"product":{}}')).toBeUndefined()
  })

  it('maps a device to the price list devicename, whatever the spelling', () => {
    const listed = STAND_IN_RATES.qpus.map((qpu) => qpu.devicename)
    expect(matchDeviceName(listed, FORTE, 'Forte 1')).toBe('Forte-1')
    expect(matchDeviceName(listed, GARNET)).toBe('Garnet')
    expect(matchDeviceName(['Advantage_system', '2000Q'], 'arn:aws:braket:us-west-2::device/qpu/d-wave/Advantage_system6.4')).toBe(
      'Advantage_system'
    )
    expect(matchDeviceName(['Forte-1', 'forte 1'], FORTE)).toBeUndefined()
    expect(matchDeviceName(listed, 'arn:aws:braket:us-west-2::device/qpu/acme/Test')).toBeUndefined()
    expect([FORTE, SV1, LOCAL, 'arn:aws:s3:::x'].map(deviceKind)).toEqual(['qpu', 'simulator', 'local', 'other'])
  })
})
