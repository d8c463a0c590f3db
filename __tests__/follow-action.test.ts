// The bundled action following a job to its end, as its own process against the
// local stand-in: logs, metrics, outcome, results, throttling.
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StandIn } from '../local/src/stand-in.js'
import { follow, printedLines, startFollowing, unexpectedStderr } from './support/follow-fixtures.js'
import { tarGz } from './support/tar-gz.js'
import { useStandIn } from './support/stand-in-fixture.js'

let standIn: StandIn
let workspace: string

useStandIn((fixture) => ({ standIn, workspace } = fixture))

const metricLine = (iteration: number, cost: number) =>
  `Metrics - timestamp=${1_700_000_000 + iteration}; cost=${cost}; iteration_number=${iteration};`

describe('following a job to its end', () => {
  it('streams both instances’ lines once each, in time order, including the tail printed as the job ended', async () => {
    standIn.jobs.script({
      queuedMs: 400,
      runningMs: 900,
      logs: [
        { instance: 1, atMs: 0, message: 'one: starting' },
        { instance: 2, atMs: 60, message: 'two: starting' },
        { instance: 1, atMs: 250, message: 'one: step 1' },
        { instance: 2, atMs: 400, message: 'two: step 1' },
        { instance: 1, atMs: 600, message: 'one: step 2' },
        // Printed last, as the container exits: CloudWatch has them only once the job has ended.
        { instance: 2, atMs: 5_000, message: 'two: done' },
        { instance: 1, atMs: 5_000, message: 'one: done' }
      ]
    })
    const run = await follow(standIn, workspace, { inputs: { 'instance-count': '2' } })
    expect(unexpectedStderr(run.stderr)).toBe('')
    expect(run.exitCode).toBe(0)
    const lines = printedLines(run.stdout, /^\[algo-\d\] /)
    expect(lines.slice(0, 5)).toEqual([
      '[algo-1] one: starting',
      '[algo-2] two: starting',
      '[algo-1] one: step 1',
      '[algo-2] two: step 1',
      '[algo-1] one: step 2'
    ])
    expect(lines.slice(5).sort()).toEqual(['[algo-1] one: done', '[algo-2] two: done'])
    // Several polls read the streams; still every line once.
    expect(standIn.requests.of('logs', 'GetLogEvents').length).toBeGreaterThan(4)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(Number(run.outputs['billable-duration-seconds'])).toBeGreaterThanOrEqual(1)
    // Transitions, with times, as group titles; the job's events once each.
    expect(run.stdout).toMatch(/::group::\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}QUEUED → RUNNING — the job's log/)
    expect(run.stdout).toMatch(/\d\dZ {2}RUNNING → COMPLETED\n/)
    expect(run.stdout).toMatch(
      /::group::\S+ {2}QUEUED — waiting for the device and an instance\n(?:.*\n)*?\S+ {2}position 1 in the JOBS_QUEUE\n/
    )
    expect(run.stdout.match(/event STARTING_INSTANCE/g)).toHaveLength(1)
    expect(run.stdout.match(/event COMPLETED/g)).toHaveLength(1)
    expect(run.summary).toMatch(/^## ✅ Amazon Braket hybrid job <code>[^<]+<\/code>: COMPLETED\n/)
  })

  it('fails the step with the failureReason and the last log lines when the job FAILED', async () => {
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 200,
      outcome: 'FAILED',
      failureReason: 'AlgorithmError: ValueError: the ansatz needs 4 qubits, the device has 2',
      logs: [
        { atMs: 0, message: 'Traceback (most recent call last):' },
        { atMs: 50, message: 'ValueError: the ansatz needs 4 qubits, the device has 2' },
        { atMs: 80, message: '::set-output name=status::COMPLETED' }
      ]
    })
    const run = await follow(standIn, workspace)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('FAILED')
    expect(run.outputs['failure-reason']).toBe('AlgorithmError: ValueError: the ansatz needs 4 qubits, the device has 2')
    expect(run.stdout).toMatch(/::error title=Braket job [^:]+ FAILED::AlgorithmError: ValueError: the ansatz needs 4 qubits/)
    expect(run.stdout).toContain("Last 3 lines of the job's log:")
    // The job's lines can't issue workflow commands: they are printed with commands stopped.
    expect(run.stdout).toMatch(/::stop-commands::([0-9a-f-]+)\n(?:.*\n)*?::set-output name=status::COMPLETED\n(?:.*\n)*?::\1::/)
    expect(run.stdout).toMatch(/::error::Job [^ ]+ failed after \d+s?.*: AlgorithmError/)
    expect(run.summary).toMatch(
      /^## ❌ Amazon Braket hybrid job <code>[^<]+<\/code>: FAILED\n\nJob \S+ failed after \d+s.*: AlgorithmError/
    )
    expect(run.summary).toContain("### The job's last 3 log lines")
  })

  it('parses the metrics into the output and draws them as a Mermaid chart in the summary', async () => {
    const costs = [0.52, 0.11, -0.42, -0.83, -1.02, -1.09, -1.11]
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 300,
      logs: [
        ...costs.map((cost, iteration) => ({ atMs: iteration * 20, message: metricLine(iteration, cost) })),
        { atMs: 200, message: 'Metrics - timestamp=1700000100; accuracy=0.75;' }
      ]
    })
    const run = await follow(standIn, workspace)
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.metrics!)).toEqual({ accuracy: 0.75, cost: -1.11 })
    expect(run.summary).toMatch(/```mermaid\n%%\{init: .*"plotColorPalette": "#\w{6}"\}\}\}\}%%\nxychart-beta\n {2}title "cost"\n/)
    expect(run.summary).toContain('  x-axis "iteration" ["0", "1", "2", "3", "4", "5", "6"]\n')
    expect(run.summary).toContain(`  line [${costs.join(', ')}]`)
    expect(run.summary).toContain('| cost | -1.11 |')
  })

  it('downloads and extracts the results, with a look at results.json', async () => {
    const results = await tarGz([
      { name: 'results.json', content: JSON.stringify({ energy: -1.118, history: [0.5, 0.1, -0.4, -0.8, -1.0, -1.1, -1.118] }) },
      { name: 'plots/', type: 'directory' },
      { name: 'plots/cost.csv', content: 'iteration,cost\n0,0.5\n' }
    ])
    standIn.jobs.script({ queuedMs: 20, runningMs: 100, results })
    const dir = await mkdtemp(join(tmpdir(), 'results-'))
    const run = await follow(standIn, workspace, { inputs: { 'download-results': dir } })
    expect(unexpectedStderr(run.stderr)).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs['results-dir']).toBe(dir)
    expect(JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')).energy).toBe(-1.118)
    expect(await readFile(join(dir, 'plots', 'cost.csv'), 'utf8')).toContain('0,0.5')
    const history = '&quot;history&quot;: [0.5, 0.1, -0.4, /* 2 more of 7 values */ -1.1, -1.118]'
    expect(run.summary).toContain(`### results.json\n\n<pre>{\n  &quot;energy&quot;: -1.118,\n  ${history}\n}</pre>`)
    expect(run.summary).toContain('2 files downloaded from <code>s3://')
    expect(run.summary).not.toContain(dir)
  })

  it('extracts a relative download-results into the workspace, and warns (no crash) when the job left no results', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 100 })
    const run = await follow(standIn, workspace, { inputs: { 'download-results': 'results-none' } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning title=download-results::The job left no results: s3:\/\/.*\/output\/model\.tar\.gz does not exist/
    )
    expect(run.outputs['results-dir']).toBeUndefined()
    expect(existsSync(join(workspace, 'results-none'))).toBe(false)
  })

  it.each([
    [
      'a ../ entry',
      [
        { name: 'results.json', content: '{}' },
        { name: '../escaped.txt', content: 'pwned' }
      ],
      'escaped.txt'
    ],
    [
      'a link leading outside',
      [
        { name: 'results.json', content: '{}' },
        { name: 'passwd', type: 'symlink' as const, linkname: '../../../../etc/passwd' }
      ],
      'passwd'
    ]
  ])('refuses a malicious model.tar.gz with %s, and fails the step', async (_what, entries, name) => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 100, results: await tarGz(entries) })
    const parent = await mkdtemp(join(tmpdir(), 'malicious-'))
    const dir = join(parent, 'results')
    const run = await follow(standIn, workspace, { inputs: { 'download-results': dir } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(run.stdout).toMatch(/::error title=download-results::Refused to extract the job's results: unsafe archive entry/)
    expect(run.outputs['results-dir']).toBeUndefined()
    expect(await readdir(parent)).toEqual(['results'])
    expect(existsSync(join(dir, name))).toBe(false)
  })

  it('survives throttled GetJob and GetLogEvents calls without losing or repeating a line', async () => {
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 1_500,
      logs: Array.from({ length: 6 }, (_, index) => ({ atMs: index * 200, message: `line ${index}` }))
    })
    const running = await startFollowing(standIn, workspace)
    await running.waitForOutput('Following ')
    standIn.faults.add({ service: 'braket', operation: 'GetJob', kind: 'throttle', times: 2 })
    standIn.faults.add({ service: 'logs', operation: 'GetLogEvents', kind: 'throttle', times: 2 })
    const run = await running.finished
    expect(run.exitCode).toBe(0)
    expect(standIn.faults.pending()).toEqual([])
    expect(standIn.requests.of('braket', 'GetJob').filter((r) => r.errorCode === 'ThrottlingException')).toHaveLength(2)
    expect(standIn.requests.of('logs', 'GetLogEvents').filter((r) => r.errorCode === 'ThrottlingException')).toHaveLength(2)
    expect(printedLines(run.stdout, /^line \d$/)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4', 'line 5'])
    expect(run.outputs.status).toBe('COMPLETED')
  })
})
