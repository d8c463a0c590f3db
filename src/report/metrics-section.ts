// The job's metrics in the report: each metric's last value in a table, and a chart per
// series (10 in the summary, 3 in the comment), with the baseline's line when the
// report has one. Renders when the report does, so a baseline given at any time before
// is drawn.
import { markdownText } from '../common/untrusted.js'
import { chartMarkdown, formatNumber, renderMetricChart, type MetricChart } from '../follow/metric-chart.js'
import type { MetricBaseline, MetricCollector } from '../follow/metric-series.js'
import { SECTION_ORDER, type Channel, type ReportSection } from './job-report.js'

export const MAX_CHARTS: Record<Channel, number> = { summary: 10, comment: 3 }

function lastValuesTable(metrics: MetricCollector): string {
  const rows = Object.entries(metrics.lastValues()).map(([name, value]) => `| ${markdownText(name, 200)} | ${formatNumber(value)} |`)
  return ['| Metric | Last value |', '| --- | ---: |', ...rows].join('\n')
}

function charts(metrics: MetricCollector, baseline: MetricBaseline | undefined): MetricChart[] {
  return metrics
    .series()
    .map((series) => {
      const points = baseline?.series[series.name]
      return renderMetricChart(series, points && baseline ? { label: baseline.label, points } : undefined)
    })
    .filter((chart): chart is MetricChart => chart !== undefined)
}

export function metricsSection(metrics: MetricCollector, baseline: () => MetricBaseline | undefined): ReportSection {
  const table = () => lastValuesTable(metrics)
  return {
    id: 'metrics',
    title: 'Metrics',
    order: SECTION_ORDER.metrics,
    render(channel) {
      if (metrics.size === 0) return undefined
      const all = charts(metrics, baseline())
      const shown = all.slice(0, MAX_CHARTS[channel]).map(chartMarkdown)
      const more = all.length - shown.length
      const where = channel === 'comment' ? 'in the step summary' : `not drawn: the summary draws ${MAX_CHARTS.summary}`
      const note = more > 0 ? [`_${more} more metric chart${more === 1 ? '' : 's'} ${where}._`] : []
      return [table(), ...shown, ...note].join('\n\n')
    },
    compact: () => (metrics.size === 0 ? undefined : table())
  }
}
