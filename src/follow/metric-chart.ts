// A metric over the iterations as a Mermaid xychart-beta line chart, which GitHub
// renders in step summaries and comments — with, when there is one, the baseline
// run's series as a second line aligned by iteration. Pure.
//
// Colours: Mermaid's default palette starts with #ECECFF, invisible on white, so every
// chart names its own. Both colours keep a contrast of at least 3:1 against GitHub's
// light (#ffffff) and dark (#0d1117) pages and against the #333333 plot Mermaid's dark
// theme draws on, and differ in hue (blue, orange) for readers with any colour vision.
// xychart-beta has no legend: the title, or the caption under the chart, says which
// line is which.
import { markdownText } from '../common/untrusted.js'
import { chartGrid, sampleOnGrid, type ChartGrid } from './chart-grid.js'
import type { MetricSeries, SeriesPoint } from './metric-series.js'

export const CHART_COLORS = { run: '#2f81f7', baseline: '#e36209' } as const
/** Said in the key next to the colours' names. */
const KEY = { run: '🔵 this run', baseline: '🟠 baseline' }

/** Mermaid's default is 500 px: three charts in a comment would fill a screen and a half. */
export const CHART_HEIGHT = 400
/** Characters a chart's title fits at Mermaid's default width (700 px, 20 px type). */
export const MAX_TITLE_CHARS = 56
/** An axis title longer than this crowds the axis: the full name is in the chart's title and the table. */
export const MAX_AXIS_TITLE_CHARS = 24

export interface BaselineSeries {
  /** Names the baseline in the caption, e.g. "main, run #16"; untrusted. */
  label: string
  points: readonly SeriesPoint[]
}

export interface MetricChart {
  /** Mermaid source: an init directive with the palette, then the xychart-beta. */
  source: string
  /** One line for under the chart (Markdown, neutralised): which line is which, and how the points were drawn; may be empty. */
  caption: string
}

/** Plain decimal text (Mermaid's grammar has no exponents), about 6 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || value === 0) return '0'
  const rounded = Number(value.toPrecision(6))
  const text = String(rounded)
  if (!/e/i.test(text)) return text
  if (Math.abs(rounded) >= 1) return BigInt(Math.round(rounded)).toString()
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}

/**
 * Text inside a chart: letters, digits and plain punctuation only, so nothing of a
 * metric's or node's name can end the quoted string, the statement, or the Markdown
 * code fence around the chart.
 */
