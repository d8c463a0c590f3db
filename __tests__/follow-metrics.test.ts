// Metric lines → series: the pure parts of the follower's metrics (the charts: report-charts.test.ts).
import { describe, expect, it } from '@jest/globals'
import { parseMetricLine } from '../src/follow/metric-lines.js'
import { MetricCollector } from '../src/follow/metric-series.js'

describe('parseMetricLine', () => {
  it('reads log_metric lines: the value, the iteration and the timestamp', () => {
    expect(parseMetricLine('Metrics - timestamp=1700000000.25; cost=-0.9312; iteration_number=4;')).toEqual([
      { name: 'cost', value: -0.9312, iteration: 4, timestamp: 1700000000.25 }
    ])
  })

  it('takes iteration= as the x axis too, and several metrics on one line', () => {
    expect(parseMetricLine('Metrics - loss=0.5; accuracy=0.875; iteration=12;')).toEqual([
      { name: 'loss', value: 0.5, iteration: 12 },
      { name: 'accuracy', value: 0.875, iteration: 12 }
    ])
  })

  it('knows the node from a [node] tag, else from the stream it came from', () => {
    expect(parseMetricLine('[algo-2] Metrics - energy=1e-3;', 'algo-1')).toEqual([{ name: 'energy', value: 0.001, node: 'algo-2' }])
    expect(parseMetricLine('Metrics - energy=2;', 'algo-1')).toEqual([{ name: 'energy', value: 2, node: 'algo-1' }])
  })

  it('ignores other lines, values that are not numbers, and pairs without the closing semicolon', () => {
    expect(parseMetricLine('iteration 3: theta=0.5 energy=-1.0')).toEqual([])
    expect(parseMetricLine('Metrics - status=converged; cost=nan; gap=inf; tail=3')).toEqual([])
  })
})

describe('MetricCollector', () => {
  it('keeps each metric’s series and last value, and splits a metric by node only when several nodes log it', () => {
    const metrics = new MetricCollector()
    metrics.add(parseMetricLine('Metrics - cost=1; iteration_number=0;', 'algo-1'))
    metrics.add(parseMetricLine('Metrics - cost=3; iteration_number=0;', 'algo-2'))
    metrics.add(parseMetricLine('Metrics - cost=0.5; iteration_number=1;', 'algo-1'))
    metrics.add(parseMetricLine('Metrics - step_time=2;', 'algo-1'))
    expect(metrics.lastValues()).toEqual({ cost: 0.5, step_time: 2 })
    expect(metrics.series().map((series) => [series.label, series.byIteration, series.points])).toEqual([
      [
        'cost (algo-1)',
        true,
        [
          { x: 0, y: 1 },
          { x: 1, y: 0.5 }
        ]
      ],
      ['cost (algo-2)', true, [{ x: 0, y: 3 }]],
      ['step_time', false, [{ x: 1, y: 2 }]]
    ])
  })

  it('stays bounded over a very long run, keeping the shape and always the newest value', () => {
    const metrics = new MetricCollector(100)
    for (let iteration = 0; iteration < 1001; iteration++) metrics.add([{ name: 'cost', value: -iteration, iteration }])
    const [series] = metrics.series()
    expect(series!.points.length).toBeLessThanOrEqual(101)
    expect(series!.points[0]).toEqual({ x: 0, y: -0 })
    expect(series!.points.at(-1)).toEqual({ x: 1000, y: -1000 })
    const steps = new Set(series!.points.slice(0, -1).map((point, index, points) => (index ? point.x - points[index - 1]!.x : 0)))
    expect([...steps].filter((step) => step !== 0)).toHaveLength(1)
    expect(metrics.lastValues()).toEqual({ cost: -1000 })
  })
})
