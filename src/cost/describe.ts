// The cost breakdown in words, one line per part, for a step log line or a
// failure message ("estimate from list prices; the bill is authoritative").
import type { Amount, CostBreakdown, DeviceCost } from './arithmetic.js'

/** USD to the cent, or to four significant decimals under a dollar (rates and small jobs). */
export function formatUsd(usd: number): string {
  if (usd >= 1 || usd === 0) return `$${usd.toFixed(2)}`
  return `$${usd.toPrecision(4).replace(/0+$/, '').replace(/\.$/, '')}`
}

const amountText = (amount: Amount) => (amount.known ? formatUsd(amount.usd) : `unknown (${amount.unknown.reason})`)

function deviceLine(device: DeviceCost): string {
  const tasks = `${device.tasks} task${device.tasks === 1 ? '' : 's'}`
  switch (device.kind) {
    case 'local':
      return `${device.deviceArn}: ${tasks}, no charge beyond the instance (simulated in the job's container)`
    case 'reserved':
      return `${device.deviceArn}: ${tasks}, no extra charge (under the job's reservation)`
    case 'simulator':
      return `${device.deviceArn}: ${tasks}, ${device.simulatorMinutes.toFixed(2)} billed simulator minutes: ${amountText(device.cost)}`
    case 'qpu':
      return `${device.deviceArn}: ${device.chargedTasks} of ${tasks} charged, ${device.chargedShots} shots: ${amountText(device.cost)}`
  }
}

export function describeCost(breakdown: CostBreakdown): string[] {
  const total = breakdown.complete ? formatUsd(breakdown.knownUsd) : `at least ${formatUsd(breakdown.knownUsd)} (some rates are unknown)`
  return [
    `Estimated cost from list prices: ${total}; the AWS bill is authoritative.`,
    `Instance time: ${amountText(breakdown.instance)}`,
    `Job storage: ${amountText(breakdown.volume)}`,
    ...breakdown.devices.map(deviceLine)
  ]
}
