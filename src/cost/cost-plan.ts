// Before anything is spent: the job's rates from the AWS Price List, the worst
// case of its instance part (every instance for the whole max runtime, plus
// storage) in the plan and as `estimated-max-cost-usd`, the device's spending
// limit, and what max-cost-usd allows. A set cap fails closed: without rates, or
// (without wait) when the instance part alone may exceed it, nothing is uploaded.
import * as core from '@actions/core'
import type { BraketClient } from '@aws-sdk/client-braket'
import type { PricingClient } from '@aws-sdk/client-pricing'
import { ActionError } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { formatDuration } from '../report/format.js'
import { logHeading, logRow } from '../report/log-layout.js'
import { spendingLimitWords } from './cost-section.js'
import { formatSetUsd, formatUsd } from './describe.js'
import { deviceKind } from './devices.js'
import { maxRuntimeWithin, worstCase, type WorstCase } from './estimate.js'
import { PriceBook } from './price-book.js'
import type { Rate } from './rates.js'
import { spendingLimitFor, type SpendingLimitView } from './spending-limits.js'

export class CostCapError extends ActionError {}

export type CostSpec = Pick<
  JobSpec,
  'region' | 'device' | 'instanceType' | 'instanceCount' | 'volumeSizeInGb' | 'maxRuntimeInSeconds' | 'maxCostUsd'
> & { follow: Pick<JobSpec['follow'], 'wait'> }

export interface CostPlan {
  book: PriceBook
  instance: Rate
  volume: Rate
  worst: WorstCase
  spendingLimit?: SpendingLimitView
}

const rateText = (rate: Rate, unit: string) => (rate.known ? `${formatUsd(rate.usd)}/${unit}` : 'unknown')

export async function planCost(spec: CostSpec, pricing: PricingClient, deviceBraket: BraketClient): Promise<CostPlan> {
  const book = new PriceBook(pricing)
  const [instance, volume, spendingLimit] = await Promise.all([
    book.instanceRate(spec.region, spec.instanceType),
    book.volumeRate(spec.region),
    deviceKind(spec.device) === 'qpu'
      ? spendingLimitFor(deviceBraket, spec.device, {
          debug: (text) => core.debug(logText(text, 2000)),
          warning: (text) => core.warning(logText(text, 2000))
        })
      : Promise.resolve(undefined)
  ])
  const plan: CostPlan = {
    book,
    instance,
    volume,
    worst: worstCase(planOf(spec), instance, volume),
    ...(spendingLimit ? { spendingLimit } : {})
  }
  logCostPlan(spec, plan)
  checkCap(spec, plan)
  if (plan.worst.known) core.setOutput('estimated-max-cost-usd', String(Number(plan.worst.totalUsd.toFixed(6))))
  return plan
}

const planOf = (spec: CostSpec) => ({
  instanceCount: spec.instanceCount,
  volumeSizeInGb: spec.volumeSizeInGb,
  maxRuntimeSeconds: spec.maxRuntimeInSeconds
})

function logCostPlan(spec: CostSpec, plan: CostPlan): void {
  logHeading('Cost (estimate from AWS list prices; the bill is authoritative)')
  logRow('rates', `${spec.instanceType} ${rateText(plan.instance, 'minute')} per instance, storage ${rateText(plan.volume, 'GB-month')}`)
  if (plan.worst.known) {
    logRow(
      'worst case',
      `${formatUsd(plan.worst.totalUsd)}: ${spec.instanceCount} × ${spec.instanceType} for max-runtime-seconds ` +
        `(${formatDuration(spec.maxRuntimeInSeconds)}) ${formatUsd(plan.worst.instanceUsd)} + ${spec.volumeSizeInGb} GB storage ` +
        `${formatUsd(plan.worst.volumeUsd)}; quantum tasks come on top`
    )
  } else {
    for (const unknown of plan.worst.unknown) logRow('worst case', `unknown: ${logText(unknown.reason)}`)
  }
  if (plan.spendingLimit) logRow('spending limit', logText(spendingLimitWords(plan.spendingLimit), 600))
  if (spec.maxCostUsd !== undefined)
    logRow(
      'max-cost-usd',
      spec.follow.wait
        ? `${formatSetUsd(spec.maxCostUsd)}: the job is cancelled once its instance time and quantum tasks so far reach it`
        : `${formatSetUsd(spec.maxCostUsd)} (without wait, for the instance time only)`
    )
}

function checkCap(spec: CostSpec, plan: CostPlan): void {
  const cap = spec.maxCostUsd
  if (cap === undefined) return
  const { worst } = plan
  if (!worst.known) {
    const denied = [...new Set(worst.unknown.flatMap((unknown) => unknown.deniedPermission ?? []))]
    const fix = denied.length ? `Allow ${denied.join(' and ')} in the role's policy` : 'Try again later'
    throw new CostCapError(
      `max-cost-usd is set (${formatSetUsd(cap)}), but the job's rates could not be read: ` +
        `${worst.unknown.map((unknown) => unknown.reason).join('; ')}. Without them the cap cannot be kept, so nothing was uploaded ` +
        `and no job was created. ${fix}, or remove max-cost-usd.`
    )
  }
  if (spec.follow.wait) return
  if (worst.totalUsd > cap) {
    const fits = plan.instance.known && plan.volume.known ? maxRuntimeWithin(cap, planOf(spec), plan.instance.usd, plan.volume.usd) : 0
    const fit =
      fits > 0
        ? `set max-runtime-seconds to at most ${fits} (${formatDuration(fits)}), which fits the cap`
        : 'not even one second of the instance time fits it'
    throw new CostCapError(
      `max-cost-usd (${formatSetUsd(cap)}) is below what the instance time alone may cost: ${formatUsd(worst.totalUsd)} for ` +
        `${spec.instanceCount} × ${spec.instanceType} running max-runtime-seconds (${spec.maxRuntimeInSeconds}) with ` +
        `${spec.volumeSizeInGb} GB of storage. Without wait the action cannot stop the job at the cap: ${fit}, or set wait: true ` +
        `to have the job cancelled when it reaches the cap. Nothing was uploaded and no job was created.`
    )
  }
  core.warning(
    `max-cost-usd (${formatSetUsd(cap)}) covers the instance time (at most ${formatUsd(worst.totalUsd)}), but not the job's quantum ` +
      `tasks: without wait the action can neither count them nor stop the job. Set wait: true to have them counted and the job ` +
      `cancelled at the cap.`,
    { title: 'max-cost-usd' }
  )
}
