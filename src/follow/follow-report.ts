// The followed job's end as the workflow sees it: the step's outputs, the step
// summary (final table, metric charts, results) and the pull-request comment body.
import * as core from '@actions/core'
import { formatDuration } from '../report/format.js'
import { runUrl, type RunIdentity } from '../plan/run-identity.js'
import { runSeconds, seconds, type FollowOutcome, type Verdict } from './follow-outcome.js'
import { mermaidBlock, renderMetricChart } from './metric-chart.js'
import type { MetricCollector } from './metric-series.js'
import type { DownloadedResults } from './results-download.js'

export interface FollowReport {
  outcome: FollowOutcome
  verdict: Verdict
  metrics: MetricCollector
  results?: DownloadedResults
  /** Why there are no results to show, when download-results was asked for. */
  resultsNote?: string
  lastLines: string[]
  device: string
  instance: string
  outputS3Path: string
  now: number
}

const ICONS: Record<string, string> = { COMPLETED: '✅', FAILED: '❌', CANCELLED: '🛑', CANCELLING: '🛑', RUNNING: '⏳', QUEUED: '⏳' }
const SUMMARY_CHARTS = 10
const COMMENT_CHARTS = 3

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function followOutputs(report: FollowReport): Record<string, string | undefined> {
  const { job } = report.outcome
  const billable = seconds(job.billableDuration)
  return {
    status: report.verdict.status,
    'failure-reason': job.failureReason,
    'billable-duration-seconds': billable === undefined ? undefined : String(billable),
    'results-dir': report.results?.dir,
    metrics: JSON.stringify(report.metrics.lastValues())
  }
}

function rows(report: FollowReport): Array<[string, string]> {
  const { job } = report.outcome
  const queued = job.createdAt && job.startedAt ? Math.round((job.startedAt.getTime() - job.createdAt.getTime()) / 1000) : undefined
  const ran = runSeconds(job, report.now)
  const billable = seconds(job.billableDuration)
  const out: Array<[string, string]> = [
    ['Status', `${ICONS[report.verdict.status] ?? ''} ${escapeHtml(report.verdict.status)}`.trim()],
    ['Outcome', escapeHtml(report.verdict.message)]
  ]
  if (queued !== undefined) out.push(['Queued', formatDuration(queued)])
  if (ran !== undefined) out.push(['Ran', formatDuration(ran)])
  if (billable !== undefined) out.push(['Billable duration', formatDuration(billable)])
  out.push(['Device', escapeHtml(report.device)], ['Instance', escapeHtml(report.instance)])
  if (job.failureReason) out.push(['Failure reason', `<code>${escapeHtml(job.failureReason)}</code>`])
  if (report.results)
    out.push([
      'Results',
      `<code>${escapeHtml(report.results.s3Uri)}</code> → <code>${escapeHtml(report.results.dir)}</code> (${report.results.files.length} ` +
        `file${report.results.files.length === 1 ? '' : 's'})`
    ])
  else
    out.push([
      'Output',
      `<code>${escapeHtml(report.outputS3Path)}</code>${report.resultsNote ? ` (${escapeHtml(report.resultsNote)})` : ''}`
    ])
  out.push([
    'Console',
    `<a href="${escapeHtml(report.outcome.consoleUrl)}">Open ${escapeHtml(report.outcome.jobName)} in the Braket console</a>`
  ])
  return out
}

function metricsMarkdown(report: FollowReport, maxCharts: number): string {
  const last = Object.entries(report.metrics.lastValues())
  if (last.length === 0) return ''
  const table = ['| Metric | Last value |', '| --- | --- |', ...last.map(([name, value]) => `| ${name} | ${value} |`)].join('\n')
  const charts = report.metrics
    .series()
    .map((series) => renderMetricChart(series))
    .filter((chart): chart is string => chart !== undefined)
  const shown = charts.slice(0, maxCharts).map(mermaidBlock).join('\n')
  const more = charts.length > maxCharts ? `\n_${charts.length - maxCharts} more metric charts are in the step summary._\n` : ''
  return `${table}\n${shown}${more}`
}

export async function writeFollowSummary(report: FollowReport): Promise<void> {
  const summary = core.summary
    .addHeading(`Outcome: ${ICONS[report.verdict.status] ?? ''} ${escapeHtml(report.verdict.status)}`.replace(/\s+/g, ' '), 3)
    .addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true }
      ],
      ...rows(report)
    ])
  const metrics = metricsMarkdown(report, SUMMARY_CHARTS)
  if (metrics) summary.addHeading('Metrics', 3).addRaw(`\n\n${metrics}\n`, true)
  if (report.results?.resultsExcerpt)
    summary.addHeading('results.json', 3).addRaw(`<pre>${escapeHtml(report.results.resultsExcerpt)}</pre>`, true)
  if (!report.verdict.ok && report.lastLines.length > 0)
    summary.addDetails(`Last ${report.lastLines.length} log lines`, `\n\n<pre>${escapeHtml(report.lastLines.join('\n'))}</pre>\n\n`)
  await summary.write()
}

export function prCommentBody(report: FollowReport, identity: RunIdentity): string {
  const { outcome, verdict } = report
  const table = [
    '| | |',
    '| --- | --- |',
    ...rows(report)
      .filter(([label]) => label !== 'Outcome')
      .map(([label, value]) => `| ${label} | ${value.replace(/\|/g, '\\|')} |`)
  ].join('\n')
  const metrics = metricsMarkdown(report, COMMENT_CHARTS)
  // <pre> with the text escaped: a value of the job's cannot close a code fence or open a tag.
  const results = report.results?.resultsExcerpt
    ? `\n<details><summary>results.json</summary>\n\n<pre>${escapeHtml(report.results.resultsExcerpt)}</pre>\n</details>\n`
    : ''
  const commit = identity.sha ? ` for ${identity.sha.slice(0, 7)}` : ''
  return [
    `### ${ICONS[verdict.status] ?? ''} Amazon Braket hybrid job \`${outcome.jobName}\`: ${verdict.status}`,
    '',
    escapeHtml(verdict.message),
    '',
    table,
    '',
    metrics,
    results,
    `<sub>Workflow run <a href="${runUrl(identity)}">${escapeHtml(identity.workflow || identity.runId)} #${identity.runId}</a> (attempt ` +
      `${identity.runAttempt})${commit}, updated ${new Date(report.now).toISOString()}.</sub>`
  ].join('\n')
}
