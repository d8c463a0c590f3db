// Where a metric chart's points go along the x axis. Mermaid's xychart-beta spreads a
// line's values evenly between the axis's two ends, and labels a numeric axis with
// d3's ticks — fractional for a span under ~7.07 (`0 --> 3` is labelled 0, 0.2 … 3).
// So a short series gets one labelled slot per iteration (at most 8 labels, which a
// chart of any width shows); a longer one a numeric axis over evenly spaced slots of
// whole iterations: one per iteration up to 60 slots, else one per run of `binSize`
// iterations, drawn at its middle with the mean of its values. An iteration that was
// not logged leaves its slot without a value of its own: the line is drawn straight
// across it, from its neighbours. Whatever the gaps, the axis stays numeric. Pure.
import type { SeriesPoint } from './metric-series.js'

export const MAX_CHART_POINTS = 60
/** Up to this many iterations, each one is a labelled slot (d3 would label the span with fractions). */
export const MAX_BAND_LABELS = 8

export interface ChartGrid {
  /** band: one labelled slot per iteration; numeric: a numeric axis from the first slot to the last. */
  axis: 'band' | 'numeric'
  first: number
  last: number
  /** Iterations per slot. */
  binSize: number
  /** Each slot's x: its middle iteration. */
  xs: number[]
}

/** The slots for whole iterations `first` to `last`. */
export function chartGrid(first: number, last: number, maxPoints = MAX_CHART_POINTS): ChartGrid {
  const iterations = last - first + 1
  if (iterations <= MAX_BAND_LABELS)
    return { axis: 'band', first, last, binSize: 1, xs: Array.from({ length: iterations }, (_, index) => first + index) }
  const binSize = Math.ceil(iterations / maxPoints)
  const count = Math.ceil(iterations / binSize)
  const middle = (binSize - 1) / 2
  return { axis: 'numeric', first, last, binSize, xs: Array.from({ length: count }, (_, index) => first + index * binSize + middle) }
}

export interface Sampled {
  /** One value per slot. */
  values: number[]
  /** Slots without a value of their own, drawn from their neighbours. */
  filled: number
  /** Whether some slots lie beyond the series' own ends (its first or last value held there). */
  extended: boolean
}

function slotOf(x: number, grid: ChartGrid): number {
  return Math.floor((x - grid.first + 0.5) / grid.binSize)
}

/** The value at x on the straight line between the points around it; the nearest end beyond them. */
function valueAt(sorted: readonly SeriesPoint[], x: number): { y: number; beyond: boolean } {
  let after = sorted.findIndex((point) => point.x >= x)
  if (after === -1) after = sorted.length
  const next = sorted[after]
  const previous = sorted[after - 1]
  if (next && previous) return { y: previous.y + ((next.y - previous.y) * (x - previous.x)) / (next.x - previous.x), beyond: false }
  return { y: (next ?? previous)!.y, beyond: true }
}

/** A series on the grid: the mean of each slot's values; a slot without any, from its neighbours. Needs one point at least. */
export function sampleOnGrid(points: readonly SeriesPoint[], grid: ChartGrid): Sampled {
  const sums = new Array<number>(grid.xs.length).fill(0)
  const counts = new Array<number>(grid.xs.length).fill(0)
  for (const point of points) {
    const slot = slotOf(point.x, grid)
    if (slot < 0 || slot >= grid.xs.length) continue
    sums[slot]! += point.y
    counts[slot]! += 1
  }
  const sorted = [...points].sort((a, b) => a.x - b.x)
  let filled = 0
  let extended = false
  const values = grid.xs.map((x, slot) => {
    if (counts[slot]! > 0) return sums[slot]! / counts[slot]!
    filled += 1
    const at = valueAt(sorted, x)
    extended ||= at.beyond
    return at.y
  })
  return { values, filled, extended }
}

/** A series reduced as the charts reduce it (at most 60 points, whole-iteration slots), e.g. to keep in a record. */
export function downsampleSeries(points: readonly SeriesPoint[], maxPoints = MAX_CHART_POINTS): SeriesPoint[] {
  if (points.length === 0) return []
  const xs = points.map((point) => point.x)
  const grid = chartGrid(Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs)), maxPoints)
  const { values } = sampleOnGrid(points, grid)
  return grid.xs.map((x, index) => ({ x, y: values[index]! }))
}
