// run-on-runner: the bundled action, run as its own process the way the runner
// runs it, on a fork pull request's event with no OIDC variables and no AWS
// credentials, runs the job on this machine as the Braket job container would.
// The AWS stand-in runs alongside, with its endpoints in the environment, only
// to prove that no AWS request is made.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApi, type GitHubApiStandIn } from '../local/src/github-api/github-api.js'
import { githubEnv, runAction, startAction, type ActionOptions } from '../local/src/run-action.js'
import { ENDPOINT_VARIABLES, type StandIn } from '../local/src/stand-in.js'
import { unexpectedStderr } from './support/follow-fixtures.js'
import { writeAlgorithm } from './support/files.js'
import { useStandIn } from './support/stand-in-fixture.js'
import { buildWheel } from './support/wheel.js'

const REPO = 'octo/quantum-lab'
const PR = 7

let standIn: StandIn
let workspace: string
let github: GitHubApiStandIn
let eventPath: string
let wheels: string

useStandIn((fixture) => ({ standIn, workspace } = fixture))

beforeAll(async () => {
  github = await startGitHubApi()
  const files = await mkdtemp(join(tmpdir(), 'fork-pr-'))
  eventPath = join(files, 'event.json')
  await writeFile(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: PR,
      pull_request: { number: PR, head: { sha: 'c'.repeat(40), repo: { full_name: 'forker/quantum-lab', fork: true } } },
      repository: { full_name: REPO, name: 'quantum-lab', owner: { login: 'octo' } }
    })
  )
  wheels = join(files, 'wheels')
  await mkdir(wheels)
  buildWheel(wheels, 'tinydep', '1.0', 'VALUE = 42\n')
})
afterAll(async () => github.stop())

/** A pull request from a fork: no OIDC variables, no AWS keys; only the stand-in's endpoints, where any AWS call would land. */
function forkEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const endpoints = Object.fromEntries(Object.values(ENDPOINT_VARIABLES).map((variable) => [variable, standIn.env[variable]]))
  return {
    ...githubEnv({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: `refs/pull/${PR}/merge`,
      GITHUB_API_URL: github.url
    }),
    AWS_REGION: 'us-west-2',
    ...endpoints,
    PIP_NO_INDEX: '1',
    PIP_FIND_LINKS: wheels,
    ...extra
  }
}

const runnerInputs = {
  'aws-region': 'us-west-2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run',
  'run-on-runner': 'true',
  wait: 'true'
}

const algorithm = (name: string, files: Record<string, string>) => writeAlgorithm(workspace, name, files)

function options(inputs: Record<string, string>, env: Record<string, string> = {}): ActionOptions {
  return { workspace, inputs: { ...runnerInputs, ...inputs }, env: forkEnv(env), timeoutMs: 90_000 }
}

const awsRequests = () => standIn.requests.records.map((record) => `${record.service} ${record.operation ?? record.path}`)

