// run() inside the test process, against the local AWS stand-in over real HTTP (the SDK finds it through
// AWS_ENDPOINT_URL_<SERVICE>), with @actions/core recorded: what a submission outputs, saves for the post
// step and writes to the summary; what the stand-in received; and the re-run branches of exactly-once.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import type { CreateJobCommandInput } from '@aws-sdk/client-braket'
import type { JobRecord } from '../../local/src/braket/jobs.js'
import { STATIC_CREDENTIALS, type StandIn } from '../../local/src/stand-in.js'
import { followInputs } from '../support/follow-fixtures.js'
import { runInProcess, type InProcessOptions } from '../support/in-process-action.js'
import { useStandIn } from '../support/stand-in-fixture.js'
import * as core from '../fixtures/core.js'

jest.unstable_mockModule('@actions/core', () => core)
// @actions/github reads the event once, when it is first imported, as when the runner starts the action.
process.env.GITHUB_EVENT_NAME = 'push'
const { run } = await import('../../src/main.js')

const ACCOUNT = STATIC_CREDENTIALS.accountId
const DEFAULT_BUCKET = `amazon-braket-us-west-2-${ACCOUNT}`
const ROLE = 'arn:aws:iam::123456789012:role/github-braket-submit'

const baseInputs = { ...followInputs, wait: 'false', hyperparameters: 'shots: 100' }

let standIn: StandIn
let workspace: string
useStandIn((fixture) => {
  ;({ standIn, workspace } = fixture)
})
afterEach(() => {
  standIn.permissions.clear()
  standIn.jobs.setDefaultScript({})
})

let runCounter = 0
/** A run of its own: a new GITHUB_RUN_ID, so a new clientToken and job. */
function nextRunId(): string {
  runCounter += 1
  return String(70_000 + runCounter)
}

function submit(options: Partial<InProcessOptions> & { runId?: string; attempt?: number } = {}) {
  return runInProcess(run, {
    workspace,
    ...options,
    inputs: { ...baseInputs, ...options.inputs },
    github: { GITHUB_RUN_ID: options.runId ?? nextRunId(), GITHUB_RUN_ATTEMPT: String(options.attempt ?? 1), ...options.github },
    env: { ...standIn.env, BRAKET_ACTION_POLL_INTERVAL_MS: '20,100', ...options.env }
  })
}

/** Where CreateJob said the job's source is. */
const sourceUri = (job: JobRecord) => (job.request as unknown as CreateJobCommandInput).algorithmSpecification?.scriptModeConfig?.s3Uri

const operations = (service: 'braket' | 's3' | 'sts') => standIn.requests.of(service).map((request) => request.operation)

