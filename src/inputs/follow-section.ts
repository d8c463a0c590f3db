// The inputs that decide whether and how the action follows the job after submitting it.
import { isAbsolute, resolve } from 'node:path'
import type { RawInputs } from './action-inputs.js'
import { parseBoolean, shownValue, type Report } from './parse-input.js'

export interface FollowSpec {
  wait: boolean
  /** Minutes; fractions allowed. */
  waitTimeoutMinutes: number
  cancelOnTimeout: boolean
  cancelOnWorkflowCancel: boolean
  streamLogs: boolean
  /** Absolute directory to extract output/model.tar.gz into; undefined: no download. */
  downloadResults?: string
  commentOnPr: boolean
  githubToken: string
}

export const DEFAULT_WAIT_TIMEOUT_MINUTES = 340
/** A self-hosted runner's job may run 5 days; GitHub-hosted ones stop at 6 hours. */
const MAX_WAIT_TIMEOUT_MINUTES = 5 * 24 * 60

/**
 * `attached`: the job was submitted elsewhere (job-arn, attach). It is not this run's to cancel unless the workflow
 * says so: cancel-on-timeout and cancel-on-workflow-cancel default to false for it, to true for a job this step submits.
 */
export function readFollowSection(raw: RawInputs, workspace: string, report: Report, attached = false): FollowSpec {
  const bool = (
    input: 'wait' | 'cancel-on-timeout' | 'cancel-on-workflow-cancel' | 'stream-logs' | 'comment-on-pr',
    fallback: 'true' | 'false'
  ) => parseBoolean(input, raw[input] || fallback, report)

  // In action.yml's order, so the messages read in the order the inputs are documented.
  const wait = bool('wait', 'false')
  const timeoutText = raw['wait-timeout-minutes'] || String(DEFAULT_WAIT_TIMEOUT_MINUTES)
  let waitTimeoutMinutes = Number(timeoutText)
  if (!/^\d+(\.\d+)?$/.test(timeoutText) || !(waitTimeoutMinutes > 0) || waitTimeoutMinutes > MAX_WAIT_TIMEOUT_MINUTES) {
    report({
      input: 'wait-timeout-minutes',
      message:
        `${shownValue(timeoutText)} is not allowed: give a number of minutes above 0 and at most ${MAX_WAIT_TIMEOUT_MINUTES} (5 days), ` +
        `fractions allowed. GitHub-hosted jobs stop after 360 minutes; the default ${DEFAULT_WAIT_TIMEOUT_MINUTES} leaves time to cancel ` +
        `and report.`
    })
    waitTimeoutMinutes = DEFAULT_WAIT_TIMEOUT_MINUTES
  }

  const cancelByDefault = attached ? 'false' : 'true'
  const cancelOnTimeout = bool('cancel-on-timeout', cancelByDefault)
  const cancelOnWorkflowCancel = bool('cancel-on-workflow-cancel', cancelByDefault)
  const streamLogs = bool('stream-logs', 'true')
  const downloadText = raw['download-results']
  let downloadResults: string | undefined
  if (downloadText !== '') {
    if (downloadText.includes('\u0000')) report({ input: 'download-results', message: 'contains a NUL character: give a directory path.' })
    else downloadResults = isAbsolute(downloadText) ? downloadText : resolve(workspace, downloadText)
  }

  const follow: FollowSpec = {
    wait,
    waitTimeoutMinutes,
    cancelOnTimeout,
    cancelOnWorkflowCancel,
    streamLogs,
    downloadResults,
    commentOnPr: bool('comment-on-pr', 'false'),
    githubToken: raw['github-token']
  }
  if (downloadResults && !follow.wait)
    report({
      input: 'download-results',
      message: 'is set, but wait is false: set wait: true, since results exist only once the job has completed.'
    })
  if (follow.commentOnPr && follow.githubToken === '')
    report({
      input: 'github-token',
      message:
        'is empty, but comment-on-pr is true. Leave github-token at its default (${{ github.token }}) or pass a token that may write ' +
        'pull requests.'
    })
  return follow
}
