// The bundled action, run as its own process against the local AWS stand-in:
// OIDC → STS → S3 → Braket, as a workflow step would.
import { describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createGunzip } from 'node:zlib'
import { extract } from 'tar-stream'
import { githubEnv, runAction, type ActionRun } from '../local/src/run-action.js'
import { STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import { useStandIn } from './support/stand-in-fixture.js'
import { exampleWorkspace } from './support/workspace.js'

const ROLE = 'arn:aws:iam::123456789012:role/github-braket-submit'
const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole'
const SV1 = 'arn:aws:braket:::device/quantum-simulator/amazon/sv1'

const baseInputs = {
  'aws-region': 'us-west-2',
  'execution-role-arn': EXECUTION_ROLE,
  device: SV1,
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run',
  hyperparameters: 'shots: 1000\niterations: 3'
}

let standIn: StandIn
let workspace: string

useStandIn(
  (fixture) => {
    ;({ standIn, workspace } = fixture)
    // Jobs stay queued unless a test scripts otherwise: submission is what is tested here.
    standIn.jobs.setDefaultScript({ queuedMs: 10 * 60_000 })
  },
  { trust: [{ roleArn: ROLE, sub: 'repo:octo/quantum-lab:*', aud: 'sts.amazonaws.com' }] }
)

/** The stand-in's endpoints and region, without its static keys: the role path must get its own. */
function awsEnv(): Record<string, string> {
  const {
    AWS_ACCESS_KEY_ID: _id,
    AWS_SECRET_ACCESS_KEY: _secret,
    ACTIONS_ID_TOKEN_REQUEST_URL: _url,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: _token,
    ...rest
  } = standIn.env
  return rest
}

function oidcEnv(claims: Record<string, string | undefined> = {}): Record<string, string> {
  return {
    ACTIONS_ID_TOKEN_REQUEST_URL: standIn.env.ACTIONS_ID_TOKEN_REQUEST_URL!,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: standIn.oidc.issueRequestToken(githubEnv(claims))
  }
}

async function submitWithRole(
  options: { inputs?: Record<string, string>; github?: Record<string, string | undefined> } = {}
): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: { ...baseInputs, 'role-to-assume': ROLE, ...options.inputs },
    env: { ...githubEnv(options.github), ...awsEnv(), ...oidcEnv(options.github) }
  })
}

async function archiveEntries(bucket: string, key: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>()
  const tar = extract()
  tar.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer))
    stream.on('end', () => {
      entries.set(header.name, Buffer.concat(chunks).toString('utf8'))
      next()
    })
  })
  await new Promise<void>((resolve, reject) => {
    tar.on('finish', resolve)
    tar.on('error', reject)
    standIn.objects.read(bucket, key).pipe(createGunzip()).pipe(tar)
  })
  return entries
}

/** The example workspace plus one file of its own, so its archive is new to S3. */
async function workspaceWith(fileName: string): Promise<string> {
  const dir = await exampleWorkspace()
  await writeFile(join(dir, 'algorithms/vqe', fileName), `${fileName}\n`)
  return dir
}

function expectNoSecretIn(run: ActionRun): void {
  // The runner consumes ::add-mask:: commands and shows nothing of them.
  const shown = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  const text = shown + run.stderr + run.summary + JSON.stringify(run.outputs)
  const secrets = [...standIn.credentials.secrets(), ...standIn.oidc.issuedIdTokens()]
  expect(secrets.length).toBeGreaterThan(2)
  for (const secret of secrets) expect(text).not.toContain(secret)
}

