// The metric charts as Mermaid's xychart-beta will draw them: colours that read on
// GitHub's light and dark pages, whole-iteration x axes for series of any length and
// with gaps, short axis titles, a baseline drawn as a second line aligned by iteration.
import { describe, expect, it } from '@jest/globals'
import { MAX_BAND_LABELS, MAX_CHART_POINTS, downsampleSeries } from '../src/follow/chart-grid.js'
import {
  CHART_COLORS,
  MAX_AXIS_TITLE_CHARS,
  MAX_TITLE_CHARS,
  chartMarkdown,
  formatNumber,
  renderMetricChart,
  type BaselineSeries,
  type MetricChart
} from '../src/follow/metric-chart.js'
import type { MetricSeries, SeriesPoint } from '../src/follow/metric-series.js'
import { energyCurve } from './support/report-fixtures.js'

// WCAG 2 relative luminance and contrast ratio.
const channel = (value: number) => {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}
const rgb = (hex: string) => [0, 2, 4].map((at) => parseInt(hex.slice(1 + at, 3 + at), 16)) as [number, number, number]
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}
// CIE L*a*b* (D65) and the CIE76 colour difference.
const lab = (hex: string): [number, number, number] => {
  const [r, g, b] = rgb(hex).map(channel) as [number, number, number]
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116)) as [number, number, number]
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])]
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((value, index) => value - lab(b)[index]!))

/** The step d3's scaleLinear().ticks() labels a numeric axis with (d3-array's tickIncrement, 10 ticks). */
function d3TickStep(low: number, high: number): number {
  const step = (high - low) / 10
  const power = Math.floor(Math.log10(step))
  const error = step / 10 ** power
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1
  return factor * 10 ** power
}

const series = (points: readonly SeriesPoint[], name = 'energy'): MetricSeries => ({
  name,
  label: name,
  byIteration: true,
  points: [...points]
})

interface ParsedChart {
  palette: string[]
  title: string
  xTitle: string
  band?: string[]
  range?: [number, number]
  yTitle: string
  lines: number[][]
}

function parse(chart: MetricChart): ParsedChart {
  const source = chart.source
  const palette = /"plotColorPalette": "([^"]*)"/
    .exec(source)![1]!
    .split(',')
    .map((color) => color.trim())
  const x = /^ {2}x-axis "([^"]*)" (?:\[(.*)\]|(\S+) --> (\S+))$/m.exec(source)!
  return {
    palette,
    title: /^ {2}title "([^"]*)"$/m.exec(source)![1]!,
    xTitle: x[1]!,
    ...(x[2] !== undefined ? { band: x[2].split(', ').map((label) => label.replace(/"/g, '')) } : {}),
    ...(x[3] !== undefined ? { range: [Number(x[3]), Number(x[4])] as [number, number] } : {}),
    yTitle: /^ {2}y-axis "([^"]*)"/m.exec(source)![1]!,
    lines: [...source.matchAll(/^ {2}line \[(.*)\]$/gm)].map((line) => line[1]!.split(', ').map(Number))
  }
}

describe('chart colours', () => {
  it.each([
    ['this run', CHART_COLORS.run],
    ['the baseline', CHART_COLORS.baseline]
  ])('%s’s line has a contrast of 3:1 or more on GitHub’s light and dark pages and on Mermaid’s dark plot', (_line, color) => {
    expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3)
    expect(contrast(color, '#0d1117')).toBeGreaterThanOrEqual(3)
    expect(contrast(color, '#333333')).toBeGreaterThanOrEqual(3)
  })

  it('gives the two lines colours that differ clearly', () => {
    expect(deltaE(CHART_COLORS.run, CHART_COLORS.baseline)).toBeGreaterThan(50)
  })

  it('names the palette in every chart, this run’s colour for a single line, and never Mermaid’s default #ECECFF', () => {
    const one = parse(renderMetricChart(series(energyCurve(12)))!)
    expect(one.palette).toEqual([CHART_COLORS.run])
    const two = parse(renderMetricChart(series(energyCurve(12)), { label: 'main', points: energyCurve(12, { shift: 0.1 }) })!)
    // The baseline first, so this run's line is drawn over it.
    expect(two.palette).toEqual([CHART_COLORS.baseline, CHART_COLORS.run])
    expect(two.lines).toHaveLength(2)
    expect(renderMetricChart(series(energyCurve(12)))!.source.toLowerCase()).not.toContain('#ececff')
  })
})

