// Following a job this step did not submit (job-arn, attach: latest), as the
// bundled action run in its own process against the stand-in: from a second
// process while the job runs, in another region, from where the log stood, and
// picked up again after a wait ran out.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { runAction } from '../local/src/run-action.js'
import { runnerStopsFirst } from '../src/attach/runner-limits.js'
import { DEFAULT_WAIT_TIMEOUT_MINUTES } from '../src/inputs/follow-section.js'
import type { StandIn } from '../local/src/stand-in.js'
import { attach, attachOptions, startAttaching } from './support/attach-fixtures.js'
import { SV1, follow, followOptions, printedLines, unexpectedStderr } from './support/follow-fixtures.js'
import { useStandIn } from './support/stand-in-fixture.js'
import { tarGz } from './support/tar-gz.js'

let standIn: StandIn
let workspace: string

useStandIn((fixture) => ({ standIn, workspace } = fixture))

const metricLine = (iteration: number, cost: number) =>
  `Metrics - timestamp=${1_700_000_000 + iteration}; cost=${cost}; iteration_number=${iteration};`

/** Submits without waiting, as the first job of a workflow would; the job's ARN. */
async function submit(inputs: Record<string, string> = {}, github: Record<string, string> = {}): Promise<string> {
  const run = await follow(standIn, workspace, { inputs: { wait: 'false', ...inputs }, github })
  expect(run.exitCode).toBe(0)
  return run.outputs['job-arn']!
}