export function chartText(text: string, max: number): string {
  const plain = text
    .replace(/[^\p{L}\p{N} _.,:()+\-/=·…']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain
}

const quoted = (text: string) => `"${text}"`

/** Sorted by x; for an x logged more than once, its last value. */
function byX(points: readonly SeriesPoint[]): SeriesPoint[] {
  const last = new Map<number, number>()
  for (const point of points) last.set(point.x, point.y)
  return [...last].map(([x, y]) => ({ x, y })).sort((a, b) => a.x - b.x)
}

/** The x to chart by: the iteration when every value has a whole one, else the order the values were logged in. */
function chartedPoints(series: MetricSeries): { points: SeriesPoint[]; byIteration: boolean } {
  const sorted = byX(series.points)
  if (series.byIteration && sorted.every((point) => Number.isInteger(point.x))) return { points: sorted, byIteration: true }
  return { points: series.points.map((point, index) => ({ x: index + 1, y: point.y })), byIteration: false }
}

function xAxis(grid: ChartGrid, title: string): string {
  if (grid.axis === 'band') return `x-axis ${quoted(title)} [${grid.xs.map((x) => quoted(formatNumber(x))).join(', ')}]`
  return `x-axis ${quoted(title)} ${formatNumber(grid.xs[0]!)} --> ${formatNumber(grid.xs.at(-1)!)}`
}

function yAxis(title: string, values: readonly number[]): string {
  let low = Math.min(...values)
  let high = Math.max(...values)
  const pad = high > low ? (high - low) * 0.05 : Math.abs(high) * 0.1 || 1
  low -= pad
  high += pad
  return `y-axis ${quoted(title)} ${formatNumber(low)} --> ${formatNumber(high)}`
}

/** The iterations missing between the logged ones, as ranges ("41", "57–60"), the first few. */
function gaps(points: readonly SeriesPoint[], shown = 3): string[] {
  const ranges: string[] = []
  for (let index = 1; index < points.length && ranges.length <= shown; index++) {
    const [from, to] = [points[index - 1]!.x + 1, points[index]!.x - 1]
    if (to >= from) ranges.push(from === to ? `${from}` : `${from}–${to}`)
  }
  return ranges.length > shown ? [...ranges.slice(0, shown), '…'] : ranges
}

/** How the points were drawn, when it is not simply one point per iteration. */
function coverage(points: readonly SeriesPoint[], grid: ChartGrid, byIteration: boolean): string[] {
  const missing = grid.last - grid.first + 1 - points.length
  if (byIteration && missing === 0 && grid.binSize === 1) return []
  const parts = [byIteration ? `iterations ${grid.first}–${grid.last}` : `values 1–${grid.last} in the order logged (no iteration_number)`]
  if (missing > 0) parts.push(`${missing} not logged (${gaps(points).join(', ')})`)
  if (grid.binSize > 1) parts.push(`each point is the mean of ${grid.binSize} ${byIteration ? 'iterations' : 'values'}`)
  else if (missing > 0) parts.push('the line is drawn straight across the missing ones')
  return parts
}

/** The baseline on this run's grid, and what the caption says of it; no line when it has no value in this run's range. */
function overlay(baseline: BaselineSeries, grid: ChartGrid, unit: string): { values?: number[]; key?: string; note?: string } {
  const points = byX(baseline.points)
  const label = markdownText(baseline.label, 120)
  if (!points.some((point) => point.x >= grid.first - grid.binSize / 2 && point.x <= grid.last + grid.binSize / 2))
    return { note: `the baseline (${label}) logged no ${unit} in this range` }
  const sampled = sampleOnGrid(points, grid)
  const [from, to] = [formatNumber(points[0]!.x), formatNumber(points.at(-1)!.x)]
  return {
    values: sampled.values,
    key: `${KEY.run} · ${KEY.baseline}: ${label}`,
    ...(sampled.extended ? { note: `the baseline logged ${unit}s ${from}–${to} only: its line is flat outside them` } : {})
  }
}

/** The chart's Mermaid source and caption; undefined for fewer than two values (nothing to draw). */
export function renderMetricChart(series: MetricSeries, baseline?: BaselineSeries): MetricChart | undefined {
  const { points, byIteration } = chartedPoints(series)
  if (points.length < 2) return undefined
  const grid = chartGrid(points[0]!.x, points.at(-1)!.x)
  const run = sampleOnGrid(points, grid)
  const base = baseline ? overlay(baseline, grid, byIteration ? 'iteration' : 'value') : {}
  const caption = [...(base.key ? [base.key] : []), ...coverage(points, grid, byIteration), ...(base.note ? [base.note] : [])]

  const name = chartText(series.label, MAX_TITLE_CHARS)
  const key = base.values ? ' · blue: this run, orange: baseline' : ''
  const title = name.length + key.length <= MAX_TITLE_CHARS ? `${name}${key}` : name
  // The baseline first, so this run's line is drawn over it.
  const lines = base.values ? [base.values, run.values] : [run.values]
  const palette = base.values ? [CHART_COLORS.baseline, CHART_COLORS.run] : [CHART_COLORS.run]
  const source = [
    `%%{init: {"xyChart": {"height": ${CHART_HEIGHT}}, "themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`,
    'xychart-beta',
    `  title ${quoted(title)}`,
    `  ${xAxis(grid, byIteration ? 'iteration' : 'value #')}`,
    `  ${yAxis(chartText(series.name, MAX_AXIS_TITLE_CHARS), lines.flat())}`,
    ...lines.map((values) => `  line [${values.map(formatNumber).join(', ')}]`)
  ].join('\n')
  return { source, caption: caption.join('; ') }
}

/** The chart for Markdown: the fenced Mermaid source, then its caption in small type. */
export function chartMarkdown(chart: MetricChart): string {
  const fenced = `\`\`\`mermaid\n${chart.source}\n\`\`\``
  return chart.caption ? `${fenced}\n\n<sub>${chart.caption}</sub>` : fenced
}
