// Experiments, end to end: the bundled action as its own process against the
// stand-in writes a record of each run to S3, completes it, moves
// latest-completed.json forward only, and compares a pull request's job with the
// base branch's latest completed one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubApi, type GitHubApiStandIn } from '../local/src/github-api/github-api.js'
import type { ActionRun } from '../local/src/run-action.js'
import type { StandIn } from '../local/src/stand-in.js'
import { follow, startFollowing, unexpectedStderr } from './support/follow-fixtures.js'
import { useStandIn } from './support/stand-in-fixture.js'

const BUCKET = 'amazon-braket-us-west-2-123456789012'
const HEAD_SHA = 'b'.repeat(40)

let standIn: StandIn
let workspace: string
useStandIn((fixture) => ({ standIn, workspace } = fixture))
let github: GitHubApiStandIn
beforeAll(async () => void (github = await startGitHubApi()))
afterAll(async () => github.stop())

const energyLines = (values: readonly number[]) =>
  values.map((energy, iteration) => ({ atMs: iteration * 10, message: `Metrics - energy=${energy}; iteration_number=${iteration};` }))

/** One job's script: these energies logged, then COMPLETED. */
function scriptEnergies(values: readonly number[], extra: { runningMs?: number; queuedMs?: number } = {}): void {
  standIn.jobs.script({ queuedMs: extra.queuedMs ?? 20, runningMs: extra.runningMs ?? 150, logs: energyLines(values) })
}

async function pullRequestEvent(head: string, base: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'event-')), 'event.json')
  await writeFile(
    path,
    JSON.stringify({
      number: 7,
      pull_request: { number: 7, head: { ref: head, sha: HEAD_SHA }, base: { ref: base } },
      repository: { full_name: 'octo/quantum-lab', name: 'quantum-lab', owner: { login: 'octo' }, default_branch: 'main' }
    })
  )
  return path
}

function pushRun(experiment: string, inputs: Record<string, string> = {}, branch = 'main'): Promise<ActionRun> {
  return follow(standIn, workspace, {
    inputs: { experiment, hyperparameters: 'shots: 1000', ...inputs },
    github: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: `refs/heads/${branch}`, GITHUB_REF_NAME: branch }
  })
}

async function pullRequestRun(experiment: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return follow(standIn, workspace, {
    inputs: { experiment, hyperparameters: 'shots: 2000', 'comment-on-pr': 'true', 'github-token': github.writeToken, ...inputs },
    github: {
      GITHUB_API_URL: github.url,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: await pullRequestEvent('feature/faster-ansatz', 'main'),
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_HEAD_REF: 'feature/faster-ansatz',
      GITHUB_BASE_REF: 'main',
      GITHUB_SHA: 'c'.repeat(40)
    }
  })
}

const folder = (experiment: string, ref: string) => `jobs/experiments/${experiment}/${ref}/`

function json(key: string): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    standIn.objects
      .read(BUCKET, key)
      .on('data', (chunk: Buffer) => chunks.push(chunk))
      .on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      .on('error', reject)
  })
}

function recordKeys(experiment: string, ref: string): string[] {
  return standIn.objects
    .list(BUCKET, folder(experiment, ref))
    .map((object) => object.key)
    .filter((key) => !key.endsWith('latest-completed.json'))
}

async function pointer(experiment: string, ref: string) {
  return json(`${folder(experiment, ref)}latest-completed.json`)
}