describe('run(): a submission that does not wait', () => {
  it('creates the default bucket, uploads the source, creates one job, and outputs, saves and summarises it', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const result = await submit({ runId: '70000' })

    expect(result.failed).toEqual([])
    const [job] = standIn.jobs.all().filter((record) => record.jobArn === result.outputs['job-arn'])
    expect(job).toBeDefined()
    expect(result.outputs).toMatchObject({
      'job-arn': job!.jobArn,
      'job-name': job!.jobName,
      'client-token': job!.request.clientToken,
      status: 'QUEUED'
    })
    expect(result.outputs['console-url']).toContain(job!.jobArn)
    // The post step learns the job the moment it exists; a step that does not wait leaves no cancel to the post step.
    expect(result.state).toEqual({ 'job-arn': job!.jobArn })
    expect(result.summary).toContain(job!.jobName)
    expect(result.summary).toContain('QUEUED')

    expect(operations('sts')).toEqual(['GetCallerIdentity'])
    expect(operations('s3').slice(0, 2)).toEqual(['HeadBucket', 'CreateBucket'])
    expect(operations('s3')).toContain('PutObject')
    expect(operations('braket')).toEqual(['GetDevice', 'CreateJob', 'GetJob'])
    // The hyperparameters and source went where CreateJob says.
    expect(job!.request.hyperParameters).toMatchObject({ shots: '100' })
    expect(sourceUri(job!)).toMatch(new RegExp(`^s3://${DEFAULT_BUCKET}/jobs/sources/[0-9a-f]{64}/source\\.tar\\.gz$`))
  })

  it('reuses the job and the staged source when the same run and step runs again', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const first = await submit({ runId: '70001' })
    standIn.requests.clear()
    const again = await submit({ runId: '70001' })

    expect(again.failed).toEqual([])
    expect(again.outputs['job-arn']).toBe(first.outputs['job-arn'])
    expect(standIn.jobs.all().filter((job) => job.request.clientToken === first.outputs['client-token'])).toHaveLength(1)
    // The bucket is there and the key is content-addressed: nothing is created or uploaded the second time.
    expect(operations('s3')).not.toContain('CreateBucket')
    // The one write is the run's experiment record, next to the sources: the source itself is not uploaded again.
    const writes = standIn.requests.of('s3', 'PutObject').map((request) => request.path)
    expect(writes.filter((path) => !path.includes('/experiments/'))).toEqual([])
    expect(operations('s3')).toContain('HeadObject')
  })

  it('on a re-run, keeps the earlier attempt’s job while it is not ended unsuccessfully', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const first = await submit({ runId: '70002', attempt: 1 })
    const rerun = await submit({ runId: '70002', attempt: 2 })

    expect(rerun.failed).toEqual([])
    expect(rerun.outputs['job-arn']).toBe(first.outputs['job-arn'])
    expect(rerun.outputs['client-token']).toBe(first.outputs['client-token'])
  })

  it('on a re-run whose earlier job FAILED, passes it over and submits a fresh job under the attempt’s own token', async () => {
    standIn.jobs.script({ queuedMs: 0, runningMs: 0, outcome: 'FAILED' })
    const first = await submit({ runId: '70003', attempt: 1 })
    await standIn.jobs.waitForStatus(first.outputs['job-arn']!, 'FAILED')
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    standIn.requests.clear()
    const rerun = await submit({ runId: '70003', attempt: 2 })

    expect(rerun.failed).toEqual([])
    expect(rerun.outputs['job-arn']).not.toBe(first.outputs['job-arn'])
    expect(rerun.outputs['client-token']).not.toBe(first.outputs['client-token'])
    expect(rerun.log).toContain(
      `Run attempt 1's job ${first.outputs['job-arn']} ended FAILED; this re-run (attempt 2) submits a fresh job.`
    )
    const tokens = standIn.requests.of('braket', 'CreateJob').map((request) => (request.body as { clientToken: string }).clientToken)
    expect(tokens).toEqual([first.outputs['client-token'], rerun.outputs['client-token']])
    expect(rerun.state['job-arn']).toBe(rerun.outputs['job-arn'])
  })

  it('fails with Braket’s ConflictException explained when a client-token is reused for a different job', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const token = `conflict-${nextRunId()}`
    const first = await submit({ inputs: { 'client-token': token } })
    expect(first.failed).toEqual([])
    const second = await submit({ inputs: { 'client-token': token, hyperparameters: 'shots: 200' } })

    expect(second.outputs['job-arn']).toBeUndefined()
    expect(second.failed).toHaveLength(1)
    expect(second.failed[0]).toContain('CreateJob')
    expect(second.failed[0]).toContain('ConflictException')
    expect(second.failed[0]).toContain(`Braket already has a different job under clientToken ${token}`)
  })

  it('warns and still outputs the job when its first status can’t be read', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    standIn.permissions.deny('braket:GetJob')
    const result = await submit()

    expect(result.failed).toEqual([])
    expect(result.outputs.status).toBe('UNKNOWN')
    expect(standIn.jobs.get(result.outputs['job-arn']!)).toBeDefined()
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain(`Job created: ${result.outputs['job-arn']}; reading its status failed:`)
    expect(result.warnings[0]).toContain('its status output is UNKNOWN')
  })

  it('on a re-run, fails rather than guess when the earlier attempt’s job status can’t be read', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const first = await submit({ runId: '70004', attempt: 1 })
    standIn.permissions.deny('braket:GetJob')
    const rerun = await submit({ runId: '70004', attempt: 2 })

    expect(rerun.failed).toHaveLength(1)
    expect(rerun.failed[0]).toContain(`Run attempt 1's job exists: ${first.outputs['job-arn']}; reading its status failed:`)
    expect(rerun.failed[0]).toContain("can't tell whether to reuse that job or submit a fresh one")
    expect(standIn.requests.of('braket', 'CreateJob')).toHaveLength(2)
  })

  it('exchanges the workflow’s OIDC token for the role, and submits with the role’s credentials', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const runId = nextRunId()
    core.getIDToken.mockImplementation(async (audience) =>
      standIn.oidc.mintIdToken({ repository: 'octo/quantum-lab', ref: 'refs/heads/main', run_id: runId }, { audience })
    )
    const result = await submit({
      runId,
      inputs: { 'role-to-assume': ROLE },
      env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }
    })

    expect(result.failed).toEqual([])
    expect(core.getIDToken).toHaveBeenCalledWith('sts.amazonaws.com')
    expect(operations('sts')).toEqual(['AssumeRoleWithWebIdentity'])
    const createJob = standIn.requests.of('braket', 'CreateJob')[0]!
    expect(createJob.accessKeyId).toBeDefined()
    expect(createJob.accessKeyId).not.toBe(STATIC_CREDENTIALS.accessKeyId)
    expect(result.outputs['job-arn']).toMatch(/^arn:aws:braket:us-west-2:123456789012:job\//)
  })

  it('with comment-on-pr on a push, says why there is no comment and does not wait', async () => {
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const result = await submit({ inputs: { 'comment-on-pr': 'true', 'github-token': 'ghs_not-a-real-token' } })

    expect(result.failed).toEqual([])
    expect(core.setSecret).toHaveBeenCalledWith('ghs_not-a-real-token')
    expect(result.log).toContain('comment-on-pr: no comment (this is a push event, not a pull request).')
    expect(operations('braket')).not.toContain('CancelJob')
    expect(standIn.requests.of('logs')).toEqual([])
  })
})

