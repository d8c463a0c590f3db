// Text from the repository, the job and AWS, written to do harm, through the whole
// action as its own process: file names, hyperparameter names and values, tag
// values, S3 keys and prefixes, the dry run's request, a failure reason, the job's
// log lines and results. No line of stdout may be a workflow command the text
// made (by the runner's own rules, legacy `##[…]` included), and the summary and
// the pull-request comment carry none of it raw.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApi, type GitHubApiStandIn } from '../../local/src/github-api/github-api.js'
import { githubEnv, runAction, type ActionRun } from '../../local/src/run-action.js'
import { start, type StandIn } from '../../local/src/stand-in.js'
import { tarGz } from '../support/tar-gz.js'
import { exampleWorkspace } from '../support/workspace.js'
import { workflowCommands } from '../support/workflow-commands.js'

/** Every payload puts PWNED right where a command it made would start its data, or in its properties. */
const LINE_BREAK = (tag: string) => `x\n::warning::PWNED-${tag}`
const LEGACY = (tag: string) => `x ##[warning]PWNED-${tag}`
const LEADING = (tag: string) => `::error::PWNED-${tag}`
const MARKUP = '<img src=x onerror=alert(1)> @PWNED-user [link](javascript:PWNED) </pre></code> ```'

const REPO = 'octo/quantum-lab'
const PR = 42

let standIn: StandIn
let github: GitHubApiStandIn
let workspace: string
let eventPath: string

beforeAll(async () => {
  ;[standIn, github, workspace] = await Promise.all([start(), startGitHubApi(), exampleWorkspace()])
  const source = join(workspace, 'algorithms', 'vqe')
  for (const name of [`${LINE_BREAK('file')}.tmp`, `${LEGACY('file')}.tmp`, `${LEADING('file')}.tmp`])
    await writeFile(join(source, name), 'left out by exclude\n')
  const data = join(workspace, 'data', LEGACY('dir').replace(/^x /, ''))
  await mkdir(data, { recursive: true })
  await writeFile(join(data, LEADING('key')), 'data\n')
  eventPath = join(await mkdtemp(join(tmpdir(), 'event-')), 'event.json')
  await writeFile(
    eventPath,
    JSON.stringify({ number: PR, pull_request: { number: PR, head: { sha: 'b'.repeat(40) } }, repository: { full_name: REPO } })
  )
})
afterAll(async () => Promise.all([standIn.stop(), github.stop()]))

const hostileInputs = {
  'aws-region': 'us-west-2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run',
  exclude: '*.tmp',
  // The names do not bind to run(): the pre-flight's warning carries them into the log too.
  'hyperparameters-must-bind': 'false',
  hyperparameters: JSON.stringify({
    [LINE_BREAK('hpname')]: '1',
    shots: '##[set-output name=PWNED;]1',
    note: LEADING('hpvalue'),
    markup: MARKUP
  }),
  tags: JSON.stringify({ team: LEGACY('tag'), owner: MARKUP }),
  'input-data': `training: data/${LEGACY('dir').replace(/^x /, '')}`,
  's3-prefix': `jobs/${LEGACY('prefix').replace(/^x /, '')}`
}

let runNumber = 9100
function runStep(inputs: Record<string, string>, github: Record<string, string | undefined> = {}): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: { ...hostileInputs, ...inputs },
    env: { ...githubEnv({ GITHUB_RUN_ID: String(++runNumber), ...github }), ...standIn.env, BRAKET_ACTION_POLL_INTERVAL_MS: '20,100' }
  })
}

/** Commands the payloads made: data that starts with PWNED, or PWNED among the properties. */
function payloadCommands(stdout: string) {
  return workflowCommands(stdout).filter((command) => /^\s*PWNED/.test(command.data) || command.properties.includes('PWNED'))
}

/** A fenced code block shows its text as it is: what matters is everything outside one. */
function outsideCodeFences(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?\n```$/gm, '')
}

/** No tag of the payload's is live HTML in what GitHub renders. */
function expectNoRawMarkup(rendered: string): void {
  expect(outsideCodeFences(rendered)).not.toMatch(/<img src=x|<\/pre><\/code> /)
}

describe('hostile text from the repository, the job and AWS', () => {
  it('dry run (what pull requests from forks run): file names, hyperparameters, tags, S3 keys and the request JSON', async () => {
    const run = await runStep({ 'dry-run': 'true' }, { GITHUB_EVENT_NAME: 'pull_request' })
    expect(run.exitCode).toBe(0)
    expect(payloadCommands(run.stdout)).toEqual([])
    // Each payload was printed (escaped): the test saw them go through.
    for (const tag of ['file', 'hpname', 'hpvalue', 'dir', 'prefix']) expect(run.stdout).toContain(`PWNED-${tag}`)
    // The request is still valid JSON, meaning the same.
    const json = /::group::CreateJob request[^\n]*\n([\s\S]*?)\n::endgroup::/.exec(run.stdout)![1]!
    const request = JSON.parse(json) as { hyperParameters: Record<string, string>; tags: Record<string, string> }
    expect(request.hyperParameters.shots).toBe('##[set-output name=PWNED;]1')
    expect(request.tags.team).toBe(LEGACY('tag'))
    expectNoRawMarkup(run.summary)
  })

  it('a submitted job that fails: its failure reason and log lines, in the log, the summary and the PR comment', async () => {
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 200,
      outcome: 'FAILED',
      failureReason: `AlgorithmError: ${LINE_BREAK('reason')} ##[add-mask]PWNED-mask ${MARKUP}`,
      logs: [
        { atMs: 5, message: LEADING('log') },
        { atMs: 10, message: '##[set-output name=PWNED;]x' },
        { atMs: 15, message: `Metrics - cost=1.5; ${LEGACY('metric').replace(/ /g, '_')}=2;` },
        { atMs: 20, message: MARKUP }
      ]
    })
    const run = await runStep(
      { wait: 'true', 'comment-on-pr': 'true', 'github-token': github.writeToken },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: github.url, GITHUB_REF: `refs/pull/${PR}/merge` }
    )
    expect(run.exitCode).toBe(1)
    expect(payloadCommands(run.stdout)).toEqual([])
    for (const tag of ['reason', 'mask', 'log']) expect(run.stdout).toContain(`PWNED-${tag}`)
    expectNoRawMarkup(run.summary)
    const comments = github.comments.list(REPO, PR)
    expect(comments).toHaveLength(1)
    expectNoRawMarkup(comments[0]!.body)
  })

  it('a job that completes: its results.json, in the log and the summary', async () => {
    const results = await tarGz([
      {
        name: 'results.json',
        content: JSON.stringify({ [LINE_BREAK('resultkey')]: LEADING('resultvalue'), note: MARKUP, energy: -1.13 })
      }
    ])
    standIn.jobs.script({ queuedMs: 20, runningMs: 100, outcome: 'COMPLETED', results })
    const run = await runStep({ wait: 'true', 'download-results': `results-${runNumber}` })
    expect(run.exitCode).toBe(0)
    expect(payloadCommands(run.stdout)).toEqual([])
    expectNoRawMarkup(run.summary)
  })
})
