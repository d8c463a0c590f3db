// What the person reading the step log and summary sees of a submission.
import * as core from '@actions/core'
import type { PackagedSource } from '../archive/package-source.js'
import type { DeviceSummary } from '../aws/braket-submission.js'
import type { Submission } from '../aws/submit-exactly-once.js'
import type { JobPlan } from '../plan/job-plan.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { StageOutcome } from '../upload/stage-object.js'
import { jobConsoleUrl } from './console-url.js'
import { formatBytes, formatDuration } from './format.js'
import { logHeading, logRow } from './log-layout.js'

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

export async function writeSubmissionSummary(
  spec: JobSpec,
  source: PackagedSource,
  outputs: SubmissionOutputs,
  device?: DeviceSummary
): Promise<void> {
  const deviceLabel = device ? `${device.providerName} ${device.deviceName} (<code>${spec.device}</code>)` : `<code>${spec.device}</code>`
  await core.summary
    .addHeading('Amazon Braket hybrid job', 2)
    .addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true }
      ],
      ['Job name', `<code>${outputs['job-name']}</code>`],
      ['Status', outputs.status],
      ['Job ARN', `<code>${outputs['job-arn']}</code>`],
      ['Device', deviceLabel],
      ['Instance', `${spec.instanceCount} × ${spec.instanceType}, ${spec.volumeSizeInGb} GB`],
      ['Entry point', `<code>${spec.entryPoint}</code>`],
      ['Source', `${source.fileCount} files, ${formatBytes(source.sizeBytes)}, sha256 <code>${source.sha256.slice(0, 12)}</code>`],
      ['Output', `<code>${outputs['output-s3-path']}</code>`],
      ['Console', `<a href="${outputs['console-url']}">Open in the Braket console</a>`]
    ])
    .write()
}

export function setOutputs(outputs: object): void {
  for (const [name, value] of Object.entries(outputs)) if (value !== undefined) core.setOutput(name, String(value))
}
