// The job's cost in the report: before following, the worst case of its instance part,
// max-cost-usd and the device's spending limit; once it has ended, the estimate part
// by part. Always labelled an estimate from list prices. Pure.
import { markdownTable } from '../common/markdown-table.js'
import { codeText, markdownText } from '../common/untrusted.js'
import { formatDuration } from '../report/format.js'
import { FACT_ORDER, SECTION_ORDER, type Fact, type ReportSection } from '../report/job-report.js'
import type { Amount, CostBreakdown, DeviceCost } from './arithmetic.js'
import type { CostPlan, CostSpec } from './cost-plan.js'
import { formatSetUsd, formatUsd } from './describe.js'
import type { SpendingLimitView } from './spending-limits.js'

const ESTIMATE_NOTE = '<sub>Estimates from AWS list prices (the AWS Price List); the AWS bill is authoritative.</sub>'

const amountText = (amount: Amount) => (amount.known ? formatUsd(amount.usd) : `unknown: ${markdownText(amount.unknown.reason, 300)}`)

function worstCaseLine(spec: CostSpec, plan: CostPlan): string {
  const { worst } = plan
  if (!worst.known) return `Worst case of the instance part: unknown (${markdownText(worst.unknown.map((u) => u.reason).join('; '), 400)}).`
  return (
    `Worst case of the instance part: **${formatUsd(worst.totalUsd)}** — ${spec.instanceCount} × ${markdownText(spec.instanceType)} ` +
    `for max-runtime-seconds (${formatDuration(spec.maxRuntimeInSeconds)}) ${formatUsd(worst.instanceUsd)}, ${spec.volumeSizeInGb} GB ` +
    `storage ${formatUsd(worst.volumeUsd)}; quantum tasks come on top.`
  )
}

function capLine(spec: CostSpec): string | undefined {
  if (spec.maxCostUsd === undefined) return undefined
  const cap = formatSetUsd(spec.maxCostUsd)
  return spec.follow.wait
    ? `max-cost-usd: ${cap} — the job is cancelled once its instance time and quantum tasks so far reach it.`
    : `max-cost-usd: ${cap} — without wait, it bounds the instance time only.`
}

/** The device's Braket spending limit in words (plain text: neutralise it where it goes). */
export function spendingLimitWords(limit: SpendingLimitView): string {
  const amount = (usd: number | undefined) => (usd === undefined ? 'unknown' : formatUsd(usd))
  const period = limit.periodEnd ? ` until ${limit.periodEnd.toISOString().slice(0, 10)}` : ''
  return (
    `${amount(limit.limitUsd)} on ${limit.deviceArn}${period}: ${amount(limit.totalSpendUsd)} spent, ` +
    `${amount(limit.queuedSpendUsd)} queued (Braket's spending limits count quantum tasks, not hybrid-job instance time)`
  )
}

function planLines(spec: CostSpec, plan: CostPlan): string[] {
  return [
    worstCaseLine(spec, plan),
    capLine(spec),
    plan.spendingLimit ? `Braket spending limit: ${markdownText(spendingLimitWords(plan.spendingLimit), 600)}.` : undefined
  ].filter((line): line is string => line !== undefined)
}

/** Before the job has ended: what it may cost. */
export function estimateSection(spec: CostSpec, plan: CostPlan): ReportSection {
  const text = () => [...planLines(spec, plan), ESTIMATE_NOTE].join('\n\n')
  return { id: 'cost', title: 'Cost', order: SECTION_ORDER.cost, render: text }
}

function deviceRow(device: DeviceCost): string[] {
  const charged = device.chargedTasks === device.tasks ? '' : ` (${device.chargedTasks} charged)`
  const usage =
    device.kind === 'simulator'
      ? `${device.tasks} task${device.tasks === 1 ? '' : 's'}, ${device.simulatorMinutes.toFixed(2)} billed minutes`
      : `${device.tasks} task${device.tasks === 1 ? '' : 's'}${charged}, ${device.chargedShots} shots`
  const why = device.kind === 'local' ? ' (in the job container)' : device.kind === 'reserved' ? ' (under the reservation)' : ''
  return [`${codeText(device.deviceArn)}${why}`, usage, amountText(device.cost)]
}

export function totalText(cost: CostBreakdown): string {
  if (cost.complete) return formatUsd(cost.knownUsd)
  return cost.knownUsd > 0 ? `at least ${formatUsd(cost.knownUsd)} (some rates are unknown)` : 'unknown'
}

/** Once the job has ended (or was cancelled at the cap): its cost part by part, with the plan's lines below. */
export function finalCostSection(spec: CostSpec, plan: CostPlan, cost: CostBreakdown, billableSeconds?: number): ReportSection {
  const billable = billableSeconds !== undefined ? `, billable ${formatDuration(billableSeconds)}` : ''
  const rows = [
    ['Instance time', `${spec.instanceCount} × ${markdownText(spec.instanceType)}${billable}`, amountText(cost.instance)],
    ['Job storage', `${spec.volumeSizeInGb} GB × ${spec.instanceCount}`, amountText(cost.volume)],
    ...cost.devices.map(deviceRow),
    ['**Total**', '', `**${totalText(cost)}**`]
  ]
  const table = () => markdownTable(['Part', 'Usage', 'Estimate'], rows, ['left', 'left', 'right'])
  return {
    id: 'cost',
    title: 'Cost',
    order: SECTION_ORDER.cost,
    render: (channel) => [table(), ...(channel === 'summary' ? planLines(spec, plan) : []), ESTIMATE_NOTE].join('\n\n'),
    compact: () => `Estimated cost: ${totalText(cost)}. ${ESTIMATE_NOTE}`
  }
}

export function costFact(cost: CostBreakdown, capUsd?: number): Fact {
  const cap = capUsd !== undefined ? ` of max-cost-usd ${formatSetUsd(capUsd)}` : ''
  return { label: 'Cost', value: `${totalText(cost)}${cap} (estimate from list prices)`, order: FACT_ORDER.timing + 1 }
}
