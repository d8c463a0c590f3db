// run() with wait: true, inside the test process: the job followed to its end against the AWS stand-in,
// the pull-request comment written to the GitHub REST API stand-in, and the step's outcome made the job's.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApi, type GitHubApiStandIn } from '../../local/src/github-api/github-api.js'
import { start, type StandIn } from '../../local/src/stand-in.js'
import { followInputs } from '../support/follow-fixtures.js'
import { runInProcess } from '../support/in-process-action.js'
import { tarGz } from '../support/tar-gz.js'
import { exampleWorkspace } from '../support/workspace.js'
import * as core from '../fixtures/core.js'

const REPO = 'octo/quantum-lab'
const PR = 42
const MARKER = '<!-- braket-hybrid-job: octo/quantum-lab/experiments/submit/braket -->'

// @actions/github reads the event when it is first imported, as when the runner starts the action: a pull request.
const eventPath = join(await mkdtemp(join(tmpdir(), 'event-')), 'event.json')
await writeFile(
  eventPath,
  JSON.stringify({ number: PR, pull_request: { number: PR, head: { sha: 'b'.repeat(40) } }, repository: { full_name: REPO } })
)
const pullRequestEvent = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_REF: `refs/pull/${PR}/merge`,
  GITHUB_REPOSITORY: REPO
}
const github: GitHubApiStandIn = await startGitHubApi()
Object.assign(process.env, pullRequestEvent, { GITHUB_API_URL: github.url })

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')

let standIn: StandIn
let workspace: string
beforeAll(async () => {
  ;[standIn, workspace] = await Promise.all([start(), exampleWorkspace()])
})
afterAll(async () => Promise.all([standIn.stop(), github.stop()]))

let runCounter = 0
function follow(inputs: Record<string, string> = {}) {
  runCounter += 1
  standIn.requests.clear()
  github.requests.length = 0
  return runInProcess(run, {
    workspace,
    inputs: { ...followInputs, ...inputs },
    github: { ...pullRequestEvent, GITHUB_API_URL: github.url, GITHUB_RUN_ID: String(80_000 + runCounter) },
    env: { ...standIn.env, BRAKET_ACTION_POLL_INTERVAL_MS: '20,100' }
  })
}

describe('run() following the job', () => {
  it('streams the log, collects metrics, downloads the results, and completes the summary and the PR comment', async () => {
    const results = await tarGz([{ name: 'results.json', content: JSON.stringify({ energy: -1.137 }) }])
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 200,
      results,
      logs: [0.4, -0.6, -1.1].map((cost, iteration) => ({
        atMs: iteration * 20,
        message: `Metrics - cost=${cost}; iteration_number=${iteration};`
      }))
    })
    const resultsDir = await mkdtemp(join(tmpdir(), 'results-'))
    const result = await follow({
      'download-results': resultsDir,
      'comment-on-pr': 'true',
      'github-token': github.writeToken
    })

    expect(result.failed).toEqual([])
    expect(result.outputs.status).toBe('COMPLETED')
    expect(result.outputs['results-dir']).toBe(resultsDir)
    expect(JSON.parse(await readFile(join(resultsDir, 'results.json'), 'utf8'))).toEqual({ energy: -1.137 })
    expect(JSON.parse(result.outputs.metrics!)).toMatchObject({ cost: -1.1 })
    expect(result.log).toContain(`Following ${result.outputs['job-name']} until it ends (at most 340 minutes), with its log:`)
    expect(result.log).toContain('Metrics - cost=-1.1; iteration_number=2;')
    // The job's fate was settled by the main step: nothing is left for the post step to cancel.
    expect(core.saveState.mock.calls.at(-1)).toEqual(['cancel-in-post', 'false'])
    expect(result.summary).toContain('COMPLETED')
    expect(result.summary).not.toContain('QUEUED')
    expect(standIn.requests.of('logs').length).toBeGreaterThan(0)
    // The results, once (the other reads are the experiment's records).
    expect(standIn.requests.of('s3', 'GetObject').filter((request) => request.path.includes('/output/model.tar.gz'))).toHaveLength(1)

    const ours = github.comments.list(REPO, PR).filter((comment) => comment.body.includes(MARKER))
    expect(ours).toHaveLength(1)
    expect(ours[0]!.body).toContain(`<code>${result.outputs['job-name']}</code>: COMPLETED`)
    expect(result.log).toContain(`comment-on-pr: created ${ours[0]!.html_url}`)
    expect(github.requests.map((request) => request.method)).toEqual(['GET', 'POST'])
  })

  it('fails the step with the job’s failure reason when the job FAILED, and updates the same comment', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 50, outcome: 'FAILED', failureReason: 'AlgorithmError: diverged' })
    const result = await follow({ 'comment-on-pr': 'true', 'github-token': github.writeToken, 'stream-logs': 'false' })

    expect(result.outputs.status).toBe('FAILED')
    expect(result.outputs['failure-reason']).toBe('AlgorithmError: diverged')
    expect(result.errors).toContain('AlgorithmError: diverged')
    expect(result.failed).toEqual([
      expect.stringMatching(new RegExp(`^Job ${result.outputs['job-name']} failed after .*: AlgorithmError: diverged$`))
    ])
    expect(result.log).toContain(`Following ${result.outputs['job-name']} until it ends (at most 340 minutes):`)
    expect(github.requests.map((request) => request.method)).toEqual(['GET', 'PATCH'])
    const ours = github.comments.list(REPO, PR).filter((comment) => comment.body.includes(MARKER))
    expect(ours).toHaveLength(1)
    expect(ours[0]!.body).toContain('AlgorithmError: diverged')
    expect(result.log).toMatch(/comment-on-pr: updated /)
  })

  it('warns, and still succeeds, when the token may not write the comment', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 50 })
    const result = await follow({ 'comment-on-pr': 'true', 'github-token': github.readOnlyToken })

    expect(result.failed).toEqual([])
    expect(result.outputs.status).toBe('COMPLETED')
    expect(result.warnings.some((text) => text.startsWith(`Could not comment on pull request #${PR} (403`))).toBe(true)
    expect(result.log).toMatch(/comment-on-pr: no comment \(403: /)
  })

  it('without wait, comments the job as submitted and follows nothing', async () => {
    standIn.jobs.script({ queuedMs: 60_000 })
    const result = await follow({ wait: 'false', 'comment-on-pr': 'true', 'github-token': github.writeToken })

    expect(result.failed).toEqual([])
    expect(result.outputs.status).toBe('QUEUED')
    const ours = github.comments.list(REPO, PR).find((comment) => comment.body.includes(MARKER))!
    expect(ours.body).toContain(`<code>${result.outputs['job-name']}</code>: QUEUED`)
    expect(standIn.requests.of('braket', 'GetJob')).toHaveLength(1)
    expect(standIn.requests.of('logs')).toEqual([])
  })
})
