// After the submission: follow the job to its end — status, events and logs in the
// step log, metrics, cancellation with the workflow, results — and make the step's
// outcome the job's.
import * as core from '@actions/core'
import type { BraketClient, GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { S3Client } from '@aws-sdk/client-s3'
import { UnsafeArchiveError } from '../archive/safe-extract.js'
import type { AwsSession } from '../aws/aws-session.js'
import { logsClient } from '../aws/clients.js'
import type { DeviceSummary } from '../aws/braket-submission.js'
import type { JobSpec } from '../plan/job-spec.js'
import type { RunIdentity } from '../plan/run-identity.js'
import { setOutputs, type SubmissionOutputs } from '../report/submission-report.js'
import { systemClock, type Clock } from './clock.js'
import { verdictOf, type FollowOutcome } from './follow-outcome.js'
import { followOutputs, prCommentBody, writeFollowSummary, type FollowReport } from './follow-report.js'
import { markFollowing } from './follow-state.js'
import { JobCanceller } from './job-canceller.js'
import { JobProgress, TERMINAL_STATUSES } from './job-progress.js'
import { LogFollower, LogsUnavailableError } from './log-follower.js'
import { parseMetricLine } from './metric-lines.js'
import { MetricCollector } from './metric-series.js'
import { pollIntervals } from './poll-schedule.js'
import { commentMarker, upsertPrComment } from './pr-comment.js'
import { downloadResults, type DownloadedResults } from './results-download.js'
import { printVerbatim, StepLog } from './step-log.js'
import { awaitEnd, watchJob } from './watch-job.js'
import { WorkflowSignals, type SignalTarget } from './workflow-signals.js'

export interface FollowRequest {
  spec: JobSpec
  identity: RunIdentity
  session: AwsSession
  braket: BraketClient
  s3: S3Client
  submitted: SubmissionOutputs
  device?: DeviceSummary
  env: NodeJS.ProcessEnv
  clock?: Clock
  signals?: SignalTarget
}

/** After a workflow cancel the runner sends SIGTERM ~7.5 s after SIGINT: the job's end is awaited only this long. */
const SETTLE_AFTER_SIGNAL_MS = 4_000
/** After cancelling on timeout there is time left in the job (340 of GitHub's 360 minutes, by default). */
const SETTLE_AFTER_TIMEOUT_MS = 120_000
/** Reads after the job ended, for lines that reach CloudWatch after the status changed. */
const TAIL_READS = 3

export async function followJob(request: FollowRequest): Promise<void> {
  const { spec, submitted } = request
  const follow = spec.follow
  if (follow.githubToken) core.setSecret(follow.githubToken)
  if (!follow.wait) {
    // Not waiting: the comment shows the job as submitted.
    if (follow.commentOnPr) await commentSubmitted(request)
    return
  }

  warnIfCredentialsEndFirst(spec)
  const clock = request.clock ?? systemClock
  const intervals = pollIntervals(request.env)
  const signals = new WorkflowSignals(request.signals)
  const logs = logsClient(request.session)
  markFollowing(follow.cancelOnWorkflowCancel)
  try {
    const jobArn = submitted['job-arn']
    const multiInstance = spec.instanceCount > 1
    const stepLog = new StepLog(multiInstance, follow.streamLogs)
    const metrics = new MetricCollector()
    const progress = new JobProgress()
    const follower = new LogFollower(logs, { jobArn, jobName: submitted['job-name'], instanceCount: spec.instanceCount })
    let logsOn = true
    let warnedLogs = false

    const readLogs = async (): Promise<number> => {
      if (!logsOn) return 0
      try {
        const { lines, errors } = await follower.read()
        for (const line of lines) metrics.add(parseMetricLine(line.message, multiInstance ? line.instance : undefined))
        stepLog.logLines(lines)
        if (errors.length > 0 && !warnedLogs) {
          warnedLogs = true
          core.warning(`Reading the job's log failed (${errors[0]!.name}: ${errors[0]!.message}); trying again at the next poll.`)
        }
        return lines.length
      } catch (error) {
        if (!(error instanceof LogsUnavailableError)) throw error
        logsOn = false
        if (follow.streamLogs) core.warning(error.message, { title: 'stream-logs' })
        else core.info(error.message)
        return 0
      }
    }
    /** The last lines: read until a read brings nothing new (a quick single read when the runner is about to stop the step). */
    const readTail = async () => {
      for (let read = 0; read < (signals.signal.aborted ? 1 : TAIL_READS); read++) {
        if (read > 0) await clock.sleep(Math.min(intervals.initialMs, 2000), signals.signal)
        if ((await readLogs()) === 0 && read > 0) break
      }
    }
    const onJob = async (job: GetJobCommandOutput) => {
      const ended = TERMINAL_STATUSES.has(job.status ?? '')
      // The tail belongs before the line that says the job ended; other phases are announced first.
      if (ended) await readTail()
      stepLog.progress(progress.update(job, clock.now()))
      if (!ended && job.status !== 'QUEUED') await readLogs()
    }

    core.info(
      `Following ${submitted['job-name']} until it ends (at most ${follow.waitTimeoutMinutes} ` +
        `minutes)${follow.streamLogs ? ', with its log' : ''}:`
    )
    const watched = await watchJob({
      braket: request.braket,
      jobArn,
      clock,
      intervals,
      deadline: clock.now() + follow.waitTimeoutMinutes * 60_000,
      abort: signals.signal,
      onJob,
      busy: (job) => follow.streamLogs && job.status === 'RUNNING'
    })
    let job = watched.job
    const canceller = new JobCanceller(request.braket, jobArn)
    const outcome: FollowOutcome = {
      jobArn,
      jobName: submitted['job-name'],
      consoleUrl: submitted['console-url'],
      job,
      end: watched.end,
      waitTimeoutMinutes: follow.waitTimeoutMinutes,
      cancelOnWorkflowCancel: follow.cancelOnWorkflowCancel
    }
    const settle = { braket: request.braket, jobArn, clock, intervals, onJob }
    if (watched.end === 'timeout' && follow.cancelOnTimeout) {
      stepLog.closeGroup()
      outcome.cancel = await canceller.cancel('timeout', `Still ${job.status} after wait-timeout-minutes (${follow.waitTimeoutMinutes})`)
      if (outcome.cancel.cancellationStatus) job = await awaitEnd(settle, job, SETTLE_AFTER_TIMEOUT_MS)
    } else if (watched.end === 'workflow-cancel') {
      outcome.signal = signals.received
      stepLog.closeGroup()
      if (follow.cancelOnWorkflowCancel) {
        outcome.cancel = await canceller.cancel('workflow-cancel', `The workflow run was cancelled (${signals.received})`)
        if (outcome.cancel.cancellationStatus) job = await awaitEnd(settle, job, SETTLE_AFTER_SIGNAL_MS)
      } else {
        core.info(
          `The workflow run was cancelled (${signals.received}); leaving ${jobArn} ${job.status} (cancel-on-workflow-cancel: false).`
        )
      }
    }
    stepLog.closeGroup()
    outcome.job = job
    // The job's fate is settled here (ended, cancelled, or left running on purpose): nothing for the post step to do,
    // unless a cancel this step wanted did not go through.
    const cancelFailed = outcome.cancel !== undefined && !outcome.cancel.cancellationStatus && !TERMINAL_STATUSES.has(job.status ?? '')
    markFollowing(cancelFailed && follow.cancelOnWorkflowCancel)

    const verdict = verdictOf(outcome, clock.now())
    let results: DownloadedResults | undefined
    let resultsNote: string | undefined
    let resultsFailure: string | undefined
    if (follow.downloadResults) {
      if (verdict.status !== 'COMPLETED') resultsNote = `not downloaded: the job is ${verdict.status}`
      else {
        const outputS3Path = job.outputDataConfig?.s3Path ?? submitted['output-s3-path']
        try {
          results = await downloadResults(request.s3, outputS3Path, follow.downloadResults)
          if (results)
            core.info(
              `Results: ${results.s3Uri} extracted into ${results.dir} (${results.files.length} ` +
                `file${results.files.length === 1 ? '' : 's'})`
            )
          else resultsNote = 'the job left no output/model.tar.gz'
        } catch (error) {
          resultsFailure =
            error instanceof UnsafeArchiveError
              ? `Refused to extract the job's results: ${error.message}. Nothing outside ${follow.downloadResults} was written; the ` +
                `archive is not safe to unpack.`
              : `Could not download the job's results: ${(error as Error).message}`
          resultsNote = 'not extracted'
        }
      }
    }

    const report: FollowReport = {
      outcome,
      verdict,
      metrics,
      results,
      resultsNote,
      lastLines: stepLog.lastLines(),
      device: request.device ? `${request.device.providerName} ${request.device.deviceName} (${spec.device})` : spec.device,
      instance: `${spec.instanceCount} × ${spec.instanceType}`,
      outputS3Path: job.outputDataConfig?.s3Path ?? submitted['output-s3-path'],
      now: clock.now()
    }
    setOutputs(followOutputs(report))
    await writeFollowSummary(report)
    if (follow.commentOnPr) await comment(request, prCommentBody(report, request.identity))

    if (verdict.status === 'FAILED' && job.failureReason)
      core.error(job.failureReason, { title: `Braket job ${submitted['job-name']} FAILED` })
    if (!verdict.ok && report.lastLines.length > 0 && verdict.status === 'FAILED') {
      core.info(`Last ${report.lastLines.length} lines of the job's log:`)
      printVerbatim(report.lastLines)
    }
    if (resultsFailure) core.error(resultsFailure, { title: 'download-results' })
    if (!verdict.ok) core.setFailed(verdict.message)
    else if (resultsFailure) core.setFailed(resultsFailure)
    else core.notice(verdict.message, { title: 'Amazon Braket hybrid job' })
  } finally {
    signals.dispose()
    logs.destroy()
  }
}

function warnIfCredentialsEndFirst(spec: JobSpec): void {
  const credentials = spec.credentials
  const waitSeconds = spec.follow.waitTimeoutMinutes * 60
  if (credentials.kind !== 'web-identity' || credentials.durationSeconds >= waitSeconds) return
  core.warning(
    `role-duration-seconds (${credentials.durationSeconds}) is shorter than wait-timeout-minutes (${spec.follow.waitTimeoutMinutes}): ` +
      `the role's credentials end before the wait may. ` +
      `The action re-assumes ${credentials.roleArn} with a fresh OIDC token 5 minutes before they do, which needs the role's trust ` +
      `policy to keep accepting this workflow. ` +
      `To use one session, set role-duration-seconds to ${Math.min(43200, Math.ceil(waitSeconds))} or more (up to the role's maximum ` +
      `session duration).`,
    { title: 'role-duration-seconds' }
  )
}

async function comment(request: FollowRequest, body: string): Promise<void> {
  const marker = commentMarker(request.identity, request.spec.idempotencyKey)
  const result = await upsertPrComment(request.spec.follow.githubToken, marker, body)
  if (result.action === 'skipped') core.info(`comment-on-pr: no comment (${result.why}).`)
  else core.info(`comment-on-pr: ${result.action} ${result.url ?? 'the comment'}`)
}

async function commentSubmitted(request: FollowRequest): Promise<void> {
  const { submitted, identity } = request
  const body = [
    `### ⏳ Amazon Braket hybrid job \`${submitted['job-name']}\`: ${submitted.status}`,
    '',
    `Submitted by workflow run #${identity.runId}; this workflow does not wait for it (wait: false).`,
    '',
    `[Open it in the Braket console](${submitted['console-url']})`
  ].join('\n')
  await comment(request, body)
}