describe('submitting with the workflow OIDC token', () => {
  it('assumes the role, uploads the archive and creates the job with the assumed credentials', async () => {
    const run = await submitWithRole()
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`::add-mask::${standIn.oidc.issuedIdTokens().at(-1)}`)

    const jobs = standIn.jobs.all()
    expect(jobs).toHaveLength(1)
    const job = jobs[0]!
    expect(run.outputs['job-arn']).toBe(job.jobArn)
    expect(run.outputs['job-arn']).toMatch(/^arn:aws:braket:us-west-2:123456789012:job\/[0-9a-f-]{36}$/)
    expect(run.outputs['job-name']).toBe(job.request.jobName)
    expect(run.outputs['client-token']).toBe(job.request.clientToken)
    expect(run.outputs.status).toBe('QUEUED')
    expect(run.outputs['console-url']).toBe(`https://us-west-2.console.aws.amazon.com/braket/home?region=us-west-2#/jobs/${job.jobArn}`)

    // Every S3 and Braket call was signed by the role's temporary key, none by the static one.
    const signed = standIn.requests.records.filter((r) => r.service === 's3' || r.service === 'braket')
    expect(signed.length).toBeGreaterThanOrEqual(4)
    for (const request of signed) expect(request.accessKeyId).toMatch(/^ASIA/)
    expect(standIn.requests.of('sts', 'AssumeRoleWithWebIdentity')).toHaveLength(1)
    // The default bucket did not exist: it was created (as the Braket SDK does); every other S3 call names its owner.
    expect(standIn.requests.of('s3', 'CreateBucket')).toHaveLength(1)
    for (const request of standIn.requests.of('s3').filter((r) => r.operation !== 'CreateBucket')) {
      expect(request.headers['x-amz-expected-bucket-owner']).toBe('123456789012')
    }

    // The request Braket got: the hyperparameters, the device, the archive it points at.
    expect(job.request.hyperParameters).toEqual({ shots: '1000', iterations: '3' })
    expect(job.request.deviceConfig).toEqual({ device: SV1 })
    expect(job.request.tags).toMatchObject({ 'github:repository': 'octo/quantum-lab', 'github:run-id': '4242', 'github:run-attempt': '1' })
    const source = /^s3:\/\/([^/]+)\/(.+)$/.exec(run.outputs['source-s3-uri']!)!
    expect(source[1]).toBe('amazon-braket-us-west-2-123456789012')
    expect(source[2]).toMatch(/^jobs\/sources\/[0-9a-f]{64}\/source\.tar\.gz$/)
    const entries = await archiveEntries(source[1]!, source[2]!)
    expect([...entries.keys()]).toEqual(['vqe/', 'vqe/__init__.py', 'vqe/main.py'])
    expect(entries.get('vqe/main.py')).toContain('def run(')

    // What a person reads: the plan, a notice with the console link, the summary table.
    expect(run.stdout).toContain('vqe.main:run')
    expect(run.stdout).toMatch(/::notice title=Amazon Braket hybrid job::Created Braket hybrid job .* \(QUEUED\): https:\/\//)
    expect(run.summary).toContain(job.jobArn)
    expect(run.summary).toContain('<tr><th align="left">Job ARN</th>')
    expectNoSecretIn(run)
  })

  it('gives a re-executed step the same job, and does not upload the archive again', async () => {
    const before = standIn.jobs.all().length
    const first = await submitWithRole({ github: { GITHUB_RUN_ID: '5001' } })
    const again = await submitWithRole({ github: { GITHUB_RUN_ID: '5001' } })
    expect(first.exitCode).toBe(0)
    expect(again.exitCode).toBe(0)
    expect(again.outputs['job-arn']).toBe(first.outputs['job-arn'])
    expect(standIn.jobs.all().length).toBe(before + 1)
    expect(again.stdout).toContain('already there: same content, not uploaded again')
  })

  it('creates exactly one job when the connection drops after Braket took the request', async () => {
    const before = standIn.jobs.all().length
    standIn.faults.add({ service: 'braket', operation: 'CreateJob', kind: 'commit-then-drop' })
    const run = await submitWithRole({ github: { GITHUB_RUN_ID: '5002' } })
    expect(run.exitCode).toBe(0)
    expect(standIn.requests.of('braket', 'CreateJob').length).toBeGreaterThanOrEqual(2)
    expect(standIn.jobs.all().length).toBe(before + 1)
    expect(run.outputs['job-arn']).toBe(standIn.jobs.all().at(-1)!.jobArn)
  })

  it('survives Braket and S3 throttling', async () => {
    standIn.faults.add({ service: 'braket', operation: 'CreateJob', kind: 'throttle', times: 2 })
    standIn.faults.add({ service: 's3', operation: 'PutObject', kind: 'throttle', times: 1 })
    const run = await runAction({
      workspace: await workspaceWith('throttled.txt'),
      inputs: { ...baseInputs, 'role-to-assume': ROLE },
      env: { ...githubEnv({ GITHUB_RUN_ID: '5003' }), ...awsEnv(), ...oidcEnv() }
    })
    expect(run.exitCode).toBe(0)
    expect(standIn.faults.pending()).toEqual([])
    expect(standIn.requests.of('braket', 'CreateJob').map((r) => r.status)).toEqual([429, 429, 201])
  })

  it('on a re-run after the job failed, submits a fresh job for the new attempt', async () => {
    standIn.jobs.script({ queuedMs: 0, runningMs: 10, outcome: 'FAILED', failureReason: 'AlgorithmError: boom' })
    const first = await submitWithRole({ github: { GITHUB_RUN_ID: '5004' } })
    expect(first.exitCode).toBe(0)
    await standIn.jobs.waitForStatus(first.outputs['job-arn']!, ['FAILED'])
    const rerun = await submitWithRole({ github: { GITHUB_RUN_ID: '5004', GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.exitCode).toBe(0)
    expect(rerun.outputs['job-arn']).not.toBe(first.outputs['job-arn'])
    expect(rerun.outputs['job-name']).toContain('-a2-')
    const job = standIn.jobs.get(rerun.outputs['job-arn']!)!
    expect(job.request.tags).toMatchObject({ 'github:run-attempt': '2' })
    expect(rerun.stdout).toContain('ended FAILED')
  })

  it('on a re-run while the first job is still queued, reuses it', async () => {
    const first = await submitWithRole({ github: { GITHUB_RUN_ID: '5005' } })
    const rerun = await submitWithRole({ github: { GITHUB_RUN_ID: '5005', GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.exitCode).toBe(0)
    expect(rerun.outputs['job-arn']).toBe(first.outputs['job-arn'])
  })

  it('explains a ConflictException: same client token, different request', async () => {
    const first = await submitWithRole({ inputs: { 'client-token': 'fixed-token-1' }, github: { GITHUB_RUN_ID: '5006' } })
    expect(first.exitCode).toBe(0)
    const second = await submitWithRole({
      inputs: { 'client-token': 'fixed-token-1', hyperparameters: 'shots: 5' },
      github: { GITHUB_RUN_ID: '5006' }
    })
    expect(second.exitCode).toBe(1)
    expect(second.stdout).toMatch(
      /::error::Braket CreateJob \(job [\w-]+\) failed after 1 attempt: ConflictException: .*\(request id [\w-]+\)\. /
    )
    expect(second.stdout).toMatch(/\. Braket already has a different job under clientToken fixed-token-1.*idempotency-key/)
  })
})

describe('refusals, each before anything is uploaded or created', () => {
  it('a bad input: one message naming it, and no AWS call at all', async () => {
    const run = await submitWithRole({ inputs: { 'instance-count': '0', 'job-name': 'bad_name' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error title=Input "instance-count"::.*at least 1/)
    expect(run.stdout).toMatch(
      /::error title=Input "job-name"::Input "job-name": "bad_name" is not allowed: it must be letters, digits and hyphens/
    )
    expect(standIn.requests.records).toEqual([])
  })

  it('a missing entry point module: names entry-point, lists the modules found', async () => {
    const run = await submitWithRole({ inputs: { 'entry-point': 'vqe.mian:run' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error title=Input "entry-point"::.*vqe\.mian.*vqe\.main/)
    expect(standIn.requests.records).toEqual([])
  })

  it('no id-token permission: says to add it', async () => {
    const run = await runAction({ workspace, inputs: { ...baseInputs, 'role-to-assume': ROLE }, env: { ...githubEnv(), ...awsEnv() } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('permissions: { id-token: write, contents: read }')
    expect(standIn.requests.records.filter((r) => r.service !== 'oidc')).toEqual([])
  })

  it('a pull request from a fork: says it gets no token, and points at dry-run', async () => {
    const run = await runAction({
      workspace,
      inputs: { ...baseInputs, 'role-to-assume': ROLE },
      env: { ...githubEnv({ GITHUB_EVENT_NAME: 'pull_request' }), ...awsEnv() }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('forks get no OIDC token')
    expect(run.stdout).toContain('dry-run: true')
  })

  it('an untrusted subject: names the sub the trust policy must allow', async () => {
    const run = await submitWithRole({ github: { GITHUB_REPOSITORY: 'mallory/quantum-lab' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('sub "repo:mallory/quantum-lab:ref:refs/heads/main"')
    expect(run.stdout).toContain('trust policy')
    expect(standIn.requests.records.filter((r) => r.service === 's3' || r.service === 'braket')).toEqual([])
    expectNoSecretIn(run)
  })

  it('an offline device: fails on the GetDevice pre-check, uploads nothing', async () => {
    const offline = standIn.jobs.devices.all().find((d) => d.deviceStatus === 'OFFLINE')!
    const region = offline.deviceArn.split(':')[3]!
    const run = await submitWithRole({ inputs: { device: offline.deviceArn, 'aws-region': region } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::Input "device": .* is OFFLINE/)
    expect(standIn.requests.of('s3', 'PutObject')).toEqual([])
    expect(standIn.requests.of('braket', 'CreateJob')).toEqual([])
  })

  it('a bucket of another account: refused by the expected-owner check, nothing written', async () => {
    standIn.objects.createBucket('someone-elses-bucket', '999988887777', 'us-west-2')
    const run = await submitWithRole({ inputs: { 's3-bucket': 'someone-elses-bucket' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('someone-elses-bucket is not writable by account 123456789012')
    expect(standIn.objects.list('someone-elses-bucket')).toEqual([])
    expect(standIn.requests.of('braket', 'CreateJob')).toEqual([])
  })
})

describe('other ways to run', () => {
  it('uses the credentials already in the environment when no role is given', async () => {
    const run = await runAction({
      workspace: await workspaceWith('kms.txt'),
      inputs: { ...baseInputs, 'kms-key-id': 'alias/braket-jobs' },
      env: { ...githubEnv({ GITHUB_RUN_ID: '6001' }), ...standIn.env }
    })
    expect(run.exitCode).toBe(0)
    const calls = standIn.requests.records.filter((r) => r.service === 's3' || r.service === 'braket')
    for (const call of calls) expect(call.accessKeyId).toBe(STATIC_CREDENTIALS.accessKeyId)
    const put = standIn.requests.of('s3').find((r) => r.operation === 'PutObject' || r.operation === 'CreateMultipartUpload')!
    expect(put.headers['x-amz-server-side-encryption']).toBe('aws:kms')
    expect(put.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/braket-jobs')
    expect(standIn.jobs.get(run.outputs['job-arn']!)!.request.outputDataConfig).toMatchObject({ kmsKeyId: 'alias/braket-jobs' })
  })

  it('dry run: prints the request, calls no AWS API, needs no credentials', async () => {
    const run = await runAction({
      workspace,
      inputs: { ...baseInputs, 'dry-run': 'true', 'role-to-assume': ROLE },
      env: { ...githubEnv({ GITHUB_EVENT_NAME: 'pull_request' }), AWS_REGION: 'us-west-2' }
    })
    expect(run.exitCode).toBe(0)
    expect(standIn.requests.records).toEqual([])
    const json = /::group::CreateJob request[^\n]*\n([\s\S]*?)\n::endgroup::/.exec(run.stdout)![1]!
    const request = JSON.parse(json) as { jobName: string; algorithmSpecification: { scriptModeConfig: { s3Uri: string } } }
    expect(request.jobName).toBe(run.outputs['job-name'])
    expect(request.algorithmSpecification.scriptModeConfig.s3Uri).toContain('amazon-braket-us-west-2-{account-id}/jobs/sources/')
    expect(run.outputs.status).toBe('DRY_RUN')
    expect(run.summary).toContain('dry run')
    expect(run.summary).toContain('<pre>{\n  &quot;clientToken&quot;: ')
  })

  it('uploads a local input-data directory, content-addressed, and points the channel at it', async () => {
    const run = await runAction({
      workspace,
      inputs: { ...baseInputs, 'input-data': 'circuits: algorithms/vqe\nremote: s3://shared-data/train/' },
      env: { ...githubEnv({ GITHUB_RUN_ID: '6002' }), ...standIn.env }
    })
    expect(run.exitCode).toBe(0)
    const job = standIn.jobs.get(run.outputs['job-arn']!)!
    const channels = job.request.inputDataConfig as Array<{ channelName: string; dataSource: { s3DataSource: { s3Uri: string } } }>
    expect(channels.map((c) => c.channelName)).toEqual(['circuits', 'remote'])
    const local = /^s3:\/\/([^/]+)\/(jobs\/inputs\/[0-9a-f]{64}\/vqe\/)$/.exec(channels[0]!.dataSource.s3DataSource.s3Uri)!
    expect(local).not.toBeNull()
    expect(standIn.objects.list(local[1]!, local[2]).map((o) => o.key.slice(local[2]!.length))).toEqual(['__init__.py', 'main.py'])
    expect(channels[1]!.dataSource.s3DataSource.s3Uri).toBe('s3://shared-data/train/')
  })
})

describe("the runner's debug logging", () => {
  it('traces each AWS call (status, attempts, time, request id) and what decided the job, with no secret', async () => {
    const run = await submitWithRole({ github: { RUNNER_DEBUG: '1', GITHUB_RUN_ID: '7301' } })
    expect(run.exitCode).toBe(0)
    const debug = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::debug::'))
      .map((line) => line.slice('::debug::'.length))
    const [job] = standIn.jobs.all().filter((each) => each.jobArn === run.outputs['job-arn'])
    expect(job).toBeDefined()
    expect(debug).toContainEqual(expect.stringMatching(/^STS AssumeRoleWithWebIdentity: HTTP 200, 1 attempt, \d+ ms, request id \S+/))
    expect(debug).toContainEqual(expect.stringMatching(/^S3 HeadBucket: HTTP (200|404 \(NotFound\)), 1 attempt, \d+ ms/))
    expect(debug).toContainEqual(expect.stringMatching(/^Braket GetDevice: HTTP 200, 1 attempt/))
    expect(debug).toContainEqual(expect.stringMatching(/^Braket CreateJob: HTTP 20\d, 1 attempt/))
    expect(debug).toContainEqual(
      `CreateJob for run attempt 1 of 1: clientToken ${job!.request.clientToken}, job name ${job!.request.jobName}`
    )
    expectNoSecretIn(run)
  })

  it('makes no call trace without it (cheap when nobody reads it)', async () => {
    const run = await submitWithRole({ github: { GITHUB_RUN_ID: '7302' } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::debug::ID token url is') // @actions/core's own line: debug lines do reach stdout
    expect(run.stdout).not.toMatch(/^::debug::(STS|S3|Braket) /m)
  })
})
