// The step summary is the report, written whole: at submission, and again, in place,
// once following has completed it — so it never says QUEUED above COMPLETED.
import * as core from '@actions/core'
import type { JobReport } from './job-report.js'
import { renderReport } from './render-report.js'

export async function writeStepSummary(report: JobReport): Promise<void> {
  await core.summary.emptyBuffer().addRaw(renderReport(report, 'summary')).write({ overwrite: true })
}