describe('experiment records', () => {
  it('a push run writes its record, completes it with the outcome and metrics, and points latest-completed at it', async () => {
    const energies = Array.from({ length: 150 }, (_, index) => -1 + Math.exp(-index / 30))
    scriptEnergies(energies)
    const run = await pushRun('records-push')
    expect(unexpectedStderr(run.stderr)).toBe('')
    expect(run.exitCode).toBe(0)

    const [key, ...others] = recordKeys('records-push', 'main')
    expect(others).toEqual([])
    expect(key).toMatch(/^jobs\/experiments\/records-push\/main\/\d{13}-\d{8}T\d{6}Z-run\d+-1\.json$/)
    const record = await json(key!)
    expect(record).toMatchObject({
      schema: 'braket-hybrid-job-experiment-record',
      schemaVersion: 1,
      experiment: 'records-push',
      repository: 'octo/quantum-lab',
      ref: 'main',
      branch: 'main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      run: { attempt: 1, event: 'push', workflow: 'experiments' },
      job: { arn: run.outputs['job-arn'], name: run.outputs['job-name'], instanceType: 'ml.m5.large', hyperParameters: { shots: '1000' } },
      status: 'COMPLETED'
    })
    expect(record.metrics.final.energy).toBeCloseTo(energies.at(-1)!, 10)
    expect(record.metrics.range.energy.min).toBeCloseTo(energies.at(-1)!, 10)
    // Downsampled as the chart is: 150 iterations in 50 slots of 3 whole iterations, each the mean of its values.
    const points: [number, number][] = record.metrics.series[0].points
    expect(points).toHaveLength(50)
    expect(points[0]![1]).toBeCloseTo((energies[0]! + energies[1]! + energies[2]!) / 3, 10)
    expect(points.at(-1)![1]).toBeCloseTo((energies[147]! + energies[148]! + energies[149]!) / 3, 10)
    expect(Date.parse(record.createdAt)).toBeLessThanOrEqual(Date.parse(record.endedAt))
    expect(record.billableDurationMs).toBeGreaterThan(0)
    expect(record.cost).toMatchObject({ complete: true, unknown: [] })
    expect(record.cost.usd).toBeCloseTo(Number(run.outputs['cost-usd']), 6)
    expect(record.quantumTasks).toEqual({ total: 0, byStatus: {}, byDevice: {}, shots: 0, failedArns: [] })
    expect(record.completed.byRunUrl).toMatch(/^https:\/\/github\.com\/octo\/quantum-lab\/actions\/runs\/\d+$/)

    expect(await pointer('records-push', 'main')).toMatchObject({
      record: key,
      jobArn: run.outputs['job-arn'],
      jobCreatedAt: record.createdAt
    })
    // The record was written twice (submitted, completed), the pointer once, each naming the bucket's owner.
    const writes = standIn.requests.of('s3', 'PutObject').filter((r) => r.path.includes('/experiments/'))
    expect(writes).toHaveLength(3)
    for (const write of writes) expect(write.headers['x-amz-expected-bucket-owner']).toBe('123456789012')
    expect(writes.at(-1)!.headers['if-none-match']).toBe('*')
    expect(run.stdout).toContain(`Experiment records-push: recorded this run at s3://${BUCKET}/${key}`)
  })

  it('a pull-request run compares with the base branch: deltas, verdicts and the settings that differ', async () => {
    scriptEnergies([0.2, -0.5, -0.9, -1.0])
    expect((await pushRun('records-pr')).exitCode).toBe(0)
    scriptEnergies([0.1, -0.7, -1.2, -1.1])
    const run = await pullRequestRun('records-pr', { 'metric-goals': 'energy: min' })
    expect(run.exitCode).toBe(0)

    const [key] = recordKeys('records-pr', 'feature-faster-ansatz')
    expect(await json(key!)).toMatchObject({ ref: 'feature-faster-ansatz', branch: 'feature/faster-ansatz', sha: HEAD_SHA })
    const baselineKey = recordKeys('records-pr', 'main')[0]!
    const baseline = await json(baselineKey)
    const comparison = JSON.parse(run.outputs.comparison!)
    expect(comparison.baseline).toEqual({
      ref: 'main',
      sha: '0123456789abcdef0123456789abcdef01234567',
      jobArn: baseline.job.arn,
      runUrl: baseline.run.url
    })
    expect(comparison.metrics.energy).toEqual({
      goal: 'min',
      baseline: -1,
      value: -1.1,
      delta: -0.1,
      deltaPercent: -10,
      verdict: 'improved'
    })
    expect(comparison.differences).toEqual([{ name: 'shots', baseline: '1000', value: '2000' }])
    expect(comparison.regressed).toEqual([])
    expect(run.stdout).toMatch(/Compared with main \(the pull request's base branch\)/)
    expect(run.stdout).toContain('energy: -1 → -1.1 (-0.1, -10%) ✅ improved')
    expect(run.stdout).toContain('shots 1000 → 2000')
    // The summary: the comparison with Δ and Δ%, what differs, a link to the baseline's run, the chart's two lines named.
    expect(run.summary).toContain('### Compared with the baseline')
    expect(run.summary).toContain('| Metric | Baseline | This run | Δ | Δ% |')
    expect(run.summary).toContain('| energy <sub>min</sub> | -1 (best -1) | -1.1 (best -1.2) | -0.1 ✅ | -10% |')
    expect(run.summary).toContain('Settings that differ: <code>shots</code> <code>1000</code> → <code>2000</code>')
    expect(run.summary).toContain(`<a href="${baseline.run.url}">its workflow run</a>`)
    expect(run.summary).toContain('  line [0.2, -0.5, -0.9, -1]\n  line [0.1, -0.7, -1.2, -1.1]')
    expect(run.summary).toMatch(/🔵 this run · 🟠 baseline: main @\S* 0123456/)
    // The pull request's comment: the same comparison, settings and overlaid chart, where reviewers read them.
    const [comment] = github.comments.list('octo/quantum-lab', 7)
    expect(comment?.body).toContain('| energy <sub>min</sub> | -1 (best -1) | -1.1 (best -1.2) | -0.1 ✅ | -10% |')
    expect(comment?.body).toContain('Settings that differ: <code>shots</code> <code>1000</code> → <code>2000</code>')
    expect(comment?.body).toContain('  line [0.2, -0.5, -0.9, -1]\n  line [0.1, -0.7, -1.2, -1.1]')
    expect(comment?.body).toContain('the AWS bill is authoritative')
  })

  it('a push that did not wait becomes the baseline once its job completed, and its record is completed then', async () => {
    scriptEnergies([0.3, -0.4, -0.8], { queuedMs: 500, runningMs: 200 })
    const unwaited = await pushRun('records-nowait', { wait: 'false' })
    expect(unwaited.exitCode).toBe(0)
    const key = recordKeys('records-nowait', 'main')[0]!
    expect((await json(key)).status).toBe('QUEUED')
    await standIn.jobs.waitForStatus(unwaited.outputs['job-arn']!, 'COMPLETED')

    scriptEnergies([0.1, -0.6, -0.7])
    const run = await pullRequestRun('records-nowait')
    expect(run.exitCode).toBe(0)
    const completed = await json(key)
    expect(completed).toMatchObject({ status: 'COMPLETED', metrics: { final: { energy: -0.8 } } })
    expect(completed.completed.byRunUrl).toContain('/actions/runs/')
    expect(await pointer('records-nowait', 'main')).toMatchObject({ record: key, jobArn: unwaited.outputs['job-arn'] })
    const comparison = JSON.parse(run.outputs.comparison!)
    expect(comparison.metrics.energy).toMatchObject({ baseline: -0.8, value: -0.7, verdict: 'no-goal' })
    // Its cost was estimated then too, so the cost is compared.
    expect(completed.cost).toMatchObject({ complete: true, unknown: [] })
    expect(comparison.costUsd.baseline).toBeCloseTo(completed.cost.usd, 9)
    expect(comparison.costUsd.value).toBeGreaterThan(0)
    expect(run.stdout).toContain('Baseline: recorded the outcome of')
  })

  it('two runs finishing together never move latest-completed back to the older job', async () => {
    // The first job is created first and runs longest: it completes last.
    scriptEnergies([1, 0.5], { runningMs: 5000 })
    const older = await startFollowing(standIn, workspace, {
      inputs: { experiment: 'records-race' },
      github: { GITHUB_EVENT_NAME: 'push' }
    })
    await older.waitForOutput('Following ')
    scriptEnergies([1, 0.2], { runningMs: 100 })
    const newer = await pushRun('records-race')
    expect(newer.exitCode).toBe(0)
    expect((await pointer('records-race', 'main')).jobArn).toBe(newer.outputs['job-arn'])
    const olderRun = await older.finished
    expect(olderRun.exitCode).toBe(0)
    expect((await pointer('records-race', 'main')).jobArn).toBe(newer.outputs['job-arn'])
    // The older run read the pointer, saw a newer job and left it: one pointer write in all, the newer run's.
    const pointerWrites = standIn.requests.of('s3', 'PutObject').filter((r) => r.path.includes('records-race/main/latest-completed.json'))
    expect(pointerWrites.map((write) => write.status)).toEqual([200])
    // Both records are complete; the newer one sorts first.
    const keys = recordKeys('records-race', 'main')
    expect(keys).toHaveLength(2)
    expect((await json(keys[0]!)).job.arn).toBe(newer.outputs['job-arn'])
    expect((await json(keys[1]!)).status).toBe('COMPLETED')
  })

  it('without a baseline says so in one line, and how one is made', async () => {
    scriptEnergies([0.5, -0.5])
    const run = await pullRequestRun('records-none')
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.comparison!)).toEqual({
      baseline: null,
      ref: 'main',
      reason: 'no run of experiment records-none on main has completed yet'
    })
    expect(run.stdout).toContain('No baseline to compare with: no run of experiment records-none on main has completed yet.')
  })
})

