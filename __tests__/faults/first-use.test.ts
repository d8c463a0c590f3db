// Faults around the submission, with the bundled action run as its own process
// against the stand-in: matrix legs racing to create the default bucket, a job
// whose first status can't be read, an OIDC token service that fails, an S3 that
// fails for good. Each ends with one job per leg or a failure that names its call.
import { describe, expect, it } from '@jest/globals'
import { githubEnv, runAction, type ActionRun } from '../../local/src/run-action.js'
import type { StandIn } from '../../local/src/stand-in.js'
import { useStandIn } from '../support/stand-in-fixture.js'
import { errorLines } from '../support/workflow-commands.js'

const ROLE = 'arn:aws:iam::123456789012:role/github-braket-submit'
const DEFAULT_BUCKET = 'amazon-braket-us-west-2-123456789012'
const inputs = {
  'aws-region': 'us-west-2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run',
  'role-to-assume': ROLE
}

let standIn: StandIn
let workspace: string
let runId = 7000

useStandIn((fixture) => {
  ;({ standIn, workspace } = fixture)
  standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
})

/** One step of a workflow run, with the role and a token of its own. */
function submit(extra: Record<string, string> = {}, run = String(++runId)): Promise<ActionRun> {
  const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...endpoints } = standIn.env
  return runAction({
    workspace,
    inputs: { ...inputs, ...extra },
    env: {
      ...githubEnv({ GITHUB_RUN_ID: run }),
      ...endpoints,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: standIn.oidc.issueRequestToken(githubEnv({ GITHUB_RUN_ID: run }))
    },
    timeoutMs: 90_000
  })
}

describe('the default bucket on first use', () => {
  it('matrix legs that all find it missing all create it: one creates it, S3 tells the rest it is theirs, every leg submits', async () => {
    const legs = 4
    // Every leg's CreateBucket is held until all have sent theirs: each has seen HeadBucket answer 404.
    standIn.faults.add({ service: 's3', operation: 'CreateBucket', kind: 'hold', times: legs, latencyMs: 30_000 })
    const run = String(++runId)
    const runs = await Promise.all(Array.from({ length: legs }, (_, leg) => submit({ 'idempotency-key': `leg-${leg}` }, run)))

    for (const leg of runs) expect(leg.exitCode).toBe(0)
    expect(standIn.requests.of('s3', 'HeadBucket').map((r) => r.status)).toEqual(Array(legs).fill(404))
    const answers = standIn.requests.of('s3', 'CreateBucket').map((r) => r.errorCode ?? String(r.status))
    expect(answers.sort()).toEqual(['200', ...Array(legs - 1).fill('BucketAlreadyOwnedByYou')])
    expect(new Set(runs.map((leg) => leg.outputs['job-arn'])).size).toBe(legs)
    expect(runs.filter((leg) => leg.stdout.includes(`${DEFAULT_BUCKET} is this account's already`))).toHaveLength(legs - 1)
  })

  it('refuses a default bucket name another account holds, before writing anything', async () => {
    standIn.objects.createBucket('amazon-braket-us-east-1-123456789012', '999988887777', 'us-east-1')
    const run = await submit({ 'aws-region': 'us-east-1' })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout).at(-1)).toMatch(
      /^S3 HeadBucket \(bucket amazon-braket-us-east-1-123456789012\) failed after 1 attempt: HTTP 403/
    )
    expect(errorLines(run.stdout).at(-1)).toContain('is not writable by account 123456789012')
    expect(standIn.objects.list('amazon-braket-us-east-1-123456789012')).toEqual([])
    expect(standIn.requests.of('braket', 'CreateJob')).toEqual([])
  })
})

describe('a job whose first status cannot be read', () => {
  it('submit-only (wait: false): the step succeeds, the job ARN in the outputs and in a warning naming the failed GetJob', async () => {
    standIn.faults.add({ service: 'braket', operation: 'GetJob', kind: 'error', times: 1000 })
    const run = await submit()
    expect(run.exitCode).toBe(0)
    const job = standIn.jobs.all().at(-1)!
    expect(run.outputs['job-arn']).toBe(job.jobArn)
    expect(run.outputs.status).toBe('UNKNOWN')
    const warning = run.stdout.split('\n').find((line) => line.startsWith('::warning title=Amazon Braket hybrid job::'))
    expect(warning).toContain(
      `Job created: ${job.jobArn}; reading its status failed: Braket GetJob (${job.jobArn}) failed after 6 attempts`
    )
    expect(standIn.requests.of('braket', 'CreateJob')).toHaveLength(1)
  })
})

describe('failures that persist', () => {
  it('the OIDC token service failing once with 500 and once with 429: retried, one job', async () => {
    standIn.faults.add({ service: 'oidc', operation: 'GetIdToken', kind: 'error' })
    standIn.faults.add({ service: 'oidc', operation: 'GetIdToken', kind: 'throttle' })
    const before = standIn.jobs.all().length
    const run = await submit()
    expect(run.exitCode).toBe(0)
    expect(standIn.faults.pending()).toEqual([])
    expect(standIn.jobs.all().length).toBe(before + 1)
  })

  it('S3 failing every HeadObject: a failure naming the call, the object and the request id; nothing uploaded or created', async () => {
    standIn.faults.add({ service: 's3', operation: 'HeadObject', kind: 'error', times: 1000 })
    const before = standIn.jobs.all().length
    const run = await submit({ 's3-prefix': 'persistent-500' })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout).at(-1)).toMatch(
      /^S3 HeadObject \(s3:\/\/amazon-braket-us-west-2-123456789012\/persistent-500\/sources\/\w{64}\/source\.tar\.gz\) failed after 6/
    )
    expect(errorLines(run.stdout).at(-1)).toMatch(/ attempts: HTTP 500 \(request id \w+, extended request id \S+\)\. .*Health Dashboard/)
    expect(standIn.requests.of('s3', 'PutObject')).toEqual([])
    expect(standIn.jobs.all().length).toBe(before)
  })
})
