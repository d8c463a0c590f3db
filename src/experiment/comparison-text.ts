// The comparison in words and numbers, shared by the step log and the Markdown. Pure.
import { formatUsd } from '../cost/describe.js'
import { formatNumber } from '../follow/metric-chart.js'
import { formatDuration } from '../report/format.js'
import type { MetricDelta, MetricVerdict, QuantityDelta } from './comparison.js'

export const VERDICT_MARKS: Record<MetricVerdict, string> = {
  improved: '✅',
  regressed: '❌',
  unchanged: '＝',
  'no-goal': '',
  missing: '⚠️'
}

/** A signed number: +0.02, -1.5, 0. */
export function signed(value: number, format: (value: number) => string = formatNumber): string {
  if (value === 0) return format(0)
  return value > 0 ? `+${format(value)}` : `-${format(-value)}`
}

export function percentText(percent: number | undefined): string {
  if (percent === undefined) return '—'
  if (!Number.isFinite(percent)) return '∞'
  // 9.999999999999998 is 10: float noise from the subtraction, not a difference anyone measured.
  percent = Number(percent.toPrecision(12))
  const rounded = Math.abs(percent) >= 10 ? percent.toFixed(0) : percent.toFixed(1)
  if (Number(rounded) === 0) return '0%'
  return `${percent > 0 ? '+' : ''}${rounded}%`
}

export type QuantityKind = 'seconds' | 'usd'

export function quantityValue(value: number | undefined, kind: QuantityKind): string {
  if (value === undefined) return '—'
  return kind === 'seconds' ? formatDuration(value) : formatUsd(value)
}

export function quantityDelta(quantity: QuantityDelta, kind: QuantityKind): string {
  if (quantity.delta === undefined) return '—'
  const magnitude = quantityValue(Math.abs(quantity.delta), kind)
  return quantity.delta === 0 ? magnitude : `${quantity.delta > 0 ? '+' : '-'}${magnitude}`
}

/** "energy: -1.1 → -1.15 (-0.05, -4.5%) ✅ improved" for the step log. */
export function metricLine(metric: MetricDelta): string {
  const before = metric.baseline ? formatNumber(metric.baseline.final) : '—'
  const after = metric.current ? formatNumber(metric.current.final) : '—'
  const delta = metric.delta !== undefined ? ` (${signed(metric.delta)}, ${percentText(metric.deltaPercent)})` : ''
  const verdict = metric.verdict === 'no-goal' ? '' : ` ${VERDICT_MARKS[metric.verdict]} ${metric.verdict}`
  return `${metric.name}: ${before} → ${after}${delta}${verdict}`
}
