// wait-timeout-minutes ran out and the job was left running (cancel-on-timeout:
// false): the step says exactly which step picks the job up later, with its ARN,
// its credentials and the log's place, ready to paste.
import * as core from '@actions/core'
import { escapeHtml, logText } from '../common/untrusted.js'
import type { CredentialSource } from '../inputs/credentials-section.js'
import type { FollowSpec } from '../inputs/follow-section.js'
import { SECTION_ORDER, type JobReport } from '../report/job-report.js'

/** Right under the notes: what to do next comes before the details. */
const HAND_OFF_ORDER = SECTION_ORDER.notes + 10

export interface HandOff {
  jobArn: string
  credentials: CredentialSource
  follow: Pick<FollowSpec, 'commentOnPr' | 'streamLogs'>
  /** The time of the last log line this step read (epoch ms): the later step reads on from just after it. */
  lastLogLine?: number
  env: NodeJS.ProcessEnv
}

/** `owner/repo@ref` of this action as the workflow named it, when the runner says. */
function actionReference(env: NodeJS.ProcessEnv): string {
  const repository = env.GITHUB_ACTION_REPOSITORY ?? ''
  const ref = env.GITHUB_ACTION_REF ?? ''
  return /^[\w.-]+\/[\w.-]+$/.test(repository) && /^[\w./-]+$/.test(ref) ? `${repository}@${ref}` : 'OWNER/REPO@v1'
}

export function handOffStep(handOff: HandOff): string {
  const lines = [
    `- uses: ${actionReference(handOff.env)}`,
    '  with:',
    `    job-arn: ${logText(handOff.jobArn)}`,
    ...(handOff.credentials.kind === 'web-identity'
      ? [`    role-to-assume: ${logText(handOff.credentials.roleArn)}   # needs permissions: id-token: write`]
      : []),
    '    wait: true',
    ...(handOff.lastLogLine !== undefined
      ? [
          `    logs-since: ${new Date(handOff.lastLogLine + 1).toISOString()}   # the log after the last line this step printed; ` +
            'leave out for the whole log and complete charts'
        ]
      : []),
    ...(handOff.follow.commentOnPr ? ['    comment-on-pr: true'] : [])
  ]
  return lines.join('\n')
}

/** Prints the step into the log, and adds it to the report's summary (the author's to act on, not a reviewer's). */
export function offerHandOff(report: JobReport, handOff: HandOff): void {
  const step = handOffStep(handOff)
  core.info(
    'The job runs on. To follow it to its end later, add this step to a job whose runner can wait that long (a self-hosted ' +
      'runner with timeout-minutes above the wait; GitHub-hosted jobs stop after 360 minutes), or to a workflow run by hand:'
  )
  for (const line of step.split('\n')) core.info(`    ${line}`)
  report.addSection({
    id: 'hand-off',
    title: 'Pick the job up later',
    order: HAND_OFF_ORDER,
    render: (channel) =>
      channel === 'summary'
        ? 'The job was left running (cancel-on-timeout: false). This step follows it to its end from another job or workflow:\n\n' +
          `<pre lang="yaml"><code>${escapeHtml(step)}</code></pre>`
        : undefined
  })
}
