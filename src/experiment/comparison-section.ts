// The comparison in the job's report: its own section (the regressions that fail the
// step first), the baseline's series drawn on each metric chart, or one line saying
// there is no baseline yet and how to make one.
import { SECTION_ORDER, type JobReport, type ReportSection } from '../report/job-report.js'
import type { MetricBaseline, SeriesPoint } from '../follow/metric-series.js'
import type { Comparison } from './comparison.js'
import { baselineLine, comparisonMarkdown, noBaselineMarkdown, regressionTable } from './comparison-markdown.js'
import type { ComparisonView } from './experiment-observer.js'
import type { ExperimentRecord } from './record.js'

export function comparisonSection(comparison: Comparison): ReportSection {
  return {
    id: 'comparison',
    title: 'Compared with the baseline',
    order: SECTION_ORDER.comparison,
    render: () => comparisonMarkdown(comparison),
    compact: () => [baselineLine(comparison), regressionTable(comparison)].filter(Boolean).join('\n\n')
  }
}

/** The baseline's series by metric name (one node's, when several logged it), for the charts' second line. */
export function baselineSeries(baseline: ExperimentRecord): MetricBaseline {
  const series: Record<string, SeriesPoint[]> = {}
  for (const one of baseline.metrics.series)
    if (!series[one.name] || one.label === one.name) series[one.name] = one.points.map(([x, y]) => ({ x, y }))
  return { label: `${baseline.branch} @ ${baseline.sha.slice(0, 7)}`, series }
}

export function reportView(report: JobReport): ComparisonView {
  return {
    show(outcome) {
      if (outcome.kind === 'none') {
        report.addNote('no-baseline', noBaselineMarkdown(outcome.reason, outcome.branch))
        return
      }
      report.addSection(comparisonSection(outcome.comparison))
      report.overlayBaseline(baselineSeries(outcome.baseline))
    }
  }
}
