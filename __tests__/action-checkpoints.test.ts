// A new job that starts from an earlier job's checkpoints (copy-checkpoints-from-job,
// resume), as the bundled action run in its own process against the stand-in:
// every object copied once before CreateJob, nothing twice on a re-executed step,
// the same job every time, and a clear error before anything is spent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApiStandIn } from '../local/src/github-api/github-api.js'
import type { ActionRun } from '../local/src/run-action.js'
import type { RequestRecord, StandIn } from '../local/src/stand-in.js'
import { pullRequestEvent } from './support/attach-fixtures.js'
import { follow, nextRunId, type FollowRunOptions } from './support/follow-fixtures.js'
import { useStandIn } from './support/stand-in-fixture.js'

const REPO = 'octo/quantum-lab'
const PR = 8

let standIn: StandIn
let workspace: string
let github: GitHubApiStandIn
let eventPath: string

useStandIn((fixture) => ({ standIn, workspace } = fixture))
beforeAll(async () => {
  github = await startGitHubApi()
  eventPath = await pullRequestEvent(REPO, PR)
})
afterAll(async () => github.stop())

/** The objects below a job's checkpointConfig.s3Uri, by their names below it. */
function checkpointsOf(jobArn: string): Map<string, string> {
  const uri = (standIn.jobs.get(jobArn)!.request.checkpointConfig as { s3Uri: string }).s3Uri
  const [, bucket, prefix] = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri)!
  const names = new Map<string, string>()
  for (const object of standIn.objects.list(bucket!, `${prefix}/`)) names.set(object.key.slice(prefix!.length + 1), object.etag)
  return names
}

const requestIndex = (record: RequestRecord) => standIn.requests.records.indexOf(record)

/** A finished job that saved these checkpoint files. */
async function jobWithCheckpoints(files: Record<string, string>, outcome: 'COMPLETED' | 'FAILED' = 'COMPLETED'): Promise<string> {
  standIn.jobs.script({
    queuedMs: 10,
    runningMs: 150 + Object.keys(files).length * 100,
    outcome,
    // Far enough apart that the later file is the newer one even when a loaded machine slows the first write down.
    checkpoints: Object.entries(files).map(([name, content], index) => ({ atMs: index * 100, name, content }))
  })
  const run = await follow(standIn, workspace)
  const jobArn = run.outputs['job-arn']!
  await standIn.jobs.waitForStatus(jobArn, outcome)
  return jobArn
}

