// Before submitting: the worst case of the instance part (every instance for
// the whole max runtime, plus its volume), the runtime a cap would allow, and
// the decision a running total leads to against a cap.
import { BILLABLE_DURATION_READING, instanceCostUsd, volumeCostUsd, type CostBreakdown } from './arithmetic.js'
import { unknownRates, type Rate, type UnknownRate } from './rates.js'

export interface InstancePlan {
  instanceCount: number
  volumeSizeInGb: number
  maxRuntimeSeconds: number
}

export type WorstCase = { known: true; instanceUsd: number; volumeUsd: number; totalUsd: number } | { known: false; unknown: UnknownRate[] }

/** rate × instance count × max runtime, plus the volume for as long. */
export function worstCase(plan: InstancePlan, instanceRate: Rate, volumeRate: Rate): WorstCase {
  if (!instanceRate.known || !volumeRate.known) return { known: false, unknown: unknownRates([instanceRate, volumeRate]) }
  const usage = {
    billableDurationMs: plan.maxRuntimeSeconds * 1000,
    instanceCount: plan.instanceCount,
    volumeSizeInGb: plan.volumeSizeInGb
  }
  const instanceUsd = instanceCostUsd(usage, instanceRate.usd, BILLABLE_DURATION_READING)
  const volumeUsd = volumeCostUsd(usage, volumeRate.usd, BILLABLE_DURATION_READING)
  return { known: true, instanceUsd, volumeUsd, totalUsd: instanceUsd + volumeUsd }
}

/** The longest max runtime (whole seconds) whose worst case stays within the cap; 0 when not even a second fits. */
export function maxRuntimeWithin(
  capUsd: number,
  plan: Omit<InstancePlan, 'maxRuntimeSeconds'>,
  usdPerMinute: number,
  usdPerGbMonth: number
): number {
  const perSecond = worstCase({ ...plan, maxRuntimeSeconds: 1 }, known(usdPerMinute), known(usdPerGbMonth))
  if (!perSecond.known || perSecond.totalUsd <= 0) return 0
  return Math.max(0, Math.floor(capUsd / perSecond.totalUsd))
}

const known = (usd: number): Rate => ({ known: true, usd, unit: '', sku: '' })

export interface CapDecision {
  /** Cancel the job: the known part of the running total has reached the cap. */
  cancel: boolean
  capUsd: number
  /** The running total's known part (a lower bound when `complete` is false). */
  totalUsd: number
  complete: boolean
  breakdown: CostBreakdown
}

/** Given a running total and a cap: cancel or not. Unknown parts can only add, so a known total at the cap is enough. */
export function capDecision(breakdown: CostBreakdown, capUsd: number): CapDecision {
  return { cancel: breakdown.knownUsd >= capUsd, capUsd, totalUsd: breakdown.knownUsd, complete: breakdown.complete, breakdown }
}
