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
import { logHeading, logRow } from '../report/log-layout.js'
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

export async function writeAttachedSummary(job: KnownJob, target: FollowTarget, identity: RunIdentity): Promise<void> {
  const provenance = provenanceOf(job, identity)
  const submittedBy = provenance
    ? provenance.url
      ? `<a href="${escapeHtml(provenance.url)}">${markdownText(provenance.text)}</a>`
      : markdownText(provenance.text)
    : 'not this action (no github:* tags)'
  await core.summary
    .addHeading('Amazon Braket hybrid job (attached)', 2)
    .addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true }
      ],
      ['Job name', codeText(target.jobName)],
      ['Status when attached', markdownText(target.status)],
      ['Job ARN', codeText(target.jobArn)],
      ['Submitted by', submittedBy],
      ['Device', codeText(target.deviceLabel)],
      ['Instance', `${target.instanceCount} × ${markdownText(target.instanceType)}`],
      ['Output', target.outputS3Path ? codeText(target.outputS3Path) : '—'],
      ['Console', `<a href="${escapeHtml(target.consoleUrl)}">Open in the Braket console</a>`]
    ])
    .write()
}
