// The end of a job run on the runner, told as a followed job's end is told
// (reportOutcome: outputs, summary, PR comment, annotations, the step's result),
// marked as run on the runner, with one line on what it could not do: compare
// with the base branch's record, which needs credentials.
import * as core from '@actions/core'
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { codeText, escapeHtml } from '../common/untrusted.js'
import { verdictOf, type FollowOutcome } from '../follow/follow-outcome.js'
import type { FollowReport } from '../follow/follow-report.js'
import type { MetricCollector } from '../follow/metric-series.js'
import { commentMarker, upsertPrComment } from '../follow/pr-comment.js'
import { reportOutcome } from '../follow/report-outcome.js'
import { previewOf, type DownloadedResults } from '../follow/results-download.js'
import type { ResultsFetch } from '../follow/fetch-results.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { RunIdentity } from '../plan/run-identity.js'
import { formatDuration } from '../report/format.js'
import { FACT_ORDER, JobReport } from '../report/job-report.js'
import { currentRun } from '../report/run-reference.js'
import type { ContainerOutcome } from './container-run.js'

export interface RunnerRun {
  spec: JobSpec
  identity: RunIdentity
  env: NodeJS.ProcessEnv
  jobName: string
  /** The device the job was given (local-device when the requested one needs AWS). */
  device: string
  python: string
  outcome: ContainerOutcome
  /** The workflow cancel's signal, when one stopped the run. */
  signal?: string
  startedAt: Date
  endedAt: Date
  metrics: MetricCollector
  lastLines: string[]
  resultsDir: string
}

export const RAN_ON_RUNNER =
  'Ran on the runner (run-on-runner): the code ran on this workflow run\u2019s runner as the Braket job container would run it; no AWS ' +
  'job was created and nothing was billed.'
export const NO_COMPARISON =
  "No comparison with the base branch's last run: reading its record needs AWS credentials, which run-on-runner does not use."

/** The run as the GetJob answer a real job would have given, for the shared report. */
function jobRecord(run: RunnerRun): GetJobCommandOutput {
  const status = run.signal ? 'CANCELLED' : run.outcome.outcome
  return {
    $metadata: {},
    status,
    jobArn: undefined,
    jobName: run.jobName,
    roleArn: run.spec.executionRoleArn,
    ...(status === 'FAILED' && run.outcome.failureReason ? { failureReason: run.outcome.failureReason } : {}),
    hyperParameters: run.spec.hyperParameters,
    outputDataConfig: undefined,
    algorithmSpecification: undefined,
    instanceConfig: undefined,
    // Nothing queues on the runner.
    createdAt: undefined,
    startedAt: run.startedAt,
    endedAt: run.endedAt
  }
}

async function savedResults(dir: string): Promise<DownloadedResults | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined)
  if (!entries) return undefined
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
  const results: DownloadedResults = { s3Uri: 'AMZN_BRAKET_JOB_RESULTS_DIR', dir, files, skipped: [] }
  if (files.includes('results.json')) results.resultsPreview = await previewOf(join(dir, 'results.json'))
  return results
}

/** The job's report as a submission's would start, with the runner's facts and its note. */
function runnerJobReport(run: RunnerRun): JobReport {
  const { spec } = run
  const report = new JobReport(
    { name: run.jobName, arn: '', consoleUrl: '' },
    currentRun(run.identity, run.env),
    { status: 'RUNNING', message: `Running ${run.jobName} on the runner.` },
    run.startedAt.getTime()
  )
  const hyperParameters = Object.entries(spec.hyperParameters).map(([name, value]) => codeText(`${name}=${value}`, 200))
  report.setFact({ label: 'Job', value: `${codeText(run.jobName)} (ran on the runner: no AWS job)`, order: FACT_ORDER.job })
  report.setFact({ label: 'Device', value: codeText(run.device), order: FACT_ORDER.device })
  report.setFact({
    label: 'Instance',
    value: `this runner, with ${codeText(run.python)}, stops after ${formatDuration(spec.maxRuntimeInSeconds)}`,
    order: FACT_ORDER.instance
  })
  report.setFact({ label: 'Entry point', value: codeText(spec.entryPoint), order: FACT_ORDER.entryPoint })
  if (hyperParameters.length > 0)
    report.setFact({ label: 'Hyperparameters', value: hyperParameters.join(' '), order: FACT_ORDER.hyperparameters })
  report.addNote('ran-on-runner', `<b>${escapeHtml(RAN_ON_RUNNER)}</b> ${escapeHtml(NO_COMPARISON)}`)
  return report
}

export async function reportRunnerOutcome(run: RunnerRun): Promise<void> {
  const job = jobRecord(run)
  const outcome: FollowOutcome = {
    jobArn: '',
    jobName: run.jobName,
    consoleUrl: '',
    job,
    end: run.signal ? 'workflow-cancel' : 'job-ended',
    ...(run.signal ? { signal: run.signal, cancel: { reason: 'workflow-cancel' as const, cancellationStatus: 'CANCELLED' } } : {}),
    waitTimeoutMinutes: run.spec.follow.waitTimeoutMinutes,
    cancelOnWorkflowCancel: true
  }
  const verdict = verdictOf(outcome, run.endedAt.getTime())
  const results = verdict.status === 'COMPLETED' ? await savedResults(run.resultsDir) : undefined
  const count = results?.files.length ?? 0
  if (results) core.info(`Results: the job's results directory was copied to ${run.resultsDir} (${count} file${count === 1 ? '' : 's'})`)
  const fetch: ResultsFetch = results ? { kind: 'downloaded', results } : { kind: 'not-asked' }
  const report: FollowReport = {
    outcome,
    verdict,
    metrics: run.metrics,
    ...(results ? { results } : {}),
    lastLines: run.lastLines,
    outputS3Path: run.resultsDir,
    now: run.endedAt.getTime()
  }
  core.info(NO_COMPARISON)
  const { spec, identity } = run
  await reportOutcome(report, fetch, {
    report: runnerJobReport(run),
    ...(spec.follow.commentOnPr
      ? {
          comment: async (body: string) => {
            const result = await upsertPrComment(spec.follow.githubToken, commentMarker(identity, spec.idempotencyKey), body)
            core.info(
              result.action === 'skipped' ? `comment-on-pr: no comment (${result.why}).` : `comment-on-pr: ${result.action} the comment`
            )
          }
        }
      : {})
  })
}
