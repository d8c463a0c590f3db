// The metrics a record keeps of a run: each metric's last value, its range (for
// "best" against a goal), and each series thinned the way its chart is. Pure.
import { downsampleSeries } from '../follow/chart-grid.js'
import type { MetricCollector } from '../follow/metric-series.js'
import type { RecordMetrics } from './record.js'

export function recordMetrics(metrics: MetricCollector): RecordMetrics {
  const range: RecordMetrics['range'] = {}
  const series = metrics.series().map((one) => {
    for (const { y } of one.points) {
      const known = range[one.name]
      range[one.name] = known ? { min: Math.min(known.min, y), max: Math.max(known.max, y) } : { min: y, max: y }
    }
    const points = downsampleSeries(one.points)
    return { name: one.name, label: one.label, byIteration: one.byIteration, points: points.map(({ x, y }): [number, number] => [x, y]) }
  })
  return { final: metrics.lastValues(), range, series }
}
