// After the submission: follow the job to its end — status, events and logs in the
// step log, metrics, cancellation with the workflow, results — and make the step's
// outcome the job's.
import * as core from '@actions/core'
import type { BraketClient, GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { S3Client } from '@aws-sdk/client-s3'
import { offerHandOff } from '../attach/hand-off.js'
import type { AwsSession } from '../aws/aws-session.js'
import { logText } from '../common/untrusted.js'
import { logsClient } from '../aws/clients.js'
import type { CredentialSource } from '../inputs/credentials-section.js'
import type { FollowSpec } from '../inputs/follow-section.js'
import type { RunIdentity } from '../plan/run-identity.js'
import type { JobReport } from '../report/job-report.js'
import { renderReport } from '../report/render-report.js'
import { systemClock, type Clock } from './clock.js'
import { fetchResults, resultsNote } from './fetch-results.js'
import { notifyEnd, notifyJob, type FollowObserver } from './follow-observer.js'
import { verdictOf, type FollowOutcome } from './follow-outcome.js'
import type { FollowReport } from './follow-report.js'
import { markFollowing } from './follow-state.js'
import type { FollowTarget } from './follow-target.js'
import { JobCanceller } from './job-canceller.js'
import { JobLogReader } from './job-log-reader.js'
import { JobProgress, TERMINAL_STATUSES } from './job-progress.js'
import { MetricCollector } from './metric-series.js'
import { pollIntervals } from './poll-schedule.js'
import { commentMarker, upsertPrComment } from './pr-comment.js'
import { reportOutcome } from './report-outcome.js'
import { settleJob } from './settle-job.js'
import { StepLog } from './step-log.js'
import { watchJob } from './watch-job.js'
import { WorkflowSignals, type SignalTarget } from './workflow-signals.js'

export interface FollowRequest {
  target: FollowTarget
  follow: FollowSpec
  /** Part of the PR comment's marker: one comment per workflow job, step and key. */
  commentKey: string
  credentials: CredentialSource
  identity: RunIdentity
  /** The job's report from its submission; following completes it. */
  report: JobReport
  session: AwsSession
  braket: BraketClient
  s3: S3Client
  env: NodeJS.ProcessEnv
  clock?: Clock
  signals?: SignalTarget
  /** Told of every GetJob answer and of the end (experiment record, cost, quantum tasks). */
  observers?: readonly FollowObserver[]
}

/** What a step's inputs ask of following, and what it has to follow with. */
export interface FollowPlan {
  follow: FollowSpec
  idempotencyKey: string
  credentials: CredentialSource
}

/** With wait or comment-on-pr, follows the job (a submitted one or an attached one alike); otherwise nothing. */
export async function followIfAsked(
  target: FollowTarget,
  plan: FollowPlan,
  context: Pick<FollowRequest, 'identity' | 'report' | 'session' | 'braket' | 's3' | 'env' | 'observers'>
): Promise<void> {
  if (!plan.follow.wait && !plan.follow.commentOnPr) return
  await followJob({ target, follow: plan.follow, commentKey: plan.idempotencyKey, credentials: plan.credentials, ...context })
}

export async function followJob(request: FollowRequest): Promise<void> {
  const { follow, target } = request
  if (follow.githubToken) core.setSecret(follow.githubToken)
  if (!follow.wait) {
    // Not waiting: the comment shows the job as submitted.
    if (follow.commentOnPr) await comment(request, renderReport(request.report, 'comment'))
    return
  }
  warnIfCredentialsEndFirst(request.credentials, follow)
  const clock = request.clock ?? systemClock
  const observers = request.observers ?? []
  const intervals = pollIntervals(request.env)
  const signals = new WorkflowSignals(request.signals)
  const logs = logsClient(request.session)
  markFollowing(follow.cancelOnWorkflowCancel)
  try {
    const stepLog = new StepLog(target.instanceCount > 1, follow.streamLogs)
    const metrics = new MetricCollector()
    const reader = new JobLogReader(logs, target, metrics, stepLog, follow.streamLogs)
    const progress = new JobProgress()
    const canceller = new JobCanceller(request.braket, target.jobArn)
    const onJob = async (job: GetJobCommandOutput) => {
      const ended = TERMINAL_STATUSES.has(job.status ?? '')
      // The tail belongs before the line that says the job ended; other phases are announced first.
      if (ended) await reader.readTail(clock, intervals.initialMs, signals.signal)
      stepLog.progress(progress.update(job, clock.now()))
      if (!ended && job.status !== 'QUEUED') await reader.read()
      await notifyJob(observers, job, canceller)
    }

    const logNote = follow.streamLogs ? ', with its log' : ''
    core.info(`Following ${target.jobName} until it ends (at most ${follow.waitTimeoutMinutes} minutes)${logNote}:`)
    const poll = { braket: request.braket, jobArn: target.jobArn, clock, intervals, onJob }
    const deadline = clock.now() + follow.waitTimeoutMinutes * 60_000
    const busy = (job: GetJobCommandOutput) => follow.streamLogs && job.status === 'RUNNING'
    const watched = await watchJob({ ...poll, deadline, abort: signals.signal, busy })
    stepLog.closeGroup()
    const settled = await settleJob({ watched, follow, canceller, poll, ...(signals.received ? { signal: signals.received } : {}) })
    stepLog.closeGroup()
    const outcome: FollowOutcome = {
      ...settled,
      jobArn: target.jobArn,
      jobName: target.jobName,
      consoleUrl: target.consoleUrl,
      end: watched.end,
      waitTimeoutMinutes: follow.waitTimeoutMinutes,
      cancelOnWorkflowCancel: follow.cancelOnWorkflowCancel
    }
    // The job's fate is settled here (ended, cancelled, or left running on purpose): nothing for the post step
    // to do, unless a cancel this step wanted did not go through.
    const cancelFailed =
      outcome.cancel !== undefined && !outcome.cancel.cancellationStatus && !TERMINAL_STATUSES.has(outcome.job.status ?? '')
    markFollowing(cancelFailed && follow.cancelOnWorkflowCancel)

    const verdict = verdictOf(outcome, clock.now())
    const outputS3Path = outcome.job.outputDataConfig?.s3Path ?? target.outputS3Path
    const fetched = await fetchResults(request.s3, verdict.status, outputS3Path, follow.downloadResults)
    const report: FollowReport = {
      outcome,
      verdict,
      metrics,
      ...(fetched.kind === 'downloaded' ? { results: fetched.results } : {}),
      resultsNote: resultsNote(fetched),
      lastLines: stepLog.lastLines(),
      outputS3Path,
      now: clock.now()
    }
    // A job left running on purpose: the step that picks it up later, in the log and in the report.
    if (outcome.end === 'timeout' && !outcome.cancel) {
      offerHandOff(request.report, {
        jobArn: target.jobArn,
        credentials: request.credentials,
        follow,
        lastLogLine: reader.lastTimestamp,
        env: request.env
      })
    }
    const failures = await notifyEnd(observers, report)
    await reportOutcome(report, fetched, {
      report: request.report,
      ...(follow.commentOnPr ? { comment: (body: string) => comment(request, body) } : {})
    })
    for (const failure of failures) core.setFailed(failure)
  } finally {
    signals.dispose()
    logs.destroy()
  }
}

function warnIfCredentialsEndFirst(credentials: CredentialSource, follow: FollowSpec): void {
  const waitSeconds = follow.waitTimeoutMinutes * 60
  if (credentials.kind !== 'web-identity' || credentials.durationSeconds >= waitSeconds) return
  core.warning(
    `role-duration-seconds (${credentials.durationSeconds}) is shorter than wait-timeout-minutes (${follow.waitTimeoutMinutes}): ` +
      `the role's credentials end before the wait may. The action re-assumes ${credentials.roleArn} with a fresh OIDC token ` +
      `5 minutes before they do, which needs the role's trust policy to keep accepting this workflow. To use one session, set ` +
      `role-duration-seconds to ${Math.min(43200, Math.ceil(waitSeconds))} or more (up to the role's maximum session duration).`,
    { title: 'role-duration-seconds' }
  )
}

async function comment(request: FollowRequest, body: string): Promise<void> {
  const marker = commentMarker(request.identity, request.commentKey)
  const result = await upsertPrComment(request.follow.githubToken, marker, body)
  if (result.action === 'skipped') core.info(`comment-on-pr: no comment (${logText(result.why)}).`)
  else core.info(`comment-on-pr: ${result.action} ${result.url ? logText(result.url) : 'the comment'}`)
}
