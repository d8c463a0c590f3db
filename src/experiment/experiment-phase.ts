// The experiment phase of a run: the submitted job's record now, and what
// following must do at the end to complete it and compare it with its baseline.
import type { BraketClient } from '@aws-sdk/client-braket'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { S3Client } from '@aws-sdk/client-s3'
import * as github from '@actions/github'
import type { AwsSession } from '../aws/aws-session.js'
import { logsClient } from '../aws/clients.js'
import type { FollowObserver } from '../follow/follow-observer.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { RunIdentity } from '../plan/run-identity.js'
import type { SubmissionOutputs } from '../report/submission-report.js'
import { experimentObserver, type ComparisonView, type SpendSource } from './experiment-observer.js'
import { ExperimentRun } from './experiment-run.js'
import type { RecordBucket } from './record-store.js'
import type { SpendOf } from './read-job-outcome.js'
import type { EventPayload } from './run-subject.js'

export interface ExperimentDeps {
  spec: JobSpec
  identity: RunIdentity
  env: NodeJS.ProcessEnv
  session: AwsSession
  s3: S3Client
  braket: BraketClient
  bucket: RecordBucket
  /** The job's final cost and tasks, for the record. */
  spend?: SpendSource
  /** The final cost and tasks of a baseline job nobody waited for. */
  spendOf?: SpendOf
  view?: ComparisonView
  /** The event payload; by default the runner's (GITHUB_EVENT_PATH). */
  payload?: EventPayload
}

export async function recordExperiment(deps: ExperimentDeps, submitted: SubmissionOutputs): Promise<FollowObserver> {
  let logs: CloudWatchLogsClient | undefined
  const run = await ExperimentRun.begin(
    {
      ...deps,
      payload: deps.payload ?? (github.context.payload as EventPayload),
      logs: () => (logs ??= logsClient(deps.session)),
      now: () => new Date()
    },
    submitted
  )
  const observer = experimentObserver(run, deps.spend, deps.view)
  return {
    name: observer.name,
    async onEnd(report) {
      try {
        return await observer.onEnd?.(report)
      } finally {
        logs?.destroy()
      }
    }
  }
}