describe('records that cannot be written or read', () => {
  it('are warnings that name the call and what to do; the step still succeeds', async () => {
    // A first run puts the source in S3 (content-addressed): the faulted run's PutObject and listing calls are then the experiment's.
    scriptEnergies([0.5, -0.4])
    expect((await pushRun('records-broken')).exitCode).toBe(0)
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'error', times: 1000 })
    standIn.faults.add({ service: 's3', operation: 'ListObjectsV2', kind: 'error', times: 1000 })
    scriptEnergies([0.5, -0.5])
    const run = await pullRequestRun('records-broken')
    standIn.faults.clear()
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
    const folderUri = `s3://${BUCKET}/${folder('records-broken', 'feature-faster-ansatz')}`
    const warning = run.stdout
      .split('\n')
      .find((line) => line.startsWith('::warning title=experiment::Could not write the experiment record'))
    expect(warning).toContain(`: S3 PutObject (${folderUri}`)
    expect(warning).toMatch(/\.json\) failed after 6 attempts: InternalError/)
    expect(run.stdout).toMatch(
      /The job is not affected\. Comparing runs needs s3:GetObject, s3:PutObject and s3:ListBucket on s3:\/\/\S+\/jobs\/experiments\/\*/
    )
    expect(run.stdout).toMatch(/::warning title=experiment::Could not read the baseline's records of branch main: S3 ListObjectsV2/)
    expect(JSON.parse(run.outputs.comparison!)).toMatchObject({ baseline: null, ref: 'main' })
    expect(recordKeys('records-broken', 'feature-faster-ansatz')).toEqual([])
  })
})

