// The comparison as the step summary and the pull-request comment show it: which
// run it is compared with (linked), a metric table with Δ and verdicts, runtime,
// billable time and cost, the settings that differ, and the regressions that fail
// the step. Everything from a record or the job is neutralised. Pure.
import { codeText, escapeHtml, markdownText } from '../common/untrusted.js'
import { markdownTable } from '../common/markdown-table.js'
import { formatNumber } from '../follow/metric-chart.js'
import type { Comparison, MetricDelta, MetricSide, SettingDifference } from './comparison.js'
import { percentText, quantityDelta, quantityValue, signed, VERDICT_MARKS } from './comparison-text.js'

/** A link only to a web page; anything else (a record is someone's file) is shown as text. */
export function safeLink(url: string, text: string): string {
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? `<a href="${escapeHtml(url)}">${text}</a>` : text
}

function sideText(side: MetricSide | undefined): string {
  if (!side) return '—'
  return side.best !== undefined ? `${formatNumber(side.final)} (best ${formatNumber(side.best)})` : formatNumber(side.final)
}

function metricRow(metric: MetricDelta): string[] {
  const mark = VERDICT_MARKS[metric.verdict]
  const delta = metric.delta !== undefined ? signed(metric.delta) : '—'
  const goal = metric.goal ? ` <sub>${metric.goal}</sub>` : ''
  const name = `${markdownText(metric.name, 100)}${goal}`
  return [name, sideText(metric.baseline), sideText(metric.current), `${delta}${mark ? ` ${mark}` : ''}`, percentText(metric.deltaPercent)]
}

function differenceText(difference: SettingDifference): string {
  const value = (text: string | undefined) => (text === undefined ? '—' : codeText(text, 60))
  const name = difference.hyperParameter ? codeText(difference.name, 60) : escapeHtml(difference.name)
  return `${name} ${value(difference.baseline)} → ${value(difference.current)}`
}

export function baselineLine(comparison: Comparison): string {
  const { baseline } = comparison
  return (
    `Compared with ${codeText(baseline.branch, 100)} (${escapeHtml(baseline.why)}): ` +
    `${safeLink(baseline.runUrl, 'its workflow run')} · job ${safeLink(baseline.consoleUrl, codeText(baseline.jobName, 100))} · ` +
    `commit ${codeText(baseline.sha.slice(0, 7))}.`
  )
}

const RIGHT = ['left', 'right', 'right', 'right', 'right'] as const

function metricTable(comparison: Comparison): string {
  if (comparison.metrics.length === 0) return '_Neither run logged metrics._'
  return markdownTable(['Metric', 'Baseline', 'This run', 'Δ', 'Δ%'], comparison.metrics.map(metricRow), RIGHT)
}

function runTable(comparison: Comparison): string {
  const rows: Array<[string, Comparison['runtimeSeconds'], 'seconds' | 'usd']> = [
    ['Runtime', comparison.runtimeSeconds, 'seconds'],
    ['Billable time', comparison.billableSeconds, 'seconds'],
    ['Cost (estimate, list prices)', comparison.costUsd, 'usd']
  ]
  const shown = rows.filter(([, quantity]) => quantity.baseline !== undefined || quantity.current !== undefined)
  if (shown.length === 0) return ''
  return markdownTable(
    ['', 'Baseline', 'This run', 'Δ'],
    shown.map(([label, quantity, kind]) => [
      label,
      quantityValue(quantity.baseline, kind),
      quantityValue(quantity.current, kind),
      quantityDelta(quantity, kind)
    ]),
    RIGHT
  )
}

/** The table of goal metrics that fail the step; empty when none do. */
export function regressionTable(comparison: Comparison): string {
  if (comparison.regressions.length === 0) return ''
  const limit = formatNumber(comparison.maxRegressionPercent ?? 0)
  const rows = comparison.regressions.map((metric) => [
    markdownText(metric.name, 100),
    metric.goal === 'min' ? 'lower is better' : 'higher is better',
    formatNumber(metric.baseline!.final),
    formatNumber(metric.current!.final),
    percentText(metric.worsePercent).replace(/^\+/, '')
  ])
  return [
    `**❌ Worse than the baseline by more than max-regression-percent (${limit}%):**`,
    markdownTable(['Metric', 'Goal', 'Baseline', 'This run', 'Worse by'], rows, ['left', 'left', 'right', 'right', 'right'])
  ].join('\n\n')
}

export function comparisonMarkdown(comparison: Comparison): string {
  const differences = comparison.differences.length
    ? `Settings that differ: ${comparison.differences.map(differenceText).join(' · ')}`
    : 'Same device, instance and hyperparameters as the baseline.'
  return [baselineLine(comparison), regressionTable(comparison), metricTable(comparison), runTable(comparison), differences]
    .filter(Boolean)
    .join('\n\n')
}

export function noBaselineMarkdown(reason: string, branch: string | undefined): string {
  const how = branch
    ? `Run this workflow on ${codeText(branch, 100)} (on push, or by hand with <code>workflow_dispatch</code>) with the same ` +
      'experiment name to make one.'
    : 'Set baseline-ref to the branch whose runs count, and run this workflow there.'
  return `No baseline to compare with: ${markdownText(reason, 300)}. ${how}`
}
