// Every input, given a bad value, through the whole action (run(), in-process, with
// @actions/core recorded) against the stand-in: the step fails with a message whose
// TEXT names the input (the step log shows only the text), nothing is uploaded and
// no job is created. A few cases run the bundled action as its own process too.
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubEnv, runAction } from '../../local/src/run-action.js'
import { start, type StandIn } from '../../local/src/stand-in.js'
import * as core from '../fixtures/core.js'
import { exampleWorkspace } from '../support/workspace.js'
import { errorLines } from '../support/workflow-commands.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/main.js')
const { INPUT_NAMES } = await import('../../src/inputs/action-inputs.js')
type InputName = (typeof INPUT_NAMES)[number]

const ROLE = 'arn:aws:iam::123456789012:role/github-braket-submit'
const valid: Partial<Record<InputName, string>> = {
  'aws-region': 'us-west-2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run'
}
/** Following a job submitted elsewhere: no submission inputs. */
const attaching: Partial<Record<InputName, string>> = { 'execution-role-arn': '', device: '', 'source-dir': '', 'entry-point': '' }
const MISSING_JOB = 'arn:aws:braket:us-west-2:123456789012:job/7c7a2f7e-0a8b-4a57-8d0b-0c3f2b6b9f10'
const many = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n')

/**
 * Inputs with no wrong value: idempotency-key is any text (a matrix's toJSON included); it only feeds a digest,
 * a slug and the comment's marker, each of which makes any text safe.
 */
const ANY_TEXT: InputName[] = ['idempotency-key']

