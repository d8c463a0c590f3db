// The run as an experiment, once its job is submitted: the cost estimate in its report,
// its record written, and what following must do — track the job's spend and quantum
// tasks (cancelling at max-cost-usd), then complete the record and compare the job
// with its baseline, in the report and the outputs.
import * as github from '@actions/github'
import type { BraketClient } from '@aws-sdk/client-braket'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { S3Client } from '@aws-sdk/client-s3'
import type { AwsSession } from '../aws/aws-session.js'
import { logsClient } from '../aws/clients.js'
import { spendOfEndedJob, trackSpend } from '../cost/cost-phase.js'
import type { CostPlan } from '../cost/cost-plan.js'
import { estimateSection } from '../cost/cost-section.js'
import type { FollowObserver } from '../follow/follow-observer.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { RunIdentity } from '../plan/run-identity.js'
import type { JobReport } from '../report/job-report.js'
import type { SubmissionOutputs } from '../report/submission-report.js'
import { reportView } from './comparison-section.js'
import { experimentObserver } from './experiment-observer.js'
import { ExperimentRun } from './experiment-run.js'
import type { RecordBucket } from './record-store.js'
import type { EventPayload } from './run-subject.js'

export interface ExperimentDeps {
  spec: JobSpec
  identity: RunIdentity
  env: NodeJS.ProcessEnv
  session: AwsSession
  s3: S3Client
  braket: BraketClient
  bucket: RecordBucket
  /** The rates and worst case read before submitting. */
  cost: CostPlan
  /** The job's report: the estimate now, the cost, tasks and comparison at the end. */
  report: JobReport
  /** The event payload; by default the runner's (GITHUB_EVENT_PATH). */
  payload?: EventPayload
}

/** The observers that following tells of the job's progress and end: its spend first, then its record and comparison. */
export async function beginExperiment(deps: ExperimentDeps, submitted: SubmissionOutputs): Promise<FollowObserver[]> {
  const { spec, session, report, cost } = deps
  report.addSection(estimateSection(spec, cost))
  const spend = trackSpend(cost, spec, session, submitted['job-arn'], deps.env, report)
  let logs: CloudWatchLogsClient | undefined
  const run = await ExperimentRun.begin(
    {
      ...deps,
      payload: deps.payload ?? (github.context.payload as EventPayload),
      logs: () => (logs ??= logsClient(session)),
      now: () => new Date(),
      spendOf: spendOfEndedJob(cost, session)
    },
    submitted
  )
  const experiment = experimentObserver(run, spend, reportView(report))
  return [
    spend,
    {
      name: experiment.name,
      async onEnd(followed) {
        try {
          return await experiment.onEnd?.(followed)
        } finally {
          logs?.destroy()
        }
      }
    }
  ]
}