describe('the x axis', () => {
  it('labels a short series (3 iterations) with whole iterations, one label each', () => {
    const chart = parse(renderMetricChart(series(energyCurve(3)))!)
    expect(chart.band).toEqual(['0', '1', '2'])
    expect(chart.range).toBeUndefined()
    expect(chart.lines[0]).toHaveLength(3)
    expect(chart.xTitle).toBe('iteration')
  })

  it.each([[8], [9], [12], [40], [60], [61], [100], [1000], [20_000]])(
    'never has fractional ticks, nor more labels than a chart shows, for %i iterations',
    (count) => {
      const chart = parse(renderMetricChart(series(energyCurve(count)))!)
      if (chart.band) {
        expect(chart.band.length).toBeLessThanOrEqual(MAX_BAND_LABELS)
        expect(chart.band.every((label) => /^\d+$/.test(label))).toBe(true)
      } else {
        const [low, high] = chart.range!
        const step = d3TickStep(low, high)
        expect(step).toBeGreaterThanOrEqual(1)
        expect(Number.isInteger(step)).toBe(true)
      }
      expect(chart.lines[0]!.length).toBeLessThanOrEqual(MAX_CHART_POINTS)
    }
  )

  it('draws a medium series (12 iterations) point by point on a numeric axis, needing no caption', () => {
    const points = energyCurve(12)
    const rendered = renderMetricChart(series(points))!
    const chart = parse(rendered)
    expect(chart.range).toEqual([0, 11])
    expect(chart.lines[0]).toEqual(points.map((point) => Number(formatNumber(point.y))))
    expect(rendered.caption).toBe('')
    expect(chartMarkdown(rendered)).toMatch(/```$/)
  })

  it('keeps a long series with a missing iteration (100, no 41) numeric, evenly spaced, and says how it was drawn', () => {
    const points = energyCurve(100, { missing: [41] })
    const rendered = renderMetricChart(series(points))!
    const chart = parse(rendered)
    expect(chart.band).toBeUndefined()
    // 50 slots of two iterations, each at its middle: 0.5, 2.5, … 98.5.
    expect(chart.range).toEqual([0.5, 98.5])
    expect(chart.lines[0]).toHaveLength(50)
    const slot = (x: number) =>
      Number(formatNumber(points.filter((p) => p.x === x || p.x === x + 1).reduce((s, p) => s + p.y, 0) / (x === 40 ? 1 : 2)))
    expect(chart.lines[0]![0]).toBe(slot(0))
    expect(chart.lines[0]![20]).toBe(slot(40))
    expect(rendered.caption).toBe('iterations 0–99; 1 not logged (41); each point is the mean of 2 iterations')
  })

  it('draws a gap in a medium series straight across, from its neighbours, and says so', () => {
    const points = energyCurve(12, { missing: [5, 6] })
    const rendered = renderMetricChart(series(points))!
    const line = parse(rendered).lines[0]!
    expect(line).toHaveLength(12)
    const [four, seven] = [points.find((p) => p.x === 4)!.y, points.find((p) => p.x === 7)!.y]
    expect(line[5]).toBeCloseTo(four + (seven - four) / 3, 5)
    expect(rendered.caption).toContain('2 not logged (5–6)')
    expect(rendered.caption).toContain('drawn straight across')
  })

  it('charts values logged without an iteration in the order they came', () => {
    const rendered = renderMetricChart({
      name: 'loss',
      label: 'loss',
      byIteration: false,
      points: [3, 2, 1].map((y, i) => ({ x: i + 1, y }))
    })!
    expect(parse(rendered).band).toEqual(['1', '2', '3'])
    expect(parse(rendered).xTitle).toBe('value #')
    expect(rendered.caption).toContain('in the order logged')
  })

  it('draws nothing for a single value, and keeps the last value logged for an iteration', () => {
    expect(renderMetricChart(series([{ x: 1, y: 1 }]))).toBeUndefined()
    const chart = parse(
      renderMetricChart(
        series([
          { x: 2, y: 5 },
          { x: 1, y: 1 },
          { x: 2, y: 7 }
        ])
      )!
    )
    expect(chart.lines[0]).toEqual([1, 7])
  })
})

describe('titles', () => {
  const long = 'expectation_value_of_the_hamiltonian_on_qubits_zero_through_seven'

  it('keeps axis titles short and the chart title within the chart; the table has the full name', () => {
    const chart = parse(renderMetricChart(series(energyCurve(12), long))!)
    expect(chart.yTitle.length).toBeLessThanOrEqual(MAX_AXIS_TITLE_CHARS)
    expect(chart.yTitle.startsWith('expectation_value')).toBe(true)
    expect(chart.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS)
    expect(chart.title.startsWith('expectation_value_of_the_hamiltonian')).toBe(true)
  })

  it('keeps names that are not the action’s from ending the string, the statement or the code fence', () => {
    const label = 'cost (node"1`\n```\n%%{init: {}}%% ; <b>@octocat</b>)'
    const rendered = renderMetricChart({ name: 'cost', label, byIteration: true, points: energyCurve(4) })!
    const body = rendered.source.split('\n').slice(1).join('\n')
    expect(body.replace(/ --> /g, ' ')).not.toMatch(/`|%%|<|>|@|;|\{/)
    expect(rendered.source.split('\n')).toHaveLength(6)
    expect(chartMarkdown(rendered).match(/```/g)).toHaveLength(2)
  })
})

describe('a baseline overlaid', () => {
  const baseline = (points: readonly SeriesPoint[], label = 'main, run #16'): BaselineSeries => ({ label, points })

  it('aligns the baseline by iteration and says which line is which, in the title and the caption', () => {
    const rendered = renderMetricChart(series(energyCurve(12)), baseline(energyCurve(12, { shift: 0.25 })))!
    const chart = parse(rendered)
    const [base, run] = chart.lines as [number[], number[]]
    run.forEach((value, index) => expect(base[index]! - value).toBeCloseTo(0.25, 4))
    expect(chart.title).toBe('energy · blue: this run, orange: baseline')
    expect(rendered.caption).toBe('🔵 this run · 🟠 baseline: main, run \\#16')
  })

  it('puts a shorter baseline on this run’s axis, flat beyond its end, and says so', () => {
    const rendered = renderMetricChart(series(energyCurve(100)), baseline(energyCurve(60)))!
    const [base, run] = parse(rendered).lines as [number[], number[]]
    expect(base).toHaveLength(run.length)
    expect(base.at(-1)).toBe(base.at(-10))
    expect(rendered.caption).toContain('the baseline logged iterations 0–59 only: its line is flat outside them')
  })

  it('draws no second line for a baseline of other iterations, and says why', () => {
    const rendered = renderMetricChart(series(energyCurve(12)), baseline(energyCurve(5).map((p) => ({ x: p.x + 500, y: p.y }))))!
    expect(parse(rendered).lines).toHaveLength(1)
    expect(rendered.caption).toContain('logged no iteration in this range')
  })

  it('reduces a series the way the charts do, for a record to keep', () => {
    const reduced = downsampleSeries(energyCurve(1000))
    expect(reduced.length).toBeLessThanOrEqual(MAX_CHART_POINTS)
    expect(reduced[0]!.x).toBe(8)
    const rendered = renderMetricChart(series(energyCurve(1000)), baseline(reduced))!
    const [base, run] = parse(rendered).lines as [number[], number[]]
    base.forEach((value, index) => expect(value).toBeCloseTo(run[index]!, 4))
  })
})

describe('numbers', () => {
  it('writes numbers Mermaid can read: no exponents, 6 significant digits', () => {
    expect(formatNumber(1.23456789e-7)).toBe('0.000000123457')
    expect(formatNumber(-2.5e21)).toBe('-2500000000000000000000')
    expect(formatNumber(0.1 + 0.2)).toBe('0.3')
    expect(formatNumber(Number.NaN)).toBe('0')
  })
})
