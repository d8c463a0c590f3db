// What the person reading the step log and summary sees of a submission.
import * as core from '@actions/core'
import type { PackagedSource } from '../archive/package-source.js'
import type { DeviceSummary } from '../aws/braket-submission.js'
import type { Submission } from '../aws/submit-exactly-once.js'
import type { JobPlan } from '../plan/job-plan.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { StageOutcome } from '../upload/stage-object.js'
import { codeText, escapeHtml, markdownText } from '../common/untrusted.js'
import { jobConsoleUrl } from './console-url.js'
import { formatBytes, formatDuration } from './format.js'
import { FACT_ORDER, JobReport, type Fact } from './job-report.js'
import { logHeading, logRow } from './log-layout.js'
import type { RunReference } from './run-reference.js'

export function describeSource(spec: JobSpec, source: PackagedSource): string {
  if (source.compressionType === 'NONE') return `${spec.sourceDir} (${formatBytes(source.sizeBytes)}, uploaded as is)`
  return `${spec.sourceDir} → ${source.rootName}/ (${source.fileCount} files, ${formatBytes(source.sizeBytes)})`
}

export function logPackaging(spec: JobSpec, source: PackagedSource): void {
  logHeading('Source')
  logRow('packaged', describeSource(spec, source))
  logRow('sha256', `${source.sha256} (${source.compressionType === 'GZIP' ? 'of the tree: names, modes and file hashes' : 'of the file'})`)
  for (const skipped of source.skipped) {
    if (skipped.expected) logRow('left out', `${skipped.path} (${skipped.reason})`)
    else core.warning(`Left out of the archive: ${skipped.path} (${skipped.reason})`, { title: 'source-dir' })
  }
}

export function logStaged(sourceS3Uri: string, staged: StageOutcome): void {
  if (staged.state === 'already-there') return logRow('source object', `${sourceS3Uri} (already there: same content, not uploaded again)`)
  const how = staged.parts > 0 ? `${staged.parts} parts` : 'one request'
  logRow('source object', `${sourceS3Uri} (uploaded: ${formatBytes(staged.bytes)} in ${how})`)
  if (staged.abortedLeftovers > 0) logRow('cleaned up', `${staged.abortedLeftovers} unfinished upload(s) of the same key`)
  if (staged.cleanupProblem) core.warning(staged.cleanupProblem, { title: 'Source upload' })
}

export function logPlan(spec: JobSpec, plan: JobPlan, device?: DeviceSummary): void {
  const hyperParameters = Object.entries(spec.hyperParameters)
  logHeading('Job')
  logRow('job name', plan.jobName)
  logRow('entry point', spec.entryPoint)
  logRow(
    'device',
    device
      ? `${spec.device} (${device.providerName} ${device.deviceName}, ` +
          `${device.deviceStatus}${device.queueSize ? `, ${device.queueSize} jobs queued` : ''})`
      : spec.device
  )
  logRow(
    'instance',
    `${spec.instanceCount} × ${spec.instanceType}, ${spec.volumeSizeInGb} GB, stops after ${formatDuration(spec.maxRuntimeInSeconds)}`
  )
  logRow('image', spec.imageUri)
  logRow('hyperparameters', hyperParameters.length ? hyperParameters.map(([k, v]) => `${k}=${v}`).join(', ') : '(none)')
  for (const channel of plan.request.inputDataConfig ?? [])
    logRow(`input ${channel.channelName}`, channel.dataSource?.s3DataSource?.s3Uri ?? '')
  logRow('output', plan.outputS3Path)
  logRow('client token', plan.clientToken)
}

export interface SubmissionOutputs {
  'job-arn': string
  'job-name': string
  'client-token': string
  'source-s3-uri': string
  'output-s3-path': string
  'console-url': string
  status: string
}

export function submissionOutputs(region: string, submission: Submission): SubmissionOutputs {
  return {
    'job-arn': submission.jobArn,
    'job-name': submission.plan.jobName,
    'client-token': submission.plan.clientToken,
    'source-s3-uri': submission.plan.sourceS3Uri,
    'output-s3-path': submission.plan.outputS3Path,
    'console-url': jobConsoleUrl(region, submission.jobArn),
    status: submission.status
  }
}

export function announceJob(outputs: SubmissionOutputs, reused: boolean): void {
  core.notice(`${reused ? 'Using' : 'Created'} Braket hybrid job ${outputs['job-name']} (${outputs.status}): ${outputs['console-url']}`, {
    title: 'Amazon Braket hybrid job'
  })
}

/**
 * The report of a job just submitted. When the step does not follow the job, it is the
 * whole story; when it does, following completes it and the summary is written again.
 */
export function submissionReport(
  spec: JobSpec,
  source: PackagedSource,
  outputs: SubmissionOutputs,
  run: RunReference,
  now: number,
  device?: DeviceSummary
): JobReport {
  const job = { name: outputs['job-name'], arn: outputs['job-arn'], consoleUrl: outputs['console-url'] }
  const next = spec.follow.wait
    ? 'This step follows it to its end.'
    : 'This step does not wait for it (wait: false): it runs on in Amazon Braket, where the console shows how it ends.'
  const report = new JobReport(job, run, { status: outputs.status, message: `Submitted ${job.name}. ${next}` }, now)
  for (const fact of submissionFacts(spec, source, outputs, device)) report.setFact(fact)
  return report
}

function submissionFacts(spec: JobSpec, source: PackagedSource, outputs: SubmissionOutputs, device?: DeviceSummary): Fact[] {
  const link = `<a href="${escapeHtml(outputs['console-url'])}">${markdownText(outputs['job-name'])}</a> in the Braket console`
  const deviceName = device ? `${markdownText(`${device.providerName} ${device.deviceName}`)} ` : ''
  const instance = `${spec.instanceCount} × ${escapeHtml(spec.instanceType)}, ${spec.volumeSizeInGb} GB`
  const hyperParameters = Object.entries(spec.hyperParameters).map(([name, value]) => codeText(`${name}=${value}`, 200))
  const files = `${source.fileCount} file${source.fileCount === 1 ? '' : 's'}`
  return [
    { label: 'Job', value: link, order: FACT_ORDER.job },
    { label: 'Job ARN', value: codeText(outputs['job-arn']), order: FACT_ORDER.job + 1, only: 'summary' },
    { label: 'Device', value: `${deviceName}${codeText(spec.device)}`, order: FACT_ORDER.device },
    { label: 'Instance', value: `${instance}, stops after ${formatDuration(spec.maxRuntimeInSeconds)}`, order: FACT_ORDER.instance },
    { label: 'Entry point', value: codeText(spec.entryPoint), order: FACT_ORDER.entryPoint },
    ...(hyperParameters.length ? [{ label: 'Hyperparameters', value: hyperParameters.join(' '), order: FACT_ORDER.hyperparameters }] : []),
    {
      label: 'Source',
      value: `${files}, ${formatBytes(source.sizeBytes)}, sha256 ${codeText(source.sha256.slice(0, 12))}`,
      order: FACT_ORDER.source,
      only: 'summary'
    },
    { label: 'Output', value: codeText(outputs['output-s3-path']), order: FACT_ORDER.output, only: 'summary' }
  ]
}

export function setOutputs(outputs: object): void {
  for (const [name, value] of Object.entries(outputs)) if (value !== undefined) core.setOutput(name, String(value))
}
