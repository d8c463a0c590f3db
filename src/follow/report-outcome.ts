// The followed job's end, told everywhere the workflow looks: outputs, the step
// summary, the PR comment, annotations, and the step's own result.
import * as core from '@actions/core'
import type { JobReport } from '../report/job-report.js'
import { renderReport } from '../report/render-report.js'
import { writeStepSummary } from '../report/step-summary.js'
import { setOutputs } from '../report/submission-report.js'
import type { ResultsFetch } from './fetch-results.js'
import { followOutputs, reportFollowedJob, type FollowReport } from './follow-report.js'
import { printVerbatim } from './step-log.js'

export interface OutcomeChannels {
  /** The job's report, from its submission: completed here and written whole to the summary and the comment. */
  report: JobReport
  /** Writes the PR comment, when comment-on-pr asks for one. */
  comment?: (body: string) => Promise<void>
}

export async function reportOutcome(report: FollowReport, fetch: ResultsFetch, channels: OutcomeChannels): Promise<void> {
  setOutputs(followOutputs(report))
  reportFollowedJob(channels.report, report)
  await writeStepSummary(channels.report)
  if (channels.comment) await channels.comment(renderReport(channels.report, 'comment'))

  const { verdict, outcome } = report
  if (verdict.status === 'FAILED' && outcome.job.failureReason) {
    core.error(outcome.job.failureReason, { title: `Braket job ${outcome.jobName} FAILED` })
  }
  if (verdict.status === 'FAILED' && report.lastLines.length > 0) {
    core.info(`Last ${report.lastLines.length} lines of the job's log:`)
    printVerbatim(report.lastLines)
  }
  const resultsFailure = fetch.kind === 'failed' ? fetch.message : undefined
  if (resultsFailure) core.error(resultsFailure, { title: 'download-results' })
  if (!verdict.ok) core.setFailed(verdict.message)
  else if (resultsFailure) core.setFailed(resultsFailure)
  else core.notice(verdict.message, { title: 'Amazon Braket hybrid job' })
}