/** [input, bad value, other inputs the case needs]. Every other input has at least one. */
type Case = [InputName, string, Partial<Record<InputName, string>>?]
const CASES: Case[] = [
  ['aws-region', 'us-west'],
  ['aws-region', 'US-WEST-2'],
  ['aws-region', 'mars-north-1'],
  ['aws-region', 'eu-central-1'],
  ['role-to-assume', 'github-braket'],
  ['role-to-assume', 'arn:aws:iam::123456789012:user/octocat'],
  ['role-to-assume', 'arn:aws:iam::12345:role/short-account'],
  ['audience', 'api://not-the-provider', { 'role-to-assume': ROLE }],
  ['role-session-name', 'has spaces', { 'role-to-assume': ROLE }],
  ['role-session-name', 'x', { 'role-to-assume': ROLE }],
  ['role-session-name', 's'.repeat(65), { 'role-to-assume': ROLE }],
  ['role-duration-seconds', '50000', { 'role-to-assume': ROLE }],
  ['role-duration-seconds', '899', { 'role-to-assume': ROLE }],
  ['role-duration-seconds', 'an hour', { 'role-to-assume': ROLE }],
  ['execution-role-arn', ''],
  ['execution-role-arn', 'AmazonBraketJobsExecutionRole'],
  ['execution-role-arn', 'arn:aws:iam::123456789012:user/octocat'],
  ['device', ''],
  ['device', 'sv1'],
  ['device', 'arn:aws:braket:::device/quantum-simulator/amazon/sv9'],
  ['source-dir', ''],
  ['source-dir', '/etc'],
  ['source-dir', '../elsewhere'],
  ['source-dir', 'algorithms/gone'],
  ['source-dir', 'algorithms/vqe/main.py'],
  ['source-dir', 'data/etc-link'],
  ['entry-point', ''],
  ['entry-point', 'vqe.mian:run'],
  ['entry-point', 'vqe.main:'],
  ['entry-point', '1vqe.main'],
  ['job-name', 'vqe-'],
  ['job-name', 'bad_name'],
  ['job-name', 'j'.repeat(51)],
  ['image', 'ubuntu:latest'],
  ['image', 'tensorflw'],
  ['instance-type', 'ml.m5.xlarg'],
  ['instance-type', 'm5.large'],
  ['instance-count', '0'],
  ['instance-count', '-1'],
  ['instance-count', 'two'],
  ['instance-count', '1.5'],
  ['volume-size-gb', '1e3'],
  ['volume-size-gb', '0'],
  ['volume-size-gb', 'big'],
  ['max-runtime-seconds', '-1'],
  ['max-runtime-seconds', '432001'],
  ['max-runtime-seconds', 'forever'],
  ['hyperparameters', 'a: [1'],
  ['hyperparameters', '- a\n- b'],
  ['hyperparameters', 'shots: 1\nshots: 2'],
  ['hyperparameters', 'note: "a\\nb"'],
  ['hyperparameters', `big: ${'x'.repeat(2501)}`],
  ['hyperparameters', `${'k'.repeat(257)}: 1`],
  ['hyperparameters', many(101, (i) => `h${i}: ${i}`)],
  ['hyperparameters', 'shots:'],
  ['input-data', 'train: data/gone'],
  ['input-data', 'x: ../../etc'],
  ['input-data', 'bad name!: data/set'],
  ['input-data', 'train: http://example.com/data'],
  ['input-data', 'train: [1, 2]'],
  ['input-data', 'first: data/set\nsecond: data/missing'],
  ['input-data', 'linked: data/etc-link'],
  ['s3-bucket', 'My_Bucket'],
  ['s3-bucket', 'ab'],
  ['s3-prefix', 'p'.repeat(1000)],
  ['output-s3-path', '/tmp/out'],
  ['output-s3-path', 'https://bucket.s3.amazonaws.com/out'],
  ['checkpoint-s3-uri', 'checkpoints/'],
  ['checkpoint-local-path', `/opt/${'c'.repeat(4097)}`],
  ['kms-key-id', 'my key'],
  ['kms-key-id', 'alias/'],
  ['kms-key-id', 'arn:aws:kms:us-west-2:123456789012:secret/x'],
  ['compression', 'zip'],
  ['compression', 'none'],
  ['exclude', '!keep.py'],
  ['tags', 'aws:owner: me'],
  ['tags', 'AWS:Owner: me'],
  ['tags', 'github:sha: abc'],
  ['tags', many(45, (i) => `t${i}: v`)],
  ['tags', `team: ${'v'.repeat(257)}`],
  ['tags', '- a\n- b'],
  ['tags', `${'k'.repeat(129)}: v`],
  ['reservation-arn', 'arn:aws:iam::123456789012:role/x'],
  ['client-token', 't'.repeat(65)],
  ['experiment', 'e'.repeat(129)],
  ['distribution', 'horovod'],
  ['distribution', 'data_parallel'],
  ['copy-checkpoints-from-job', 'job-7'],
  ['copy-checkpoints-from-job', MISSING_JOB],
  ['copy-checkpoints-from-job', MISSING_JOB, { 'run-on-runner': 'true' }],
  ['resume', 'maybe'],
  ['resume', 'true', { 'client-token': 'fixed-1' }],
  ['job-arn', 'job/7c7a2f7e', attaching],
  ['job-arn', MISSING_JOB, attaching],
  ['job-arn', MISSING_JOB.replace('us-west-2', 'eu-west-2'), attaching],
  ['attach', 'newest', attaching],
  ['attach', 'latest', { ...attaching, experiment: 'never-submitted' }],
  ['logs-since', 'yesterday', { ...attaching, 'job-arn': MISSING_JOB }],
  ['logs-since', 'now'],
  ['hyperparameters-must-bind', 'maybe'],
  ['run-on-runner', 'fork'],
  ['local-device', 'arn:aws:braket:::device/quantum-simulator/amazon/sv1', { 'run-on-runner': 'true' }],
  ['dry-run', 'yes'],
  ['wait', 'yes'],
  ['wait-timeout-minutes', '-5', { wait: 'true' }],
  ['wait-timeout-minutes', 'ten', { wait: 'true' }],
  ['cancel-on-timeout', 'sometimes', { wait: 'true' }],
  ['cancel-on-workflow-cancel', 'nope', { wait: 'true' }],
  ['stream-logs', 'loud', { wait: 'true' }],
  ['download-results', 'results'],
  ['comment-on-pr', 'please'],
  ['github-token', '', { 'comment-on-pr': 'true' }],
  ['baseline-ref', 'feature branch'],
  ['baseline-ref', 'a..b'],
  ['metric-goals', 'energy: lower'],
  ['metric-goals', '- energy'],
  ['max-regression-percent', '-3', { wait: 'true', 'metric-goals': 'energy: min' }],
  ['max-regression-percent', '5', { wait: 'true' }],
  ['max-cost-usd', 'ten dollars'],
  ['max-cost-usd', '-1']
]