describe('metric goals and max-regression-percent', () => {
  it('fail the step on a regression beyond the limit, with which metric and by how much, and pass on an improvement', async () => {
    scriptEnergies([0.1, -0.9, -1.0])
    expect((await pushRun('goals')).exitCode).toBe(0)
    const inputs = { 'metric-goals': 'energy: min', 'max-regression-percent': '5' }

    scriptEnergies([0.1, -0.8, -0.9])
    const regressed = await pullRequestRun('goals', inputs)
    expect(regressed.exitCode).toBe(1)
    expect(regressed.outputs.status).toBe('COMPLETED')
    expect(JSON.parse(regressed.outputs.comparison!)).toMatchObject({
      metrics: { energy: { baseline: -1, value: -0.9, verdict: 'regressed' } },
      maxRegressionPercent: 5,
      regressed: ['energy']
    })
    expect(regressed.stdout).toMatch(
      /::error::Compared with main: energy -1 → -0\.9 \(10%25 worse, goal min\)\. That is beyond max-regression-percent \(5%25\)/
    )

    scriptEnergies([0.1, -0.9, -1.04])
    const improved = await pullRequestRun('goals', inputs)
    expect(improved.exitCode).toBe(0)
    expect(JSON.parse(improved.outputs.comparison!)).toMatchObject({ metrics: { energy: { verdict: 'improved' } }, regressed: [] })
  })
})
