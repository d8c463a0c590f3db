// Braket spending limits, as SearchSpendingLimits shows them: one limit per
// device (account and region), with what is queued and what was spent on the
// device during the limit's time period. Tests set limits; the spends are
// added up from the stand-in's quantum tasks at the stand-in's own QPU rates
// (local/src/pricing/stand-in-rates.ts): per task plus per shot, COMPLETED
// tasks in totalSpend, tasks not yet ended in queuedSpend.
import { randomUUID } from 'node:crypto'
import type { KnownCredentials } from '../core/credentials.js'
import { STAND_IN_RATES } from '../pricing/stand-in-rates.js'
import { braketError } from './braket-errors.js'
import type { QuantumTaskRecord, QuantumTaskRegistry } from './quantum-tasks.js'

export interface SpendingLimitInput {
  deviceArn: string
  /** USD. */
  spendingLimit: number | string
  /** Default: the stand-in's account. */
  accountId?: string
  /** Default: the QPU's region (from its ARN), else the stand-in's region. */
  region?: string
  /** Default: from now for a year. */
  timePeriod?: { startAt: Date; endAt: Date }
  tags?: Record<string, string>
  /** USD added to the spends computed from tasks (what was spent before the stand-in started). */
  earlierTotalSpend?: number
  earlierQueuedSpend?: number
}

interface SpendingLimitRecord extends Required<Omit<SpendingLimitInput, 'spendingLimit' | 'tags'>> {
  spendingLimitArn: string
  spendingLimit: string
  tags: Record<string, string>
  createdAt: Date
  updatedAt: Date
}

const NOT_ENDED = new Set(['CREATED', 'QUEUED', 'RUNNING', 'CANCELLING'])
const YEAR_MS = 365 * 24 * 3600 * 1000

/** USD as the API writes amounts: a decimal string, to the cent. */
const usd = (amount: number) => amount.toFixed(2)

function taskCost(task: QuantumTaskRecord): number {
  const rates = STAND_IN_RATES.qpus.find((qpu) => qpu.deviceArn === task.deviceArn)
  return rates ? Number(rates.perTask) + Number(rates.perShot) * task.shots : 0
}

export class SpendingLimitStore {
  private readonly limits = new Map<string, SpendingLimitRecord>()

  constructor(
    private readonly tasks: QuantumTaskRegistry,
    private readonly defaults: { accountId: string; region: string }
  ) {}

  /** Sets (or replaces) the limit of a device; returns its ARN. */
  set(input: SpendingLimitInput): string {
    const region = input.region ?? /^arn:aws[a-z-]*:braket:([a-z0-9-]+):/.exec(input.deviceArn)?.[1] ?? this.defaults.region
    const accountId = input.accountId ?? this.defaults.accountId
    const key = [accountId, region, input.deviceArn].join('\u0000')
    const earlier = this.limits.get(key)
    const now = new Date()
    this.limits.set(key, {
      spendingLimitArn: earlier?.spendingLimitArn ?? `arn:aws:braket:${region}:${accountId}:spending-limit/${randomUUID()}`,
      deviceArn: input.deviceArn,
      accountId,
      region,
      spendingLimit: usd(Number(input.spendingLimit)),
      timePeriod: input.timePeriod ?? { startAt: now, endAt: new Date(now.getTime() + YEAR_MS) },
      tags: input.tags ?? {},
      earlierTotalSpend: input.earlierTotalSpend ?? 0,
      earlierQueuedSpend: input.earlierQueuedSpend ?? 0,
      createdAt: earlier?.createdAt ?? now,
      updatedAt: now
    })
    return this.get(key)!.spendingLimitArn
  }

  clear(): void {
    this.limits.clear()
  }

  /** SearchSpendingLimits: the caller's limits in this region, filtered by deviceArn (the one filter the API has). */
  search(caller: KnownCredentials, region: string, filters: Array<{ name: string; values: string[] }>): Record<string, unknown>[] {
    for (const filter of filters)
      if (filter.name !== 'deviceArn')
        throw braketError(
          'ValidationException',
          `Filter name ${filter.name} is not supported. Only deviceArn filter name is currently supported.`
        )
    return [...this.limits.values()]
      .filter((limit) => limit.accountId === caller.accountId && limit.region === region)
      .filter((limit) => filters.every((filter) => filter.values.includes(limit.deviceArn)))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((limit) => this.summary(limit))
  }

  private get(key: string): SpendingLimitRecord | undefined {
    return this.limits.get(key)
  }

  private summary(limit: SpendingLimitRecord): Record<string, unknown> {
    const { startAt, endAt } = limit.timePeriod
    const inPeriod = this.tasks
      .all()
      .filter(
        (task) =>
          task.accountId === limit.accountId &&
          task.region === limit.region &&
          task.deviceArn === limit.deviceArn &&
          task.createdAt >= startAt &&
          task.createdAt <= endAt
      )
    const sum = (tasks: QuantumTaskRecord[]) => tasks.reduce((total, task) => total + taskCost(task), 0)
    const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000)
    return {
      spendingLimitArn: limit.spendingLimitArn,
      deviceArn: limit.deviceArn,
      timePeriod: { startAt: epochSeconds(startAt), endAt: epochSeconds(endAt) },
      spendingLimit: limit.spendingLimit,
      queuedSpend: usd(limit.earlierQueuedSpend + sum(inPeriod.filter((task) => NOT_ENDED.has(task.status)))),
      totalSpend: usd(limit.earlierTotalSpend + sum(inPeriod.filter((task) => task.status === 'COMPLETED'))),
      createdAt: limit.createdAt.toISOString(),
      updatedAt: limit.updatedAt.toISOString(),
      tags: limit.tags
    }
  }
}
