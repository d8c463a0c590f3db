// This run against its baseline: per metric the final values (and the best, for
// goal metrics), Δ and Δ%, a verdict; runtime, billable time and cost; and what
// differs between the two jobs' settings. Pure.
import type { ComparisonSpec, MetricGoal } from '../inputs/comparison-section.js'
import type { ExperimentRecord } from './record.js'

export type MetricVerdict = 'improved' | 'regressed' | 'unchanged' | 'no-goal' | 'missing'

export interface MetricSide {
  final: number
  /** The best value over the run, by the goal (goal metrics only). */
  best?: number
}

export interface MetricDelta {
  name: string
  goal?: MetricGoal
  baseline?: MetricSide
  current?: MetricSide
  /** this − baseline, on final values. */
  delta?: number
  /** Δ relative to |baseline|, in percent; undefined when the baseline is 0. */
  deltaPercent?: number
  verdict: MetricVerdict
  /** For a regression: how much worse, in percent of |baseline| (Infinity from a baseline of 0). */
  worsePercent?: number
}

export interface QuantityDelta {
  baseline?: number
  current?: number
  delta?: number
  deltaPercent?: number
}

export interface SettingDifference {
  /** "device", "instance type", "instance count", "volume (GB)", "image", or a hyperparameter's name. */
  name: string
  hyperParameter: boolean
  baseline?: string
  current?: string
}

export interface BaselineIdentity {
  branch: string
  sha: string
  jobArn: string
  jobName: string
  runUrl: string
  consoleUrl: string
  /** Why this branch: "the pull request's base branch". */
  why: string
}

export interface Comparison {
  baseline: BaselineIdentity
  metrics: MetricDelta[]
  runtimeSeconds: QuantityDelta
  billableSeconds: QuantityDelta
  costUsd: QuantityDelta
  differences: SettingDifference[]
  maxRegressionPercent?: number
  /** Goal metrics worse than the baseline by more than max-regression-percent: the step fails. */
  regressions: MetricDelta[]
}

const relative = (delta: number, baseline: number) => (baseline === 0 ? undefined : (delta / Math.abs(baseline)) * 100)

/** Equal up to float noise: the same computation logged twice. */
const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))

function side(record: ExperimentRecord, name: string, goal: MetricGoal | undefined): MetricSide | undefined {
  const final = record.metrics.final[name]
  if (final === undefined) return undefined
  const range = record.metrics.range[name]
  return goal && range ? { final, best: goal === 'min' ? range.min : range.max } : { final }
}

export function compareMetric(name: string, goal: MetricGoal | undefined, baseline?: MetricSide, current?: MetricSide): MetricDelta {
  const base = { name, ...(goal ? { goal } : {}), ...(baseline ? { baseline } : {}), ...(current ? { current } : {}) }
  if (!baseline || !current) return { ...base, verdict: goal ? 'missing' : 'no-goal' }
  const delta = current.final - baseline.final
  const deltaPercent = relative(delta, baseline.final)
  const measured = { ...base, delta, ...(deltaPercent !== undefined ? { deltaPercent } : {}) }
  if (!goal) return { ...measured, verdict: 'no-goal' }
  if (same(current.final, baseline.final)) return { ...measured, delta: 0, verdict: 'unchanged' }
  const better = goal === 'min' ? delta < 0 : delta > 0
  if (better) return { ...measured, verdict: 'improved' }
  return { ...measured, verdict: 'regressed', worsePercent: deltaPercent === undefined ? Infinity : Math.abs(deltaPercent) }
}

function quantity(baseline: number | undefined, current: number | undefined): QuantityDelta {
  if (baseline === undefined || current === undefined)
    return { ...(baseline !== undefined ? { baseline } : {}), ...(current !== undefined ? { current } : {}) }
  const delta = current - baseline
  const deltaPercent = relative(delta, baseline)
  return { baseline, current, delta, ...(deltaPercent !== undefined ? { deltaPercent } : {}) }
}

export function runtimeSeconds(record: ExperimentRecord): number | undefined {
  if (!record.startedAt || !record.endedAt) return undefined
  return Math.max(0, Math.round((Date.parse(record.endedAt) - Date.parse(record.startedAt)) / 1000))
}

const billableSeconds = (record: ExperimentRecord) =>
  record.billableDurationMs === undefined ? undefined : Math.round(record.billableDurationMs / 1000)

/** Only a complete estimate is compared: a lower bound against a figure would mislead. */
const costUsd = (record: ExperimentRecord) => (record.cost?.complete ? record.cost.usd : undefined)

export function settingDifferences(baseline: ExperimentRecord, current: ExperimentRecord): SettingDifference[] {
  const differences: SettingDifference[] = []
  const compare = (name: string, hyperParameter: boolean, before: string | undefined, after: string | undefined) => {
    if (before !== after)
      differences.push({
        name,
        hyperParameter,
        ...(before !== undefined ? { baseline: before } : {}),
        ...(after !== undefined ? { current: after } : {})
      })
  }
  compare('device', false, baseline.job.device, current.job.device)
  compare('instance type', false, baseline.job.instanceType, current.job.instanceType)
  compare('instance count', false, String(baseline.job.instanceCount), String(current.job.instanceCount))
  compare('volume (GB)', false, String(baseline.job.volumeSizeGb), String(current.job.volumeSizeGb))
  compare('image', false, baseline.job.image, current.job.image)
  const names = [...new Set([...Object.keys(baseline.job.hyperParameters), ...Object.keys(current.job.hyperParameters)])].sort()
  for (const name of names) compare(name, true, baseline.job.hyperParameters[name], current.job.hyperParameters[name])
  return differences
}

export function compareRuns(current: ExperimentRecord, baseline: ExperimentRecord, why: string, spec: ComparisonSpec): Comparison {
  const names = [...new Set([...Object.keys(baseline.metrics.final), ...Object.keys(current.metrics.final)])].sort()
  const metrics = names.map((name) => {
    const goal = spec.goals[name]
    return compareMetric(name, goal, side(baseline, name, goal), side(current, name, goal))
  })
  const limit = spec.maxRegressionPercent
  return {
    baseline: {
      branch: baseline.branch,
      sha: baseline.sha,
      jobArn: baseline.job.arn,
      jobName: baseline.job.name,
      runUrl: baseline.run.url,
      consoleUrl: baseline.job.consoleUrl,
      why
    },
    metrics,
    runtimeSeconds: quantity(runtimeSeconds(baseline), runtimeSeconds(current)),
    billableSeconds: quantity(billableSeconds(baseline), billableSeconds(current)),
    costUsd: quantity(costUsd(baseline), costUsd(current)),
    differences: settingDifferences(baseline, current),
    ...(limit !== undefined ? { maxRegressionPercent: limit } : {}),
    regressions: limit === undefined ? [] : metrics.filter((metric) => metric.verdict === 'regressed' && metric.worsePercent! > limit)
  }
}