let standIn: StandIn
let workspace: string
let summaryFile: string
const savedEnv = { ...process.env }

beforeAll(async () => {
  standIn = await start()
  workspace = await exampleWorkspace()
  await mkdir(join(workspace, 'data', 'set'), { recursive: true })
  await writeFile(join(workspace, 'data', 'set', 'circuits.json'), '[]\n')
  await symlink('/etc', join(workspace, 'data', 'etc-link'))
  const files = await mkdtemp(join(tmpdir(), 'bad-inputs-'))
  summaryFile = join(files, 'summary')
  await writeFile(summaryFile, '')
  // The role's exchange: core.getIDToken fetches the stand-in issuer's token.
  const bearer = standIn.oidc.issueRequestToken(githubEnv())
  core.getIDToken.mockImplementation(async (audience) => {
    const response = await fetch(`${standIn.oidc.requestUrl}&audience=${encodeURIComponent(audience ?? '')}`, {
      headers: { authorization: `Bearer ${bearer}` }
    })
    return ((await response.json()) as { value: string }).value
  })
})
afterAll(async () => {
  process.env = savedEnv
  await standIn.stop()
})
beforeEach(() => {
  standIn.requests.clear()
  core.error.mockClear()
  core.setFailed.mockClear()
})

/** The action's environment for one case: the runner's variables, the stand-in's endpoints, INPUT_* for the inputs. */
function stepEnvironment(inputs: Partial<Record<InputName, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...savedEnv,
    ...githubEnv(),
    ...standIn.env,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'present',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tmpdir()
  }
  for (const name of INPUT_NAMES) delete env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return env
}

/** What the step log shows of the failure: each annotation's text and the failure's. */
function shownMessages(): string[] {
  return [...core.error.mock.calls, ...core.setFailed.mock.calls].map(([message]) => String(message))
}

const nothingUploaded = () =>
  standIn.requests.records.filter((r) => ['PutObject', 'CreateMultipartUpload', 'UploadPart', 'CreateJob'].includes(r.operation))

describe('a bad value for any input', () => {
  it('the table covers every input, with 80 cases or more', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80)
    expect(new Set([...CASES.map(([input]) => input), ...ANY_TEXT])).toEqual(new Set(INPUT_NAMES))
  })

  it.each(CASES)('%s = %j: the message text names the input; nothing uploaded, no job', async (input, value, needs = {}) => {
    const jobsBefore = standIn.jobs.all().length
    process.env = stepEnvironment({ ...valid, ...needs, [input]: value })
    await run(process.env)
    process.env = savedEnv

    expect(core.setFailed).toHaveBeenCalled()
    const named = shownMessages().filter((message) => message.includes(`"${input}"`) || message.includes(input))
    expect({ input, named: named.length > 0, messages: shownMessages() }).toMatchObject({ input, named: true })
    expect(nothingUploaded()).toEqual([])
    expect(standIn.jobs.all().length).toBe(jobsBefore)
  })
})

describe('as its own process, the way the runner runs it', () => {
  it.each<Case>([
    ['instance-count', '-1'],
    ['hyperparameters', 'shots: 1\nshots: 2'],
    ['tags', 'AWS:Owner: me'],
    ['input-data', 'first: data/set\nsecond: data/missing']
  ])('%s = %j: the ::error line the log shows names the input', async (input, value) => {
    const run = await runAction({
      workspace,
      inputs: { ...valid, [input]: value },
      env: { ...githubEnv(), ...standIn.env }
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout).some((line) => line.startsWith(`Input "${input}"`))).toBe(true)
    expect(nothingUploaded()).toEqual([])
  })
})
