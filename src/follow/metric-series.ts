// Every metric's values over the run, kept bounded however long the job logs.
import type { MetricPoint } from './metric-lines.js'

export interface SeriesPoint {
  /** The iteration, or the value's position in the series when the job logs none. */
  x: number
  y: number
}

export interface MetricSeries {
  name: string
  /** The name, with the node when several nodes log the same metric. */
  label: string
  /** Whether x is the logged iteration (else the order the values were logged in). */
  byIteration: boolean
  points: SeriesPoint[]
}

/** Another run's series of the same metrics (the base branch's, for a pull request), to draw next to this run's. */
export interface MetricBaseline {
  /** Names it in the charts' key, e.g. "main, run #16"; untrusted, neutralised when rendered. */
  label: string
  /** Each metric's points by metric name, x being the iteration as in this run's series. */
  series: Readonly<Record<string, readonly SeriesPoint[]>>
}

/** Beyond this many stored values a series is thinned to every other one: a chart shows a few dozen anyway. */
const MAX_STORED_POINTS = 20_000

interface Value {
  iteration?: number
  y: number
  /** Position in this series, from 1. */
  position: number
  /** Position among all values of all series, to tell which node logged last. */
  sequence: number
}

interface Stored {
  name: string
  node?: string
  kept: Value[]
  newest?: Value
  logged: number
  /** Every `stride`-th value is kept (1 until the first thinning). */
  stride: number
}

export class MetricCollector {
  private readonly byKey = new Map<string, Stored>()
  private sequence = 0

  constructor(private readonly maxStoredPoints = MAX_STORED_POINTS) {}

  add(points: readonly MetricPoint[]): void {
    for (const point of points) {
      const key = `${point.name}\u0000${point.node ?? ''}`
      let stored = this.byKey.get(key)
      if (!stored) {
        stored = { name: point.name, node: point.node, kept: [], logged: 0, stride: 1 }
        this.byKey.set(key, stored)
      }
      stored.logged += 1
      const value: Value = { iteration: point.iteration, y: point.value, position: stored.logged, sequence: ++this.sequence }
      stored.newest = value
      if ((stored.logged - 1) % stored.stride !== 0) continue
      stored.kept.push(value)
      if (stored.kept.length > this.maxStoredPoints) {
        stored.kept = stored.kept.filter((_, index) => index % 2 === 0)
        stored.stride *= 2
      }
    }
  }

  get size(): number {
    return this.byKey.size
  }

  /** Each metric's latest value (whichever node logged it last), by name. */
  lastValues(): Record<string, number> {
    const last = new Map<string, Value>()
    for (const stored of this.byKey.values()) {
      const current = last.get(stored.name)
      if (stored.newest && (!current || stored.newest.sequence > current.sequence)) last.set(stored.name, stored.newest)
    }
    return Object.fromEntries([...last].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, value]) => [name, value.y]))
  }

  /** The series to chart, by name, then node; the newest value is always in. */
  series(): MetricSeries[] {
    const nodesPerName = new Map<string, number>()
    for (const stored of this.byKey.values()) nodesPerName.set(stored.name, (nodesPerName.get(stored.name) ?? 0) + 1)
    return [...this.byKey.values()]
      .sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : (a.node ?? '') < (b.node ?? '') ? -1 : 1))
      .map((stored) => {
        const values = stored.newest && stored.kept.at(-1) !== stored.newest ? [...stored.kept, stored.newest] : stored.kept
        const byIteration = values.every((value) => value.iteration !== undefined)
        return {
          name: stored.name,
          label: (nodesPerName.get(stored.name) ?? 0) > 1 && stored.node ? `${stored.name} (${stored.node})` : stored.name,
          byIteration,
          points: values.map((value) => ({ x: byIteration ? value.iteration! : value.position, y: value.y }))
        }
      })
  }
}
