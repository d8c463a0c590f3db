// The step summary as the bundled action writes it, run as its own process against the
// stand-in: written once, at the end, when the step follows the job (one status, no
// QUEUED above COMPLETED); the submission alone when it does not; the run by its number
// and the pull request's head commit; nothing of the runner's disk.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StandIn } from '../local/src/stand-in.js'
import { follow } from './support/follow-fixtures.js'
import { useStandIn } from './support/stand-in-fixture.js'
import { tarGz } from './support/tar-gz.js'

let standIn: StandIn
let workspace: string

useStandIn((fixture) => ({ standIn, workspace } = fixture))

const HEAD = 'c0ffee1234567890c0ffee1234567890c0ffee12'
const MERGE = '0123456789abcdef0123456789abcdef01234567'
const STATUS_WORDS = /\b(QUEUED|RUNNING|COMPLETED|FAILED|CANCELLING|CANCELLED)\b/g

async function pullRequestEvent(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'event-')), 'event.json')
  await writeFile(path, JSON.stringify({ number: 42, pull_request: { number: 42, head: { sha: HEAD } } }))
  return path
}

const metricLines = (name: string, values: number[]) =>
  values.map((value, iteration) => ({ atMs: iteration * 5, message: `Metrics - ${name}=${value}; iteration_number=${iteration};` }))

describe('the step summary the action writes', () => {
  it('for a followed pull-request run: written once at the end, one status, each fact once, run number, head commit, JSON', async () => {
    standIn.jobs.script({
      queuedMs: 30,
      runningMs: 300,
      logs: [
        ...metricLines('cost', [0.52, -0.41, -1.02]),
        ...metricLines(
          'energy',
          Array.from({ length: 12 }, (_, i) => 1 / (i + 1))
        )
      ],
      results: await tarGz([{ name: 'results.json', content: JSON.stringify({ theta: [-2.6444999999999994, 0.9724999999999999] }) }])
    })
    const dir = await mkdtemp(join(tmpdir(), 'results-'))
    const run = await follow(standIn, workspace, {
      runId: '1796136015909',
      inputs: { 'download-results': dir },
      github: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: await pullRequestEvent(), GITHUB_SHA: MERGE, GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(run.exitCode).toBe(0)
    const summary = run.summary
    expect(summary).toMatch(/^## ✅ Amazon Braket hybrid job <code>[^<]+<\/code>: COMPLETED\n\nJob \S+ completed after /)
    expect(summary.match(STATUS_WORDS)).toEqual(['COMPLETED'])
    expect(summary.match(/Amazon Braket hybrid job/g)).toHaveLength(1)
    const labels = [...summary.matchAll(/<th align="left">([^<]+)<\/th>/g)].map((match) => match[1])
    expect(labels).toEqual(['Job', 'Job ARN', 'Device', 'Instance', 'Entry point', 'Source', 'Time', 'Cost', 'Output', 'Results'])
    expect([...summary.matchAll(/^#{3} (.*)$/gm)].map((match) => match[1])).toEqual(['Metrics', 'Cost', 'Quantum tasks', 'results.json'])
    expect(summary).toContain(
      '<a href="https://github.com/octo/quantum-lab/actions/runs/1796136015909/attempts/2">experiments #17</a> (attempt 2)'
    )
    // The job's default name has the run id in it, to be unique; the run itself is named by its number.
    const jobName = /<code>([^<]+)<\/code>/.exec(summary)![1]!
    expect(summary.replace(/href="[^"]*"/g, '').replaceAll(jobName, '')).not.toContain('1796136015909')
    expect(summary).toContain(
      `<a href="https://github.com/octo/quantum-lab/commit/${HEAD}"><code>c0ffee1</code></a>, head of pull request #42`
    )
    expect(summary).not.toContain(MERGE.slice(0, 7))
    expect(summary).not.toContain(dir)
    expect(summary).not.toContain(workspace)
    expect(summary).toMatch(/updated \d{4}-\d\d-\d\d \d\d:\d\d UTC<\/sub>\n$/)
    expect(summary).toContain('### results.json\n\n<pre>{\n  &quot;theta&quot;: [-2.6445, 0.9725]\n}</pre>')
    expect(summary).toContain('x-axis "iteration" ["0", "1", "2"]')
    expect(summary).toContain('x-axis "iteration" 0 --> 11')
    expect(summary.match(/"plotColorPalette": "#2f81f7"/g)).toHaveLength(2)
  })

  it('for a FAILED job: the status once, its reason in the headline, the last log lines', async () => {
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 100,
      outcome: 'FAILED',
      failureReason: 'AlgorithmError: diverged',
      logs: [{ atMs: 0, message: 'Traceback (most recent call last):' }]
    })
    const run = await follow(standIn, workspace)
    expect(run.exitCode).toBe(1)
    expect(run.summary.match(STATUS_WORDS)).toEqual(['FAILED'])
    expect(run.summary).toMatch(/^## ❌ .*: FAILED\n\nJob \S+ failed after .*: AlgorithmError: diverged\n/)
    expect(run.summary).toContain("### The job's last 1 log line\n\n<pre>Traceback (most recent call last):</pre>")
  })

  it('for a run that does not wait: the submission, which is the whole story', async () => {
    standIn.jobs.script({ queuedMs: 60_000 })
    const run = await follow(standIn, workspace, { inputs: { wait: 'false' } })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toMatch(
      /^## ⏳ Amazon Braket hybrid job <code>[^<]+<\/code>: QUEUED\n\nSubmitted \S+\. This step does not wait for it/
    )
    expect(run.summary.match(STATUS_WORDS)).toEqual(['QUEUED'])
    expect(run.summary).not.toMatch(/Metrics|<th align="left">Time/)
    expect(run.summary).toContain('experiments #17</a> · commit <a href="https://github.com/octo/quantum-lab/commit/0123456789abcdef')
  })
})