describe('copy-checkpoints-from-job', () => {
  it('copies every checkpoint of the job once, before CreateJob, and the new job starts from them', async () => {
    const source = await jobWithCheckpoints({ 'vqe-checkpoint.json': '{"next_iteration": 6}', 'epoch-1/weights.bin': 'w'.repeat(2048) })
    standIn.requests.clear()
    standIn.jobs.script({ queuedMs: 10, runningMs: 100 })
    const runId = nextRunId()
    const run = await follow(standIn, workspace, { runId, inputs: { 'copy-checkpoints-from-job': source } })
    expect(run.exitCode).toBe(0)
    const jobArn = run.outputs['job-arn']!
    expect([...checkpointsOf(jobArn).keys()].sort()).toEqual(['epoch-1/weights.bin', 'vqe-checkpoint.json'])
    expect(checkpointsOf(jobArn)).toEqual(checkpointsOf(source))
    const copies = standIn.requests.of('s3', 'CopyObject')
    expect(copies).toHaveLength(2)
    const createJob = standIn.requests.of('braket', 'CreateJob')[0]!
    for (const copy of copies) expect(requestIndex(copy)).toBeLessThan(requestIndex(createJob))
    expect(standIn.jobs.get(jobArn)!.request.tags).toMatchObject({ 'github:checkpoints-from': source })
    expect(run.stdout).toMatch(/ {2}copied +2 objects \(2\.0 KiB\), server-side\n/)
    expect(run.stdout).toMatch(/ {2}newest +epoch-1\/weights\.bin \(\d{4}-/)
    expect(run.summary).toContain(`♻️ Started from the checkpoints of job <code>${standIn.jobs.get(source)!.jobName}</code>`)
    expect(run.summary).toContain('2 objects (2.0 KiB) copied')

    // The step again (same run, same attempt): the same request, the same job, nothing copied twice.
    standIn.requests.clear()
    const again = await follow(standIn, workspace, { runId, inputs: { 'copy-checkpoints-from-job': source } })
    expect(again.exitCode).toBe(0)
    expect(again.outputs['job-arn']).toBe(jobArn)
    expect(standIn.requests.of('s3', 'CopyObject')).toEqual([])
    expect(again.stdout).toMatch(/ {2}copied +nothing: all 2 objects are already there \(kept, not overwritten\)/)
  })

  it('fails before anything is uploaded or created when the job does not exist', async () => {
    const missing = 'arn:aws:braket:us-west-2:123456789012:job/00000000-0000-4000-8000-0000000000c1'
    const run = await follow(standIn, workspace, { inputs: { 'copy-checkpoints-from-job': missing } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::Input "copy-checkpoints-from-job": there is no hybrid job ${missing} in us-west-2`)
    expect(standIn.requests.of('braket', 'CreateJob')).toEqual([])
    expect(standIn.requests.of('s3').filter((r) => r.method === 'PUT' || r.method === 'POST')).toEqual([])
  })

  it('notes in one line, without failing, a job that left no checkpoints', async () => {
    const source = await jobWithCheckpoints({})
    standIn.jobs.script({ queuedMs: 10, runningMs: 50 })
    const run = await follow(standIn, workspace, { inputs: { 'copy-checkpoints-from-job': source } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/::notice title=copy-checkpoints-from-job::No checkpoints to copy: job \S+ \(COMPLETED\) left none/)
    expect(standIn.requests.of('s3', 'CopyObject')).toEqual([])
  })

  it('refuses a job ARN that is not one, with the other input problems', async () => {
    const run = await follow(standIn, workspace, { inputs: { 'copy-checkpoints-from-job': 'vqe-run-1', 'instance-count': '0' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error title=Input "copy-checkpoints-from-job"::.*"vqe-run-1" is not allowed: it must be a Braket job ARN/)
    expect(run.stdout).toContain('Input "instance-count"')
    expect(standIn.requests.records).toEqual([])
  })
})

describe('resume', () => {
  const prRun = (options: FollowRunOptions) =>
    follow(standIn, workspace, {
      ...options,
      inputs: { resume: 'true', 'comment-on-pr': 'true', 'github-token': github.writeToken, ...options.inputs },
      github: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: github.url, ...options.github }
    })

  it('on a re-run after the job FAILED, starts the fresh job from that job’s checkpoints, and says so', async () => {
    const runId = nextRunId()
    standIn.jobs.script({
      queuedMs: 10,
      runningMs: 200,
      outcome: 'FAILED',
      failureReason: 'AlgorithmError: out of memory at iteration 7',
      checkpoints: [{ atMs: 50, name: 'vqe-checkpoint.json', content: '{"next_iteration": 7}' }]
    })
    const failed = await prRun({ runId })
    expect(failed.exitCode).toBe(1)
    const failedArn = failed.outputs['job-arn']!
    standIn.requests.clear()

    standIn.jobs.script({ queuedMs: 10, runningMs: 100 })
    const rerun = await prRun({ runId, github: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.exitCode).toBe(0)
    const jobArn = rerun.outputs['job-arn']!
    expect(jobArn).not.toBe(failedArn)
    expect([...checkpointsOf(jobArn).keys()]).toEqual(['vqe-checkpoint.json'])
    expect(standIn.jobs.get(jobArn)!.request.tags).toMatchObject({ 'github:resumes-attempt': '1', 'github:run-attempt': '2' })
    const copy = standIn.requests.of('s3', 'CopyObject')
    expect(copy).toHaveLength(1)
    expect(requestIndex(copy[0]!)).toBeLessThan(requestIndex(standIn.requests.of('braket', 'CreateJob').at(-1)!))
    const failedName = standIn.jobs.get(failedArn)!.jobName
    const note = `♻️ Resumed from run attempt 1's job <code>${failedName}</code> (<code>FAILED</code>)`
    expect(rerun.summary).toContain(note)
    expect(rerun.summary).toContain('newest <code>vqe-checkpoint.json</code>')
    const comment = github.comments.list(REPO, PR).find((c) => c.body.includes(rerun.outputs['job-name']!))!
    expect(comment.body).toContain(note)
    expect(rerun.stdout).toContain('Checkpoints (resume)')

    // Re-executing the re-run's step: the same job, nothing copied again.
    standIn.requests.clear()
    const again = await prRun({ runId, github: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(again.outputs['job-arn']).toBe(jobArn)
    expect(standIn.requests.of('s3', 'CopyObject')).toEqual([])
  })

  it('on a re-run after the job COMPLETED, does nothing new: the same job, nothing copied', async () => {
    const runId = nextRunId()
    standIn.jobs.script({ queuedMs: 10, runningMs: 100, checkpoints: [{ atMs: 10, name: 'state.json', content: '{}' }] })
    const first = await prRun({ runId })
    expect(first.exitCode).toBe(0)
    standIn.requests.clear()
    const before = standIn.jobs.all().length

    const rerun = await prRun({ runId, github: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.exitCode).toBe(0)
    expect(rerun.outputs['job-arn']).toBe(first.outputs['job-arn'])
    expect(standIn.jobs.all()).toHaveLength(before)
    expect(standIn.requests.of('s3', 'CopyObject')).toEqual([])
    expect(rerun.summary).not.toContain('♻️')
  })
})

/** For the README's claim: a re-run's plan is the same on every re-execution, so the dry run shows the tag too. */
describe('the CreateJob request', () => {
  it('names the source job in a tag, deterministically', async () => {
    const source = 'arn:aws:braket:us-west-2:123456789012:job/5b0b3f4e-1f0e-4c59-9d0c-0a7e2b1f9d21'
    const dryRun = (): Promise<ActionRun> =>
      follow(standIn, workspace, { runId: '777', inputs: { 'dry-run': 'true', 'copy-checkpoints-from-job': source } })
    const [one, two] = [await dryRun(), await dryRun()]
    expect(one.outputs['client-token']).toBe(two.outputs['client-token'])
    expect(one.stdout).toContain(`"github:checkpoints-from": "${source}"`)
    expect(standIn.requests.records).toEqual([])
  })
})
