// The cost arithmetic, pure, exactly as the README states it:
//   instance  = billable duration (minutes) × per-minute rate × instance count
//   volume    = GB × instances × billable hours / 730 × per-GB-month rate
//   QPU task  = per-task rate + per-shot rate × shots, for COMPLETED tasks; tasks not yet
//               ended count at full price (a running total errs high, so a cap errs safe);
//               FAILED and CANCELLED tasks are not charged
//   simulator = per-minute rate × (endedAt − createdAt), at least 3 seconds a task
//   local simulators and tasks under the job's reservation cost nothing extra.
//
// Does Braket's `billableDuration` already cover all of a job's instances? Braket's API
// reference only says "the billable time for which the hybrid job used to complete". Hybrid
// jobs run as SageMaker training jobs, and SageMaker documents its BillableTimeInSeconds as
// wall-clock time to be multiplied by InstanceCount ("BillableTimeInSeconds * InstanceCount",
// DescribeTrainingJob in the SageMaker API reference). We read Braket's figure the same way:
// per instance ('per-instance'), multiplied by the instance count. The other reading
// ('all-instances', the figure already summed over instances) stays computable and tested, in
// case the bill shows otherwise.
import type { DeviceRates, KnownRate, Rate, RateCard, UnknownRate } from './rates.js'
import { unknownRate, unknownRates } from './rates.js'
import { deviceKind } from './devices.js'

export type BillableReading = 'per-instance' | 'all-instances'
export const BILLABLE_DURATION_READING: BillableReading = 'per-instance'

/** The month the volume's GB-month rate is prorated over. */
export const HOURS_PER_MONTH = 730
/** The least an on-demand simulator task is billed for (the Braket SDK's cost tracker, MIN_SIMULATOR_DURATION). */
export const SIMULATOR_MINIMUM_MS = 3000

const MS_PER_MINUTE = 60_000
const MS_PER_HOUR = 3_600_000

export interface InstanceUsage {
  /** Milliseconds, as GetJob's billableDuration. */
  billableDurationMs: number
  instanceCount: number
}

export function instanceCostUsd(usage: InstanceUsage, usdPerMinute: number, reading: BillableReading = BILLABLE_DURATION_READING): number {
  const instances = reading === 'per-instance' ? usage.instanceCount : 1
  return (usage.billableDurationMs / MS_PER_MINUTE) * usdPerMinute * instances
}

/** The volume's cost; with the 'all-instances' reading the duration is already summed over instances. */
export function volumeCostUsd(
  usage: InstanceUsage & { volumeSizeInGb: number },
  usdPerGbMonth: number,
  reading: BillableReading = BILLABLE_DURATION_READING
): number {
  const instances = reading === 'per-instance' ? usage.instanceCount : 1
  return usage.volumeSizeInGb * instances * (usage.billableDurationMs / MS_PER_HOUR / HOURS_PER_MONTH) * usdPerGbMonth
}

/** What of a quantum task the cost needs (a SearchQuantumTasks summary has it all). */
export interface TaskUsage {
  quantumTaskArn?: string
  deviceArn: string
  status: string
  shots: number
  createdAt?: Date
  endedAt?: Date
}

const NOT_CHARGED = new Set(['FAILED', 'CANCELLED', 'CANCELLING'])
const ENDED = new Set(['COMPLETED', 'FAILED', 'CANCELLED'])

export function qpuTaskCostUsd(task: TaskUsage, perTaskUsd: number, perShotUsd: number): number {
  if (NOT_CHARGED.has(task.status)) return 0
  return perTaskUsd + perShotUsd * task.shots
}

/** Billed milliseconds of a simulator task: COMPLETED ones, and ones still going (so far), at least the minimum. */
export function simulatorBilledMs(task: TaskUsage, now: Date): number {
  if (NOT_CHARGED.has(task.status) || !task.createdAt) return 0
  const end = ENDED.has(task.status) ? (task.endedAt ?? now) : now
  return Math.max(SIMULATOR_MINIMUM_MS, end.getTime() - task.createdAt.getTime())
}

export function simulatorTaskCostUsd(task: TaskUsage, usdPerMinute: number, now: Date): number {
  return (simulatorBilledMs(task, now) / MS_PER_MINUTE) * usdPerMinute
}

/** Billable instance time so far: GetJob's billableDuration once there, else the time since the job started. */
export function billableSoFarMs(job: { startedAt?: Date; endedAt?: Date; billableDuration?: number }, now: Date): number {
  if (job.billableDuration !== undefined) return job.billableDuration
  if (!job.startedAt) return 0
  return Math.max(0, (job.endedAt ?? now).getTime() - job.startedAt.getTime())
}

