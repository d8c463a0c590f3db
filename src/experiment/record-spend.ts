// A job's cost and quantum tasks as its record keeps them. Pure.
import type { Amount, CostBreakdown } from '../cost/arithmetic.js'
import type { TaskCounts } from '../tasks/task-counts.js'
import type { RecordCost, RecordTasks } from './record.js'

const usdOf = (amount: Amount) => (amount.known ? amount.usd : undefined)
const optional = <K extends string>(key: K, value: number | undefined) => (value === undefined ? {} : { [key]: value })

export function recordCost(cost: CostBreakdown): RecordCost {
  return {
    usd: cost.knownUsd,
    complete: cost.complete,
    ...optional('instanceUsd', usdOf(cost.instance)),
    ...optional('volumeUsd', usdOf(cost.volume)),
    devices: cost.devices.map((device) => ({
      deviceArn: device.deviceArn,
      kind: device.kind,
      tasks: device.tasks,
      shots: device.shots,
      simulatorMinutes: device.simulatorMinutes,
      ...optional('usd', usdOf(device.cost))
    })),
    unknown: cost.unknown.map((unknown) => unknown.reason)
  }
}

export function recordTasks(counts: TaskCounts): RecordTasks {
  const byDevice = Object.fromEntries(Object.entries(counts.byDevice).map(([arn, { tasks, shots }]) => [arn, { tasks, shots }]))
  return { total: counts.total, byStatus: { ...counts.byStatus }, byDevice, shots: counts.shots, failedArns: [...counts.failedArns] }
}
