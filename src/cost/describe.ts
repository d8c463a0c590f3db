// The cost breakdown in words, one line per part, for a step log line or a
// failure message ("estimate from list prices; the bill is authoritative").
import type { Amount, CostBreakdown, DeviceCost } from './arithmetic.js'

/** An amount someone set (a cap): to the cent when it has cents only. */
export function formatSetUsd(usd: number): string {
  return Number.isInteger(Math.round(usd * 1e6) / 1e4) ? `$${usd.toFixed(2)}` : `$${usd}`
}

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

/** The breakdown as one paragraph: the total, then each part. */
export function costSentence(breakdown: CostBreakdown): string {
  const [total, ...parts] = describeCost(breakdown)
  return `${total} ${parts.join('; ')}.`
}

export function describeCost(breakdown: CostBreakdown): string[] {
  // Nothing known is no figure at all: "at least $0.00" would read as free.
  const total = breakdown.complete
    ? formatUsd(breakdown.knownUsd)
    : breakdown.knownUsd > 0
      ? `at least ${formatUsd(breakdown.knownUsd)} (some rates are unknown)`
      : 'unknown (no rate could be read)'
  return [
    `Estimated cost from list prices: ${total}; the AWS bill is authoritative.`,
    `Instance time: ${amountText(breakdown.instance)}`,
    `Job storage: ${amountText(breakdown.volume)}`,
    ...breakdown.devices.map(deviceLine)
  ]
}
