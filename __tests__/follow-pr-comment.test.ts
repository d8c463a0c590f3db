// The pull-request comment: created once, found again by its marker and updated on
// the next run, and a warning (not a failure) when the token may not write. The
// bundled action against the AWS stand-in and a GitHub REST API stand-in, both on
// loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApi, type GitHubApiStandIn } from '../local/src/github-api/github-api.js'
import { start, type StandIn } from '../local/src/stand-in.js'
import { follow } from './support/follow-fixtures.js'
import { exampleWorkspace } from './support/workspace.js'

const REPO = 'octo/quantum-lab'
const PR = 42
const MARKER = '<!-- braket-hybrid-job: octo/quantum-lab/experiments/submit/braket -->'

let standIn: StandIn
let github: GitHubApiStandIn
let workspace: string
let eventPath: string

beforeAll(async () => {
  ;[standIn, github, workspace] = await Promise.all([start(), startGitHubApi(), exampleWorkspace()])
  eventPath = join(await mkdtemp(join(tmpdir(), 'event-')), 'event.json')
  await writeFile(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: PR,
      pull_request: { number: PR, head: { sha: 'b'.repeat(40) } },
      repository: { full_name: REPO, name: 'quantum-lab', owner: { login: 'octo' } }
    })
  )
})
afterAll(async () => Promise.all([standIn.stop(), github.stop()]))
beforeEach(() => {
  github.requests.length = 0
})

const pullRequestRun = (token: string, runId: string, inputs: Record<string, string> = {}) =>
  follow(standIn, workspace, {
    runId,
    inputs: { 'comment-on-pr': 'true', 'github-token': token, ...inputs },
    github: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: github.url,
      GITHUB_REF: `refs/pull/${PR}/merge`
    }
  })

describe('comment-on-pr', () => {
  it('creates one comment with the status, link and metrics, then updates that same comment on the next run', async () => {
    github.comments.create(REPO, PR, 'Looks good, but does it converge?', 'octocat')
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 200,
      logs: [0.4, -0.6, -1.1].map((cost, iteration) => ({
        atMs: iteration * 30,
        message: `Metrics - cost=${cost}; iteration_number=${iteration};`
      }))
    })
    const first = await pullRequestRun(github.writeToken, '7001')
    expect(first.exitCode).toBe(0)
    const ours = () => github.comments.list(REPO, PR).filter((comment) => comment.body.includes(MARKER))
    expect(ours()).toHaveLength(1)
    const created = ours()[0]!
    expect(created.body).toContain(`### ✅ Amazon Braket hybrid job <code>${first.outputs['job-name']}</code>: COMPLETED`)
    expect(created.body).toContain(first.outputs['console-url']!.replace(/&/g, '&amp;'))
    expect(created.body).toContain('| cost | -1.1 |')
    expect(created.body).toMatch(/```mermaid\n%%\{init: .*\}%%\nxychart-beta/)
    // The run by its number, and the pull request's head commit, not the merge commit GitHub checks out.
    expect(created.body).toMatch(/<a href="https:\/\/github\.com\/octo\/quantum-lab\/actions\/runs\/7001">experiments #17<\/a>/)
    expect(created.body).toContain(`<code>${'b'.repeat(7)}</code></a>, head of pull request #42`)
    expect(created.body).not.toContain('0123456')
    expect(first.stdout).toContain(`comment-on-pr: created ${created.html_url}`)
    expect(github.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `GET /repos/${REPO}/issues/${PR}/comments`,
      `POST /repos/${REPO}/issues/${PR}/comments`
    ])
    // The token is a secret: registered with the runner's masking, and nowhere else in the log.
    expect(first.stdout).toContain(`::add-mask::${github.writeToken}`)
    expect(first.stdout.replace(`::add-mask::${github.writeToken}`, '') + first.summary).not.toContain(github.writeToken)

    // A new push: another run, another job, the same step — the same comment, updated.
    standIn.jobs.script({ queuedMs: 20, runningMs: 100, outcome: 'FAILED', failureReason: 'AlgorithmError: diverged' })
    const second = await pullRequestRun(github.writeToken, '7002')
    expect(second.exitCode).toBe(1)
    expect(ours()).toHaveLength(1)
    const updated = ours()[0]!
    expect(updated.id).toBe(created.id)
    expect(updated.body).toContain(`<code>${second.outputs['job-name']}</code>: FAILED`)
    expect(updated.body).toContain('AlgorithmError: diverged')
    expect(updated.body).not.toContain(first.outputs['job-name']!)
    expect(github.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/repos/${REPO}/issues/comments/${created.id}`, status: 200 })
    // Someone else's comment is left alone.
    expect(github.comments.list(REPO, PR).find((comment) => comment.user.login === 'octocat')?.body).toBe(
      'Looks good, but does it converge?'
    )
  })

  it('warns, and does not fail the step, when the token may not write pull requests (403)', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 100 })
    const before = github.comments.all().length
    const run = await pullRequestRun(github.readOnlyToken, '7003')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(run.stdout).toMatch(
      /::warning title=comment-on-pr::Could not comment on pull request #42 \(403: Resource not accessible by integration.*\)\./
    )
    expect(run.stdout).toContain('The token needs "permissions: pull-requests: write"')
    expect(github.requests.some((r) => r.status === 403)).toBe(true)
    expect(github.comments.all()).toHaveLength(before)
  })

  it('without wait, comments the job as submitted, with its console link', async () => {
    standIn.jobs.script({ queuedMs: 60_000 })
    const run = await pullRequestRun(github.writeToken, '7004', { wait: 'false' })
    expect(run.exitCode).toBe(0)
    const comment = github.comments.list(REPO, PR).find((c) => c.body.includes(MARKER))!
    expect(comment.body).toContain(`<code>${run.outputs['job-name']}</code>: QUEUED`)
    expect(comment.body).toContain('This step does not wait for it (wait: false)')
    expect(comment.body).toContain(`<a href="${run.outputs['console-url']!}">`)
  })
})