describe('attaching to a job submitted elsewhere', () => {
  it('follows a RUNNING job from a second process to COMPLETED: log from its start, outputs, charts, results', async () => {
    const costs = [0.4, -0.2, -0.7, -1.0, -1.1]
    const results = await tarGz([{ name: 'results.json', content: JSON.stringify({ energy: -1.1 }) }])
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 1_500,
      logs: [
        { atMs: 0, message: 'before the second process looked' },
        ...costs.map((cost, iteration) => ({ atMs: 400 + iteration * 150, message: metricLine(iteration, cost) }))
      ],
      results
    })
    const jobArn = await submit()
    await standIn.jobs.waitForStatus(jobArn, 'RUNNING')
    standIn.requests.clear()

    const dir = await mkdtemp(join(tmpdir(), 'attached-results-'))
    const run = await attach(standIn, workspace, { 'job-arn': jobArn, wait: 'true', 'download-results': dir })
    expect(unexpectedStderr(run.stderr)).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'job-arn': jobArn, status: 'COMPLETED' })
    expect(run.outputs['job-name']).toBe(standIn.jobs.get(jobArn)!.jobName)
    expect(JSON.parse(run.outputs.metrics!)).toEqual({ cost: -1.1 })
    expect(run.outputs['results-dir']).toBe(dir)
    expect(JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'))).toEqual({ energy: -1.1 })
    // The whole log, the line printed before this process started included.
    expect(printedLines(run.stdout, /^before the second process looked$/)).toHaveLength(1)
    expect(run.stdout).toContain('Job (attached: submitted elsewhere, followed here)')
    expect(run.stdout).toMatch(/submitted by +"experiments" run \d+ of octo\/quantum-lab/)
    expect(run.summary).toMatch(/^## ✅ Amazon Braket hybrid job <code>[^<]+<\/code>: COMPLETED$/m)
    const submittedBy = /<tr><th align="left">Submitted by<\/th><td>(.*)<\/td><\/tr>/.exec(run.summary)?.[1]
    expect(submittedBy).toMatch(
      /^<a href="https:\/\/github\.com\/octo\/quantum-lab\/actions\/runs\/\d+">&quot;experiments&quot; run \d+ of octo\/quantum-lab<\/a>$/
    )
    expect(run.summary).toContain('```mermaid\n')
    expect(run.summary).toContain('xychart-beta\n  title "cost"')
    expect(run.summary).toContain('&quot;energy&quot;: -1.1')
    // Its cost and quantum tasks, from what GetJob says it was created with.
    expect(Number(run.outputs['cost-usd'])).toBeGreaterThan(0)
    expect(JSON.parse(run.outputs['quantum-tasks']!)).toMatchObject({ total: 0 })
    expect(run.summary).toContain('### Cost')
    expect(run.summary).toContain('### Quantum tasks')
    expect(standIn.requests.of('pricing', 'GetProducts').length).toBeGreaterThan(0)
    // Nothing packaged, uploaded or created.
    expect(standIn.requests.of('braket', 'CreateJob')).toEqual([])
    expect(standIn.requests.of('s3').filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([])
  })

  it('refuses submission inputs with one message each naming the input and job-arn, before any AWS call', async () => {
    const jobArn = 'arn:aws:braket:us-west-2:123456789012:job/7c7a2f7e-0a8b-4a57-8d0b-0c3f2b6b9f10'
    const run = await attach(standIn, workspace, {
      'job-arn': jobArn,
      device: SV1,
      'source-dir': 'algorithms/vqe',
      hyperparameters: 'shots: 100',
      'instance-count': '2',
      // Set to their defaults: indistinguishable from not given, so accepted.
      'instance-type': 'ml.m5.large',
      'dry-run': 'false',
      wait: 'true'
    })
    expect(run.exitCode).toBe(1)
    for (const input of ['device', 'source-dir', 'hyperparameters', 'instance-count']) {
      expect(run.stdout).toMatch(
        new RegExp(`::error title=Input "${input}"::Input "${input}" is for submitting a job, but job-arn is set: .*Remove ${input}`)
      )
    }
    expect(run.stdout).not.toContain('Input "instance-type"')
    expect(run.stdout).not.toContain('Input "dry-run"')
    expect(run.stdout).toContain('::error::4 inputs are not valid; nothing was uploaded and no job was created.')
    expect(standIn.requests.records).toEqual([])
  })

  it("follows a job of another region in that region, whatever the environment's; a disagreeing aws-region is refused", async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 300, logs: [{ atMs: 0, message: 'in us-east-1' }] })
    const jobArn = await submit({ 'aws-region': 'us-east-1' })
    expect(jobArn).toMatch(/^arn:aws:braket:us-east-1:/)
    standIn.requests.clear()

    const run = await attach(standIn, workspace, { 'job-arn': jobArn, wait: 'true' }, { env: { AWS_REGION: 'us-west-2' } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(run.outputs['console-url']).toBe(`https://us-east-1.console.aws.amazon.com/braket/home?region=us-east-1#/jobs/${jobArn}`)
    expect(printedLines(run.stdout, /^in us-east-1$/)).toHaveLength(1)
    const signed = standIn.requests.of('braket').map((request) => request.region)
    expect(signed.length).toBeGreaterThan(0)
    expect(new Set(signed)).toEqual(new Set(['us-east-1']))

    standIn.requests.clear()
    const mismatch = await attach(standIn, workspace, { 'job-arn': jobArn, 'aws-region': 'us-west-2', wait: 'true' })
    expect(mismatch.exitCode).toBe(1)
    expect(mismatch.stdout).toMatch(
      /::error title=Input "aws-region"::Input "aws-region" is us-west-2, but job-arn names a job of us-east-1: leave aws-region empty .*\n/
    )
    expect(mismatch.stdout).toContain('or set it to us-east-1.\n')
    expect(standIn.requests.records).toEqual([])
  })

  it('says clearly when job-arn names no job', async () => {
    const jobArn = 'arn:aws:braket:us-west-2:123456789012:job/00000000-0000-4000-8000-000000000000'
    const run = await attach(standIn, workspace, { 'job-arn': jobArn, wait: 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::Input "job-arn": there is no hybrid job ${jobArn} in us-west-2`)
  })

  it('attach: latest follows the newest job of the experiment, found with SearchJobs and the provenance tags', async () => {
    const experiment = `nightly-${Date.now()}`
    standIn.jobs.setDefaultScript({ queuedMs: 20, runningMs: 200 })
    const older = await submit({ experiment })
    const newer = await submit({ experiment })
    standIn.jobs.setDefaultScript({})
    standIn.requests.clear()

    const run = await attach(standIn, workspace, { attach: 'latest', experiment, 'aws-region': 'us-west-2', wait: 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['job-arn']).toBe(newer)
    expect(run.outputs['job-arn']).not.toBe(older)
    const search = standIn.requests.of('braket', 'SearchJobs')
    expect(search.length).toBeGreaterThan(0)
    expect(search[0]!.body).toMatchObject({ filters: [{ name: 'createdAt', operator: 'BETWEEN' }] })

    const none = await attach(standIn, workspace, { attach: 'latest', experiment: 'never-ran', 'aws-region': 'us-west-2' })
    expect(none.exitCode).toBe(1)
    expect(none.stdout).toContain('::error::Input "attach": no job of experiment "never-ran" of octo/quantum-lab was created in us-west-2')
  })

  it('with logs-since, prints the log from that time on', async () => {
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 1_200,
      logs: [
        { atMs: 0, message: 'early line' },
        { atMs: 900, message: 'late line' }
      ]
    })
    const jobArn = await submit()
    const record = await standIn.jobs.waitForStatus(jobArn, 'RUNNING')
    const since = new Date(record.startedAt!.getTime() + 450).toISOString()
    const run = await attach(standIn, workspace, { 'job-arn': jobArn, wait: 'true', 'logs-since': since })
    expect(run.exitCode).toBe(0)
    expect(printedLines(run.stdout, /^late line$/)).toHaveLength(1)
    expect(run.stdout).not.toContain('early line')
    expect(run.stdout).toMatch(/log +from \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(logs-since\)/)
    for (const read of standIn.requests.of('logs', 'GetLogEvents')) expect(read.body).toMatchObject({ startTime: Date.parse(since) })
  })

  it('leaves an attached job alone on a workflow cancel unless cancel-on-workflow-cancel is true', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 600_000, logs: [{ atMs: 0, message: 'optimizing…' }] })
    const jobArn = await submit()
    const running = await startAttaching(standIn, workspace, { 'job-arn': jobArn, wait: 'true' })
    await running.waitForOutput('optimizing…')
    running.child.kill('SIGINT')
    const run = await running.finished
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('(cancel-on-workflow-cancel: false)')
    expect(standIn.requests.of('braket', 'CancelJob')).toEqual([])
    expect(standIn.jobs.get(jobArn)!.status).toBe('RUNNING')

    const asked = await startAttaching(standIn, workspace, { 'job-arn': jobArn, wait: 'true', 'cancel-on-workflow-cancel': 'true' })
    await asked.waitForOutput('optimizing…')
    asked.child.kill('SIGINT')
    const cancelled = await asked.finished
    expect(cancelled.exitCode).toBe(1)
    expect(standIn.requests.of('braket', 'CancelJob')).toHaveLength(1)
    expect((await standIn.jobs.waitForStatus(jobArn, 'CANCELLED')).status).toBe('CANCELLED')
  })
})

describe('the post step of an attaching step', () => {
  it('cancels the attached job only when the step was asked to and was killed while following it', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 600_000, logs: [{ atMs: 0, message: 'optimizing…' }] })
    const jobArn = await submit()
    const killedWhileFollowing = async (inputs: Record<string, string>) => {
      const running = await startAttaching(standIn, workspace, inputs)
      await running.waitForOutput('optimizing…')
      running.child.kill('SIGKILL')
      return (await running.finished).state
    }
    const post = (state: Record<string, string>, inputs: Record<string, string>) =>
      runAction({ ...attachOptions(standIn, workspace, inputs), entry: 'post', state })

    const leftAlone = { 'job-arn': jobArn, wait: 'true' }
    const after = await post(await killedWhileFollowing(leftAlone), leftAlone)
    expect(after.exitCode).toBe(0)
    expect(standIn.requests.of('braket', 'CancelJob')).toEqual([])

    const asked = { 'job-arn': jobArn, wait: 'true', 'cancel-on-workflow-cancel': 'true' }
    const cancelled = await post(await killedWhileFollowing(asked), asked)
    expect(cancelled.exitCode).toBe(0)
    expect(standIn.requests.of('braket', 'CancelJob')).toHaveLength(1)
    expect(cancelled.stdout).toMatch(/::warning title=Amazon Braket hybrid job::Cancelled arn:aws:braket:\S+ \(it was RUNNING\)/)
  })
})

describe('jobs that outlive the wait', () => {
  it('prints the step that picks a job left running up later, and that step follows it to its end', async () => {
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 2_500,
      logs: [
        { atMs: 0, message: 'first half' },
        { atMs: 2_000, message: 'second half' }
      ]
    })
    const action = { GITHUB_ACTION_REPOSITORY: 'octo/braket-hybrid-job-action', GITHUB_ACTION_REF: 'v1' }
    const inputs = { 'wait-timeout-minutes': '0.01', 'cancel-on-timeout': 'false' }
    const first = await runAction(followOptions(standIn, workspace, { inputs, env: action }))
    expect(first.exitCode).toBe(1)
    const jobArn = first.outputs['job-arn']!
    expect(first.stdout).toContain(`pick it up later with a step that has job-arn: ${jobArn}`)
    const step = /^ {4}(- uses: octo\/braket-hybrid-job-action@v1\n(?: {4} {2}.*\n)+)/m.exec(first.stdout)?.[1]
    expect(step).toBeDefined()
    expect(first.summary).toContain('Pick the job up later')
    expect(first.summary).toContain(`job-arn: ${jobArn}`)

    // The printed step, pasted into a later job.
    const pasted = parse(step!.replace(/^ {4}/gm, '')) as Array<{ uses: string; with: Record<string, string | boolean> }>
    const withInputs = Object.fromEntries(Object.entries(pasted[0]!.with).map(([name, value]) => [name, String(value)]))
    expect(withInputs).toMatchObject({ 'job-arn': jobArn, wait: 'true' })
    const later = await attach(standIn, workspace, withInputs)
    expect(later.exitCode).toBe(0)
    expect(later.outputs.status).toBe('COMPLETED')
    expect(printedLines(later.stdout, /^second half$/)).toHaveLength(1)
    expect(later.stdout).not.toContain('first half')
  })

  it('warns on a GitHub-hosted runner when the wait may outlast the runner, and points at attach', async () => {
    const dryRun = { 'dry-run': 'true', 'wait-timeout-minutes': '600' }
    const hosted = await runAction(followOptions(standIn, workspace, { inputs: dryRun, env: { RUNNER_ENVIRONMENT: 'github-hosted' } }))
    expect(hosted.exitCode).toBe(0)
    expect(hosted.stdout).toMatch(
      /::warning title=wait-timeout-minutes::wait-timeout-minutes is 600, but this GitHub-hosted runner stops the job after 360 minutes/
    )
    expect(hosted.stdout).toMatch(/title=wait-timeout-minutes::.*submit with wait: false and follow the job .* job-arn/i)
    const selfHosted = await runAction(followOptions(standIn, workspace, { inputs: dryRun, env: { RUNNER_ENVIRONMENT: 'self-hosted' } }))
    expect(selfHosted.stdout).not.toContain('title=wait-timeout-minutes')
    // The default wait fits; a job's five-day max-runtime alone is no reason to warn.
    const hostedEnv = { RUNNER_ENVIRONMENT: 'github-hosted' }
    expect(runnerStopsFirst({ wait: true, waitTimeoutMinutes: DEFAULT_WAIT_TIMEOUT_MINUTES }, hostedEnv)).toBe(false)
    expect(runnerStopsFirst({ wait: false, waitTimeoutMinutes: 600 }, hostedEnv)).toBe(false)
    expect(runnerStopsFirst({ wait: true, waitTimeoutMinutes: 361 }, hostedEnv)).toBe(true)
  })
})
