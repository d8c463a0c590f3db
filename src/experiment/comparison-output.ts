// The `comparison` output: JSON a later step can act on. Pure.
import type { Comparison, QuantityDelta } from './comparison.js'

/** Numbers as the output carries them: no float noise, 12 significant digits. */
const round = (value: number) => Number(value.toPrecision(12))
const optional = (value: number | undefined) => (value === undefined ? null : round(value))

function quantity(delta: QuantityDelta) {
  return {
    baseline: optional(delta.baseline),
    value: optional(delta.current),
    delta: optional(delta.delta),
    deltaPercent: optional(delta.deltaPercent)
  }
}

export function comparisonOutput(comparison: Comparison): string {
  const { baseline } = comparison
  return JSON.stringify({
    baseline: { ref: baseline.branch, sha: baseline.sha, jobArn: baseline.jobArn, runUrl: baseline.runUrl },
    metrics: Object.fromEntries(
      comparison.metrics.map((metric) => [
        metric.name,
        {
          goal: metric.goal ?? null,
          baseline: optional(metric.baseline?.final),
          value: optional(metric.current?.final),
          delta: optional(metric.delta),
          deltaPercent: optional(metric.deltaPercent),
          verdict: metric.verdict
        }
      ])
    ),
    runtimeSeconds: quantity(comparison.runtimeSeconds),
    billableSeconds: quantity(comparison.billableSeconds),
    costUsd: quantity(comparison.costUsd),
    differences: comparison.differences.map((difference) => ({
      name: difference.name,
      baseline: difference.baseline ?? null,
      value: difference.current ?? null
    })),
    maxRegressionPercent: comparison.maxRegressionPercent ?? null,
    regressed: comparison.regressions.map((metric) => metric.name)
  })
}

/** The output when there is nothing to compare with. */
export function noBaselineOutput(branch: string | undefined, reason: string): string {
  return JSON.stringify({ baseline: null, ref: branch ?? null, reason })
}
