// The followed job's end, as the step's outputs and as what it adds to the job's
// report: the status and its sentence, the timings, what was downloaded, the metrics,
// results.json and, when the job did not succeed, its last log lines.
import { formatDuration, formatTime } from '../report/format.js'
import { FACT_ORDER, type JobReport } from '../report/job-report.js'
import { metricsSection } from '../report/metrics-section.js'
import { downloadedFact, logTailSection, resultsSection } from '../report/results-section.js'
import { codeText, markdownText } from '../common/untrusted.js'
import { runSeconds, seconds, type FollowOutcome, type Verdict } from './follow-outcome.js'
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
  outputS3Path: string
  now: number
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

/** "queued 4s · ran 2m 3s, until 2026-12-01 14:40 UTC · billable 2m 3s" */
function timing(report: FollowReport): string | undefined {
  const { job } = report.outcome
  const parts: string[] = []
  if (job.createdAt && job.startedAt)
    parts.push(`queued ${formatDuration(Math.max(0, Math.round((job.startedAt.getTime() - job.createdAt.getTime()) / 1000)))}`)
  const ran = runSeconds(job, report.now)
  if (ran !== undefined) parts.push(`ran ${formatDuration(ran)}${job.endedAt ? `, until ${formatTime(job.endedAt)}` : ''}`)
  const billable = seconds(job.billableDuration)
  if (billable !== undefined) parts.push(`billable ${formatDuration(billable)}`)
  return parts.length > 0 ? parts.join(' · ') : undefined
}

/** Completes the job's report with how it ended. */
export function reportFollowedJob(report: JobReport, followed: FollowReport): void {
  report.setHeadline({ status: followed.verdict.status, message: followed.verdict.message }, followed.now)
  const time = timing(followed)
  if (time) report.setFact({ label: 'Time', value: time, order: FACT_ORDER.timing })
  if (followed.results) report.setFact({ label: 'Results', value: downloadedFact(followed.results), order: FACT_ORDER.results })
  // Of a job that did not succeed, the headline says why there are none.
  else if (followed.resultsNote && followed.verdict.ok)
    report.setFact({ label: 'Results', value: markdownText(followed.resultsNote), order: FACT_ORDER.results })
  report.setFact({ label: 'Output', value: codeText(followed.outputS3Path), order: FACT_ORDER.output, only: 'summary' })
  report.addSection(metricsSection(followed.metrics, () => report.baseline))
  if (followed.results?.resultsPreview) report.addSection(resultsSection(followed.results.resultsPreview))
  if (!followed.verdict.ok && followed.lastLines.length > 0) report.addSection(logTailSection(followed.lastLines))
}