export type Amount = { known: true; usd: number } | { known: false; unknown: UnknownRate }

export interface DeviceCost {
  deviceArn: string
  kind: DeviceRates['kind'] | 'reserved'
  tasks: number
  /** Tasks charged: COMPLETED or not yet ended (QPUs); COMPLETED or still going (simulators). */
  chargedTasks: number
  shots: number
  chargedShots: number
  /** Billed simulator minutes (simulators only). */
  simulatorMinutes: number
  cost: Amount
}

export interface CostBreakdown {
  instance: Amount
  volume: Amount
  devices: DeviceCost[]
  /** The sum of every known part. */
  knownUsd: number
  /** Every part known: knownUsd is the estimate. Otherwise it is a lower bound. */
  complete: boolean
  unknown: UnknownRate[]
}

export interface CostInput {
  job: InstanceUsage & {
    volumeSizeInGb: number
    deviceArn: string
    /** the job's reservation: its device's tasks cost nothing extra */ reservationArn?: string
  }
  tasks: readonly TaskUsage[]
  rates: RateCard
  now: Date
  reading?: BillableReading
}

const amount = (rate: Rate, usd: (rate: KnownRate) => number): Amount =>
  rate.known ? { known: true, usd: usd(rate) } : { known: false, unknown: rate }

function deviceCost(deviceArn: string, tasks: readonly TaskUsage[], input: CostInput): DeviceCost {
  const shots = tasks.reduce((sum, task) => sum + task.shots, 0)
  const charged = tasks.filter((task) => !NOT_CHARGED.has(task.status))
  const base = { deviceArn, tasks: tasks.length, shots, chargedTasks: charged.length, simulatorMinutes: 0 }
  const chargedShots = charged.reduce((sum, task) => sum + task.shots, 0)
  if (input.job.reservationArn && deviceArn === input.job.deviceArn)
    return { ...base, kind: 'reserved', chargedTasks: 0, chargedShots: 0, cost: { known: true, usd: 0 } }
  const rates: DeviceRates | undefined = input.rates.devices[deviceArn]
  if (!rates || deviceKind(deviceArn) === 'local' || rates.kind === 'local')
    return rates?.kind === 'local' || deviceKind(deviceArn) === 'local'
      ? { ...base, kind: 'local', chargedTasks: 0, chargedShots: 0, cost: { known: true, usd: 0 } }
      : { ...base, kind: 'qpu', chargedShots, cost: { known: false, unknown: unknownRate(`no rates were looked up for ${deviceArn}`) } }
  if (rates.kind === 'simulator') {
    const billedMs = charged.reduce((sum, task) => sum + simulatorBilledMs(task, input.now), 0)
    const cost = amount(rates.perMinute, (rate) => charged.reduce((sum, task) => sum + simulatorTaskCostUsd(task, rate.usd, input.now), 0))
    return { ...base, kind: 'simulator', chargedShots, simulatorMinutes: billedMs / MS_PER_MINUTE, cost }
  }
  const missing = [rates.perTask, rates.perShot].find((rate): rate is UnknownRate => !rate.known)
  const cost: Amount = missing
    ? { known: false, unknown: missing }
    : {
        known: true,
        usd: charged.reduce(
          (sum, task) => sum + qpuTaskCostUsd(task, (rates.perTask as KnownRate).usd, (rates.perShot as KnownRate).usd),
          0
        )
      }
  return { ...base, kind: 'qpu', chargedShots, cost }
}

/** The job's cost so far (or in the end), part by part; unknown rates leave their parts unknown, never zero. */
export function jobCost(input: CostInput): CostBreakdown {
  const reading = input.reading ?? BILLABLE_DURATION_READING
  const instance = amount(input.rates.instance, (rate) => instanceCostUsd(input.job, rate.usd, reading))
  const volume = amount(input.rates.volume, (rate) => volumeCostUsd(input.job, rate.usd, reading))
  const byDevice = new Map<string, TaskUsage[]>()
  for (const task of input.tasks) byDevice.set(task.deviceArn, [...(byDevice.get(task.deviceArn) ?? []), task])
  const devices = [...byDevice.entries()].map(([arn, tasks]) => deviceCost(arn, tasks, input))
  const parts = [instance, volume, ...devices.map((device) => device.cost)]
  const missing = unknownRates(parts.flatMap((part) => (part.known ? [] : [part.unknown])))
  return {
    instance,
    volume,
    devices,
    knownUsd: parts.reduce((sum, part) => sum + (part.known ? part.usd : 0), 0),
    complete: missing.length === 0,
    unknown: missing
  }
}
