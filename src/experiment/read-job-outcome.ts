// The outcome of a job nobody waited for (wait: false, or a wait that timed out),
// read by a later run that needs it as a baseline: GetJob, and once the job has
// ended, the metrics from its whole log, read the way following reads them.
import type { BraketClient, GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import * as core from '@actions/core'
import { describeJob } from '../aws/braket-submission.js'
import { describeError } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import { regionOfArn } from '../cost/devices.js'
import type { FinalSpend, SpendSpec } from '../cost/spend-tracker.js'
import { JobLogReader } from '../follow/job-log-reader.js'
import { MetricCollector } from '../follow/metric-series.js'
import { StepLog } from '../follow/step-log.js'
import type { JobOutcome } from './build-record.js'
import { ENDED_STATUSES, type ExperimentRecord } from './record.js'
import { recordMetrics } from './record-metrics.js'
import { recordCost, recordTasks } from './record-spend.js'

/** Reads of the whole log, each up to 20 pages a stream: a long log is read in full, an endless one is not waited on. */
const MAX_LOG_READS = 50

/** A job's final cost and quantum tasks, from its GetJob answer. */
export type SpendOf = (target: SpendSpec & { jobArn: string }, job: GetJobCommandOutput) => Promise<FinalSpend>

export async function readJobOutcome(
  braket: BraketClient,
  logs: CloudWatchLogsClient,
  record: ExperimentRecord,
  spendOf?: SpendOf
): Promise<JobOutcome> {
  const job: GetJobCommandOutput = await describeJob(braket, record.job.arn)
  if (!ENDED_STATUSES.has(job.status ?? '')) return { job, metrics: record.metrics }
  const metrics = new MetricCollector()
  const target = { jobArn: record.job.arn, jobName: record.job.name, instanceCount: record.job.instanceCount }
  // Nothing of that job's log is printed here: only its metrics are wanted.
  const reader = new JobLogReader(logs, target, metrics, new StepLog(target.instanceCount > 1, false), false)
  for (let read = 0; read < MAX_LOG_READS && (await reader.read()) > 0; read++);
  const spend = spendOf ? await spendOfRecord(spendOf, record, job) : undefined
  return {
    job,
    metrics: recordMetrics(metrics),
    ...(spend ? { cost: recordCost(spend.cost) } : {}),
    ...(spend?.tasks ? { quantumTasks: recordTasks(spend.tasks) } : {})
  }
}

async function spendOfRecord(spendOf: SpendOf, record: ExperimentRecord, job: GetJobCommandOutput): Promise<FinalSpend | undefined> {
  const { job: recorded } = record
  try {
    return await spendOf(
      {
        jobArn: recorded.arn,
        region: regionOfArn(recorded.arn) ?? '',
        device: recorded.device,
        instanceType: recorded.instanceType,
        instanceCount: recorded.instanceCount,
        volumeSizeInGb: recorded.volumeSizeGb,
        ...(recorded.reservationArn ? { reservationArn: recorded.reservationArn } : {})
      },
      job
    )
  } catch (error) {
    core.warning(
      logText(`The cost of ${recorded.arn} could not be estimated (${describeError(error)}); it is compared without it.`, 2000),
      {
        title: 'experiment'
      }
    )
    return undefined
  }
}
