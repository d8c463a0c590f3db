// One pull-request comment per job identity, found again by a hidden marker and
// updated in place on re-runs and new pushes. A comment is a courtesy: when it
// can't be written (most often a token without pull-requests: write, as on
// pull requests from forks) the step warns and goes on.
import * as core from '@actions/core'
import * as github from '@actions/github'
import type { RunIdentity } from '../plan/run-identity.js'
import { errorMessage, errorName } from '../common/errors.js'

export function commentMarker(identity: RunIdentity, idempotencyKey: string): string {
  const parts = [identity.repository, identity.workflow, identity.job, identity.step, ...(idempotencyKey ? [idempotencyKey] : [])]
  // Nothing in it may end the HTML comment early.
  return `<!-- braket-hybrid-job: ${parts.join('/').replace(/--|[<>]/g, '_')} -->`
}

export type CommentResult = { action: 'created' | 'updated'; url?: string } | { action: 'skipped'; why: string }

export async function upsertPrComment(token: string, marker: string, body: string): Promise<CommentResult> {
  const { context } = github
  const pullRequest = context.payload.pull_request
  if (!pullRequest) return { action: 'skipped', why: `this is a ${context.eventName || 'non-pull-request'} event, not a pull request` }
  const { owner, repo } = context.repo
  const issue_number = pullRequest.number
  const text = `${marker}\n${body}`
  const octokit = github.getOctokit(token)
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 })
    const existing = comments.find((comment) => comment.body?.includes(marker))
    if (existing) {
      const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: text })
      return { action: 'updated', url: updated.data.html_url }
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number, body: text })
    return { action: 'created', url: created.data.html_url }
  } catch (error) {
    const status = (error as { status?: number }).status
    const detail = `${status ?? errorName(error)}: ${errorMessage(error)}`
    if (status === 403 || status === 401) {
      core.warning(
        `Could not comment on pull request #${issue_number} (${detail}). The token needs "permissions: pull-requests: write"; on pull ` +
          `requests from forks GITHUB_TOKEN is read-only and no comment can be written.`,
        { title: 'comment-on-pr' }
      )
    } else {
      core.warning(`Could not comment on pull request #${issue_number} (${detail}).`, { title: 'comment-on-pr' })
    }
    return { action: 'skipped', why: detail }
  }
}
