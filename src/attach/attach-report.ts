// What the step log, outputs and summary say about a job this step attached to:
// which job, where it stands, and who submitted it (from its provenance tags,
// which are the job's text: escaped wherever they are shown).
import * as core from '@actions/core'
import type { KnownJob } from './read-job.js'
import { codeText, escapeHtml, logText, markdownText } from '../common/untrusted.js'
import type { FollowTarget } from '../follow/follow-target.js'
import { stamp } from '../follow/job-progress.js'
import { PROVENANCE_TAG_PREFIX } from '../inputs/tags-section.js'
import type { RunIdentity } from '../plan/run-identity.js'
import { FACT_ORDER, JobReport, type Fact } from '../report/job-report.js'
import { logHeading, logRow } from '../report/log-layout.js'
import type { RunReference } from '../report/run-reference.js'
import { setOutputs } from '../report/submission-report.js'

interface Provenance {
  text: string
  /** The submitting run's page, when the tags name one of this server's repositories. */
  url?: string
}

/** "workflow run 4242 (attempt 2) of octo/quantum-lab", from the job's github:* tags; undefined for a job submitted otherwise. */
export function provenanceOf(job: KnownJob, identity: RunIdentity): Provenance | undefined {
  const tag = (name: string) => job.tags?.[`${PROVENANCE_TAG_PREFIX}${name}`]
  const repository = tag('repository')
  const runId = tag('run-id')
  if (!repository || !runId) return undefined
  const attempt = tag('run-attempt')
  const workflow = tag('workflow')
  const ofAttempt = attempt && attempt !== '1' ? ` (attempt ${attempt})` : ''
  const text = `${workflow ? `"${workflow}" ` : ''}run ${runId}${ofAttempt} of ${repository}`
  const linkable = /^[\w.-]+\/[\w.-]+$/.test(repository) && /^\d+$/.test(runId)
  return { text, ...(linkable ? { url: `${identity.serverUrl}/${repository}/actions/runs/${runId}` } : {}) }
}

export function logAttached(job: KnownJob, target: FollowTarget, identity: RunIdentity): void {
  const provenance = provenanceOf(job, identity)
  logHeading('Job (attached: submitted elsewhere, followed here)')
  logRow('job name', logText(target.jobName))
  logRow('job ARN', logText(target.jobArn))
  logRow('status', `${logText(target.status)}${job.createdAt ? `, created ${stamp(job.createdAt)}` : ''}`)
  logRow('device', logText(target.deviceLabel))
  logRow('instance', `${target.instanceCount} × ${logText(target.instanceType)}`)
  logRow('submitted by', provenance ? logText(provenance.text) : 'not this action (the job has no github:* tags)')
  logRow('log', target.logsSince === undefined ? "from the job's start" : `from ${stamp(target.logsSince)} (logs-since)`)
  core.notice(`Following Braket hybrid job ${logText(target.jobName)} (${logText(target.status)}): ${target.consoleUrl}`, {
    title: 'Amazon Braket hybrid job (attached)'
  })
}

export function setAttachedOutputs(job: KnownJob, target: FollowTarget): void {
  setOutputs({
    'job-arn': target.jobArn,
    'job-name': target.jobName,
    'source-s3-uri': job.algorithmSpecification?.scriptModeConfig?.s3Uri,
    'output-s3-path': target.outputS3Path || undefined,
    'console-url': target.consoleUrl,
    status: target.status
  })
}

/** The report of an attached job (summary and PR comment): who submitted it, what it runs on; following completes it. */
export function attachedReport(
  job: KnownJob,
  target: FollowTarget,
  identity: RunIdentity,
  run: RunReference,
  wait: boolean,
  now: number
): JobReport {
  const provenance = provenanceOf(job, identity)
  const by = provenance ? `, submitted by ${provenance.text}` : ', submitted without this action'
  const next = wait
    ? 'This step follows it to its end.'
    : 'This step does not wait for it (wait: false): the Braket console shows how it ends.'
  const report = new JobReport(
    { name: target.jobName, arn: target.jobArn, consoleUrl: target.consoleUrl },
    run,
    { status: target.status, message: `Attached to ${target.jobName}${by}. ${next}` },
    now
  )
  const submittedBy = provenance
    ? provenance.url
      ? `<a href="${escapeHtml(provenance.url)}">${markdownText(provenance.text)}</a>`
      : markdownText(provenance.text)
    : 'not this action (the job has no github:* tags)'
  const facts: Fact[] = [
    {
      label: 'Job',
      value: `<a href="${escapeHtml(target.consoleUrl)}">${markdownText(target.jobName)}</a> in the Braket console`,
      order: FACT_ORDER.job
    },
    { label: 'Job ARN', value: codeText(target.jobArn), order: FACT_ORDER.job + 1, only: 'summary' },
    { label: 'Device', value: codeText(target.deviceLabel), order: FACT_ORDER.device },
    { label: 'Instance', value: `${target.instanceCount} × ${markdownText(target.instanceType)}`, order: FACT_ORDER.instance },
    { label: 'Submitted by', value: submittedBy, order: FACT_ORDER.source },
    ...(target.outputS3Path
      ? [{ label: 'Output', value: codeText(target.outputS3Path), order: FACT_ORDER.output, only: 'summary' as const }]
      : [])
  ]
  for (const fact of facts) report.setFact(fact)
  return report
}
