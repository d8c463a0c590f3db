// The outcome of a job nobody waited for (wait: false, or a wait that timed out),
// read by a later run that needs it as a baseline: GetJob, and once the job has
// ended, the metrics from its whole log, read the way following reads them.
import type { BraketClient, GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { describeJob } from '../aws/braket-submission.js'
import { JobLogReader } from '../follow/job-log-reader.js'
import { MetricCollector } from '../follow/metric-series.js'
import { StepLog } from '../follow/step-log.js'
import type { JobOutcome } from './build-record.js'
import { ENDED_STATUSES, type ExperimentRecord } from './record.js'
import { recordMetrics } from './record-metrics.js'

/** Reads of the whole log, each up to 20 pages a stream: a long log is read in full, an endless one is not waited on. */
const MAX_LOG_READS = 50

export async function readJobOutcome(braket: BraketClient, logs: CloudWatchLogsClient, record: ExperimentRecord): Promise<JobOutcome> {
  const job: GetJobCommandOutput = await describeJob(braket, record.job.arn)
  if (!ENDED_STATUSES.has(job.status ?? '')) return { job, metrics: record.metrics }
  const metrics = new MetricCollector()
  const target = { jobArn: record.job.arn, jobName: record.job.name, instanceCount: record.job.instanceCount }
  // Nothing of that job's log is printed here: only its metrics are wanted.
  const reader = new JobLogReader(logs, target, metrics, new StepLog(target.instanceCount > 1, false), false)
  for (let read = 0; read < MAX_LOG_READS && (await reader.read()) > 0; read++);
  return { job, metrics: recordMetrics(metrics) }
}
