// The experiment's part in following: when the job's fate is settled, its record is
// completed, its baseline found and compared, and the comparison told in the step
// log and the `comparison` output; a goal metric that regressed beyond
// max-regression-percent fails the step.
import * as core from '@actions/core'
import type { FinalSpend } from '../cost/spend-tracker.js'
import { logText } from '../common/untrusted.js'
import type { EndNote, FollowObserver } from '../follow/follow-observer.js'
import type { FollowReport } from '../follow/follow-report.js'
import { formatNumber } from '../follow/metric-chart.js'
import { logHeading, logRow } from '../report/log-layout.js'
import type { Comparison } from './comparison.js'
import { comparisonOutput, noBaselineOutput } from './comparison-output.js'
import { metricLine, percentText } from './comparison-text.js'
import type { BaselineOutcome, ExperimentRun } from './experiment-run.js'
import { recordMetrics } from './record-metrics.js'
import { recordCost, recordTasks } from './record-spend.js'

export interface ComparisonView {
  /** Adds the comparison (or the line saying there is none) to what the summary and the comment show. */
  show(outcome: BaselineOutcome): void
}

/** The job's final cost and tasks, once the spend tracker has them (it is told of the end first). */
export interface SpendSource {
  final?: FinalSpend
}

export function experimentObserver(run: ExperimentRun, spend?: SpendSource, view?: ComparisonView): FollowObserver {
  return {
    name: 'experiment record and comparison',
    async onEnd(report: FollowReport): Promise<EndNote | void> {
      const resultsExcerpt = report.results?.resultsPreview
      const final = spend?.final
      await run.complete({
        job: report.outcome.job,
        metrics: recordMetrics(report.metrics),
        ...(resultsExcerpt ? { resultsExcerpt } : {}),
        ...(final ? { cost: recordCost(final.cost) } : {}),
        ...(final?.tasks ? { quantumTasks: recordTasks(final.tasks) } : {})
      })
      if (report.verdict.status !== 'COMPLETED') {
        core.setOutput('comparison', noBaselineOutput(undefined, `this job did not complete (${report.verdict.status})`))
        return
      }
      const outcome = await run.compare()
      logComparison(outcome)
      view?.show(outcome)
      if (outcome.kind === 'none') {
        core.setOutput('comparison', noBaselineOutput(outcome.branch, outcome.reason))
        return
      }
      core.setOutput('comparison', comparisonOutput(outcome.comparison))
      return regressionFailure(outcome.comparison)
    }
  }
}

function logComparison(outcome: BaselineOutcome): void {
  if (outcome.kind === 'none') {
    core.info(`No baseline to compare with: ${logText(outcome.reason)}.`)
    return
  }
  const { comparison } = outcome
  logHeading(`Compared with ${logText(comparison.baseline.branch, 100)} (${comparison.baseline.why})`)
  logRow('baseline job', logText(comparison.baseline.jobArn))
  for (const metric of comparison.metrics) logRow('metric', logText(metricLine(metric)))
  for (const difference of comparison.differences)
    logRow('differs', logText(`${difference.name} ${difference.baseline ?? '—'} → ${difference.current ?? '—'}`))
}

function regressionFailure(comparison: Comparison): EndNote | void {
  if (comparison.regressions.length === 0) return
  const which = comparison.regressions
    .map(
      (metric) =>
        `${metric.name} ${formatNumber(metric.baseline!.final)} → ${formatNumber(metric.current!.final)} ` +
        `(${percentText(metric.worsePercent).replace(/^\+/, '')} worse, goal ${metric.goal})`
    )
    .join('; ')
  return {
    failure: logText(
      `Compared with ${comparison.baseline.branch}: ${which}. That is beyond max-regression-percent ` +
        `(${formatNumber(comparison.maxRegressionPercent ?? 0)}%); the step summary's comparison table has the details.`,
      2000
    )
  }
}
