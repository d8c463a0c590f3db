// A metric over the iterations as a Mermaid xychart-beta line chart, which GitHub
// renders in step summaries and comments. Long series are averaged down to a
// readable number of points. Pure.
import type { MetricSeries, SeriesPoint } from './metric-series.js'

export const MAX_CHART_POINTS = 60

/** Plain decimal text (Mermaid's grammar has no exponents), about 6 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || value === 0) return '0'
  const rounded = Number(value.toPrecision(6))
  const text = String(rounded)
  if (!/e/i.test(text)) return text
  if (Math.abs(rounded) >= 1) return BigInt(Math.round(rounded)).toString()
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}

/** Sorted by x; for an x logged more than once, its last value. */
function byX(points: readonly SeriesPoint[]): SeriesPoint[] {
  const last = new Map<number, number>()
  for (const point of points) last.set(point.x, point.y)
  return [...last].map(([x, y]) => ({ x, y })).sort((a, b) => a.x - b.x)
}

/** At most `max` points, each the mean of an equal share of consecutive points. */
export function downsample(points: readonly SeriesPoint[], max: number): { points: SeriesPoint[]; perPoint: number } {
  if (points.length <= max) return { points: [...points], perPoint: 1 }
  const out: SeriesPoint[] = []
  for (let bucket = 0; bucket < max; bucket++) {
    const from = Math.floor((bucket * points.length) / max)
    const to = Math.floor(((bucket + 1) * points.length) / max)
    const slice = points.slice(from, to)
    out.push({ x: slice.reduce((sum, p) => sum + p.x, 0) / slice.length, y: slice.reduce((sum, p) => sum + p.y, 0) / slice.length })
  }
  return { points: out, perPoint: points.length / max }
}

/** Mermaid spreads a line's values evenly along a numeric x axis: right only when the x values are evenly spaced. */
export function evenlySpaced(points: readonly SeriesPoint[]): boolean {
  if (points.length < 3) return true
  const step = (points.at(-1)!.x - points[0]!.x) / (points.length - 1)
  return points.every((point, index) => Math.abs(point.x - (points[0]!.x + index * step)) <= Math.abs(step) * 1e-6)
}

const quoted = (text: string) => `"${text.replace(/["\n\r`]/g, "'")}"`

/** The chart's Mermaid source; undefined for fewer than two points (nothing to draw). */
export function renderMetricChart(series: MetricSeries, max = MAX_CHART_POINTS): string | undefined {
  const sorted = byX(series.points)
  if (sorted.length < 2) return undefined
  const even = evenlySpaced(sorted)
  const { points, perPoint } = downsample(sorted, max)
  const ys = points.map((p) => p.y)
  let low = Math.min(...ys)
  let high = Math.max(...ys)
  const pad = high > low ? (high - low) * 0.05 : Math.abs(high) * 0.1 || 1
  low -= pad
  high += pad
  const xTitle = series.byIteration ? 'iteration' : 'logged value #'
  const xAxis = even
    ? `x-axis ${quoted(xTitle)} ${formatNumber(points[0]!.x)} --> ${formatNumber(points.at(-1)!.x)}`
    : `x-axis ${quoted(xTitle)} [${points.map((p) => quoted(formatNumber(Math.round(p.x * 100) / 100))).join(', ')}]`
  const note = perPoint > 1 ? ` (each point the mean of ~${formatNumber(Math.round(perPoint * 10) / 10)} values)` : ''
  return [
    'xychart-beta',
    `  title ${quoted(`${series.label}${note}`)}`,
    `  ${xAxis}`,
    `  y-axis ${quoted(series.name)} ${formatNumber(low)} --> ${formatNumber(high)}`,
    `  line [${points.map((p) => formatNumber(p.y)).join(', ')}]`
  ].join('\n')
}

export function mermaidBlock(source: string): string {
  return `\n\`\`\`mermaid\n${source}\n\`\`\`\n`
}