describe('run-on-runner', () => {
  it('runs the example on a fork pull request to COMPLETED (metrics, results, summary, comment) with no AWS request', async () => {
    const run = await runAction(
      options({ hyperparameters: 'shots: 200\niterations: 5', 'comment-on-pr': 'true', 'github-token': github.writeToken })
    )
    expect(unexpectedStderr(run.stderr)).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(Object.keys(JSON.parse(run.outputs.metrics!) as Record<string, number>)).toEqual(['cost'])
    const results = JSON.parse(await readFile(join(run.outputs['results-dir']!, 'results.json'), 'utf8')) as { history: number[] }
    expect(results.history).toHaveLength(5)

    // The device needs AWS: the job got local-device instead, and was told so.
    expect(run.stdout).toContain('::notice title=run-on-runner::device arn:aws:braket:::device/quantum-simulator/amazon/sv1 needs AWS')
    // The job's output, between stop-commands markers, inside the log group.
    expect(run.stdout).toMatch(/::stop-commands::(\S+)\n(?:.*\n)*?iteration 4: theta=\S+ energy=\S+\n(?:.*\n)*?::\1::/)
    expect(run.stdout).toContain("No comparison with the base branch's last run: reading its record needs AWS credentials")

    expect(run.summary).toContain('Ran on the runner (run-on-runner)')
    expect(run.summary).toMatch(/## ✅ Amazon Braket hybrid job <code>[^<]+<\/code>: COMPLETED/)
    expect(run.summary).toContain('(ran on the runner: no AWS job)')
    expect(run.summary).toContain('<code>local:braket/braket.local.qubit</code>')
    expect(run.summary).toContain('```mermaid\n')
    expect(run.summary).toContain('xychart-beta')
    expect(run.summary).toContain('&quot;history&quot;')
    expect(run.summary).not.toContain('Braket console')

    const [comment] = github.comments.list(REPO, PR)
    expect(comment?.body).toContain('Ran on the runner (run-on-runner)')
    expect(comment?.body).toContain(': COMPLETED')
    expect(awsRequests()).toEqual([])
  })

  it.concurrent(
    'a failing entry point ends FAILED with its reason; a requirements.txt pip cannot install fails the step with pip’s lines',
    async () => {
      const failing = await algorithm('failing', { 'main.py': 'def run():\n    raise ValueError("angle out of range: 7.5")\n' })
      const unmet = await algorithm('unmet', { 'main.py': 'def run():\n    pass\n', 'requirements.txt': 'missingdep==2.0\n' })
      const [raised, unmetRun] = await Promise.all([
        runAction(options({ 'source-dir': failing, 'entry-point': 'failing.main:run' })),
        runAction(options({ 'source-dir': unmet, 'entry-point': 'unmet.main:run' }))
      ])
      expect(raised.exitCode).toBe(1)
      expect(raised.outputs.status).toBe('FAILED')
      expect(raised.outputs['failure-reason']).toBe('ValueError: angle out of range: 7.5')
      expect(raised.stdout).toContain('::error::Job ')
      expect(raised.stdout).toMatch(/failed after \d+s: ValueError: angle out of range: 7\.5/)

      expect(unmetRun.exitCode).toBe(1)
      expect(unmetRun.outputs.status).toBe('FAILED')
      expect(unmetRun.outputs['failure-reason']).toMatch(/^pip could not install unmet\/requirements\.txt: it exited with code 1\./)
      expect(unmetRun.outputs['failure-reason']).toContain('No matching distribution found for missingdep==2.0')
      expect(unmetRun.stdout).not.toContain('Running Code As Process')
    }
  )

  it.concurrent('installs every requirements.txt from a local wheel directory into a fresh virtual environment', async () => {
    const source = await algorithm('withdeps', {
      'main.py': 'import sys\nimport tinydep\n\ndef run():\n    print("tinydep says", tinydep.VALUE, "in", sys.prefix)\n',
      'requirements.txt': 'tinydep==1.0\n'
    })
    const run = await runAction(options({ 'source-dir': source, 'entry-point': 'withdeps.main:run' }))
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Pre-flight')
    expect(run.stdout).toMatch(/requirements\s+withdeps\/requirements\.txt \(1 requirement\)/)
    expect(run.stdout).toMatch(/Successfully installed tinydep-1\.0/)
    const said = /tinydep says 42 in (\S+)/.exec(run.stdout)
    expect(said?.[1]).toContain('braket-runner-')
    // The environment was under RUNNER_TEMP and is gone with the run.
    expect(existsSync(said![1]!)).toBe(false)
  })

  it.concurrent('max-runtime-seconds stops the job', async () => {
    const source = await algorithm('sleeper', { 'main.py': 'import time\n\ndef run():\n    print("sleeping")\n    time.sleep(60)\n' })
    const started = Date.now()
    const run = await runAction(options({ 'source-dir': source, 'entry-point': 'sleeper.main:run', 'max-runtime-seconds': '3' }))
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('FAILED')
    expect(run.outputs['failure-reason']).toBe(
      'MaxRuntimeExceeded: The job ran longer than its maximum runtime of 3 seconds (max-runtime-seconds) and was stopped.'
    )
  })

  it('a workflow cancel (SIGINT) ends the whole process tree and reports CANCELLED', async () => {
    const pids = join(await mkdtemp(join(tmpdir(), 'pids-')), 'pids')
    const source = await algorithm('spawner', {
      'main.py': [
        'import os, subprocess, sys, time',
        '',
        'def run(pid_file: str):',
        '    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])',
        '    with open(pid_file, "w") as f:',
        '        f.write(f"{os.getpid()} {child.pid}")',
        '    print("children started", flush=True)',
        '    time.sleep(120)'
      ].join('\n')
    })
    const action = await startAction(
      options({ 'source-dir': source, 'entry-point': 'spawner.main:run', hyperparameters: `pid_file: ${pids}` })
    )
    await action.waitForOutput('children started', 60_000)
    const [job, grandchild] = readFileSync(pids, 'utf8').split(' ').map(Number)
    expect(alive(job!)).toBe(true)
    expect(alive(grandchild!)).toBe(true)
    action.child.kill('SIGINT')
    const run = await action.finished
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('CANCELLED')
    expect(run.stdout).toMatch(/was cancelled by this action because the workflow run was cancelled \(SIGINT\)/)
    expect(alive(job!)).toBe(false)
    expect(alive(grandchild!)).toBe(false)
  })
})

/** Running, and not a zombie waiting for its parent to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : ''
  return !/^\d+ \(.*\) Z/.test(stat)
}