describe('run(): nothing is spent', () => {
  it('on bad inputs: one error per input, the step fails, and no AWS call is made', async () => {
    const result = await submit({ inputs: { device: 'not-a-device', 'instance-count': 'many' } })

    expect(result.errors).toHaveLength(2)
    expect(result.errors.some((text) => text.startsWith('Input "device"'))).toBe(true)
    expect(result.errors.some((text) => text.startsWith('Input "instance-count"'))).toBe(true)
    expect(result.failed).toEqual(['2 inputs are not valid; nothing was uploaded and no job was created.'])
    expect(standIn.requests.records).toEqual([])
  })

  it('on a dry run: prints the plan, outputs no job, and makes no AWS call', async () => {
    const result = await submit({ inputs: { 'dry-run': 'true' } })

    expect(result.failed).toEqual([])
    expect(result.outputs['job-arn']).toBeUndefined()
    expect(result.log).toContain('{account-id}')
    expect(result.summary).toContain('dry run')
    expect(standIn.requests.records).toEqual([])
  })

  it('on a missing source directory: names the input and uploads nothing', async () => {
    const result = await submit({ inputs: { 'source-dir': 'algorithms/none-such' } })

    expect(result.failed).toHaveLength(1)
    expect(result.errors.join('\n')).toContain('source-dir')
    expect(standIn.requests.records).toEqual([])
  })
})

describe('src/index.ts, the bundle’s entry point', () => {
  it('runs run() with the process’s environment', async () => {
    const result = await runInProcess(
      async () => {
        await import('../../src/index.js')
      },
      { workspace, inputs: { ...baseInputs, 'instance-count': '0' }, env: standIn.env }
    )
    expect(result.errors).toEqual([expect.stringMatching(/^Input "instance-count"/)])
    expect(result.failed).toEqual(['An input is not valid; nothing was uploaded and no job was created.'])
    expect(standIn.requests.records).toEqual([])
  })
})

describe('run(): the staging bucket', () => {
  it('uses a named bucket of this account as it is, creating nothing', async () => {
    standIn.objects.createBucket('quantum-lab-staging', ACCOUNT, 'us-west-2')
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
    const result = await submit({ inputs: { 's3-bucket': 'quantum-lab-staging' } })

    expect(result.failed).toEqual([])
    expect(operations('s3')).not.toContain('CreateBucket')
    const job = standIn.jobs.get(result.outputs['job-arn']!)!
    expect(sourceUri(job)).toMatch(/^s3:\/\/quantum-lab-staging\//)
  })

  it('fails without creating a named bucket that does not exist', async () => {
    const result = await submit({ inputs: { 's3-bucket': 'quantum-lab-missing' } })

    expect(result.failed).toEqual([
      `Bucket quantum-lab-missing (input s3-bucket) does not exist in account ${ACCOUNT} (S3 HeadBucket: 404). Create it, or leave ` +
        `s3-bucket empty to use ${DEFAULT_BUCKET}.`
    ])
    expect(operations('s3')).toEqual(['HeadBucket'])
    expect(operations('braket')).not.toContain('CreateJob')
  })

  it('refuses a bucket of another account, with what to set instead', async () => {
    standIn.objects.createBucket('someone-elses-bucket', '210987654321', 'us-west-2')
    const result = await submit({ inputs: { 's3-bucket': 'someone-elses-bucket' } })

    expect(result.failed).toHaveLength(1)
    expect(result.failed[0]).toContain('S3 HeadBucket')
    expect(result.failed[0]).toContain(`Bucket someone-elses-bucket is not writable by account ${ACCOUNT}`)
    expect(result.failed[0]).toContain(`Set s3-bucket to a bucket of account ${ACCOUNT}.`)
    expect(operations('s3')).toEqual(['HeadBucket'])
  })
})
