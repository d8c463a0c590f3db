import { describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { probePath } from '../src/inputs/path-probe.js'
import { readFileSync, realpathSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_NAMES, readInputs } from '../src/inputs/action-inputs.js'
import { InputError, problemText } from '../src/inputs/input-error.js'
import { buildJobSpec } from '../src/inputs/job-spec.js'
import { fakeCheckout, rawInputs, runIdentity } from './support/inputs.js'

const build = (overrides: Parameters<typeof rawInputs>[0] = {}, env: NodeJS.ProcessEnv = {}) =>
  buildJobSpec(rawInputs(overrides), runIdentity(), env, fakeCheckout(['algorithms/gone', 'data/gone']))

function problemsOf(overrides: Parameters<typeof rawInputs>[0], env: NodeJS.ProcessEnv = {}) {
  try {
    build(overrides, env)
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error('expected the inputs to be rejected')
}

describe('action.yml and the code agree on inputs', () => {
  const declared = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs)

  it('every declared input is read, and every read input is declared', () => {
    const read: string[] = []
    readInputs((name) => {
      read.push(name)
      return ''
    })
    expect([...read].sort()).toEqual([...declared].sort())
    expect([...INPUT_NAMES].sort()).toEqual([...declared].sort())
  })
})

describe('buildJobSpec', () => {
  it('turns valid inputs into a typed spec with the documented defaults', () => {
    const spec = build({ hyperparameters: 'shots: 1000\nlayers: 3\nlr: 1.0\nansatz: [ry, rz]' })
    expect(spec).toMatchObject({
      region: 'us-west-2',
      credentials: { kind: 'environment' },
      instanceType: 'ml.m5.large',
      instanceCount: 1,
      volumeSizeInGb: 30,
      maxRuntimeInSeconds: 432000,
      compression: 'gzip',
      prefix: 'jobs',
      imageUri: '292282985366.dkr.ecr.us-west-2.amazonaws.com/amazon-braket-base-jobs:latest',
      sourcePath: '/home/runner/work/quantum-lab/quantum-lab/algorithms/vqe',
      dryRun: false
    })
    // Scalars keep the text they were written with; lists become JSON.
    expect(spec.hyperParameters).toEqual({ shots: '1000', layers: '3', lr: '1.0', ansatz: '["ry","rz"]' })
  })

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(build({ 'aws-region': '' }, { AWS_DEFAULT_REGION: 'eu-north-1' }).region).toBe('eu-north-1')
    expect(build({ 'aws-region': '' }, { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'eu-north-1' }).region).toBe('us-east-1')
  })

  it('reads the web identity settings when role-to-assume is set', () => {
    const spec = build({ 'role-to-assume': 'arn:aws:iam::123456789012:role/github-braket-submit', 'role-duration-seconds': '7200' })
    expect(spec.credentials).toEqual({
      kind: 'web-identity',
      roleArn: 'arn:aws:iam::123456789012:role/github-braket-submit',
      audience: 'sts.amazonaws.com',
      sessionName: 'GitHubActions-4242-1',
      durationSeconds: 7200
    })
  })

  it('accepts JSON mappings, local and S3 input channels, and the image short names', () => {
    const spec = build({
      'input-data': '{"train": "s3://data-bucket/train/", "local": "data/small"}',
      image: 'pytorch',
      tags: '{"team": "qml"}'
    })
    expect(spec.inputChannels).toEqual([
      { channelName: 'train', s3Uri: 's3://data-bucket/train/' },
      { channelName: 'local', localPath: '/home/runner/work/quantum-lab/quantum-lab/data/small' }
    ])
    expect(spec.imageUri).toBe('292282985366.dkr.ecr.us-west-2.amazonaws.com/amazon-braket-pytorch-jobs:latest')
    expect(spec.tags).toEqual({ team: 'qml' })
  })

  const rejected: Array<[string, Parameters<typeof rawInputs>[0], string, RegExp]> = [
    ['missing device', { device: '' }, 'device', /is required/],
    ['missing execution role', { 'execution-role-arn': '' }, 'execution-role-arn', /is required/],
    ['missing entry point', { 'entry-point': '' }, 'entry-point', /is required/],
    [
      'no region at all',
      { 'aws-region': '' },
      'aws-region',
      /is empty and the environment has no AWS_REGION: set aws-region, such as us-west-2/
    ],
    ['malformed region', { 'aws-region': 'mars' }, 'aws-region', /not an AWS region/],
    ['job name with underscore', { 'job-name': 'my_job' }, 'job-name', /letters, digits and hyphens/],
    ['job name too long', { 'job-name': 'a'.repeat(51) }, 'job-name', /at most 50/],
    [
      'instance type',
      { 'instance-type': 'ml.m5.huge' },
      'instance-type',
      /not one of the \d+ values Braket allows\. Did you mean ml\.m5\.large or ml\.m5\.xlarge\?/
    ],
    ['instance count 0', { 'instance-count': '0' }, 'instance-count', /at least 1/],
    ['instance count not a number', { 'instance-count': 'two' }, 'instance-count', /give a whole number of at least 1/],
    ['runtime too long', { 'max-runtime-seconds': '432001' }, 'max-runtime-seconds', /whole number from 1 to 432000/],
    ['volume 0', { 'volume-size-gb': '0' }, 'volume-size-gb', /at least 1/],
    [
      'execution role not a role',
      { 'execution-role-arn': 'arn:aws:iam::123:user/x' },
      'execution-role-arn',
      /an IAM role ARN such as arn:aws:iam::123456789012:role\/name/
    ],
    ['assumed role not an ARN', { 'role-to-assume': 'github-braket' }, 'role-to-assume', /at least 20|pattern/],
    [
      'duration under STS minimum',
      { 'role-to-assume': 'arn:aws:iam::123456789012:role/r', 'role-duration-seconds': '600' },
      'role-duration-seconds',
      /whole number from 900 to 43200/
    ],
    [
      'session name',
      { 'role-to-assume': 'arn:aws:iam::123456789012:role/r', 'role-session-name': 'has space' },
      'role-session-name',
      /letters, digits and the characters/
    ],
    ['device not an ARN', { device: 'sv1' }, 'device', /give a Braket device ARN/],
    [
      'QPU of another region',
      { device: 'arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1' },
      'device',
      /device of us-east-1, but aws-region is us-west-2/
    ],
    ['image URI', { image: 'ubuntu:latest' }, 'image', /base, cudaq, pytorch, tensorflow/],
    ['compression', { compression: 'zip' }, 'compression', /give gzip \(a tar.gz of source-dir\) or none/],
    ['hyperparameters not a mapping', { hyperparameters: '- a\n- b' }, 'hyperparameters', /mapping/],
    ['hyperparameters bad YAML', { hyperparameters: 'a: [1' }, 'hyperparameters', /not valid YAML or JSON/],
    ['hyperparameter value too long', { hyperparameters: `big: ${'x'.repeat(2501)}` }, 'hyperparameters', /at most 2500/],
    ['hyperparameter without value', { hyperparameters: 'shots:' }, 'hyperparameters', /has no value/],
    [
      'too many hyperparameters',
      { hyperparameters: Array.from({ length: 101 }, (_, i) => `p${i}: ${i}`).join('\n') },
      'hyperparameters',
      /at most 100/
    ],
    [
      'channel name',
      { 'input-data': 'bad channel: s3://b/k' },
      'input-data',
      /the channel name "bad channel" is not allowed: it must be letters, digits/
    ],
    [
      'too many channels',
      { 'input-data': Array.from({ length: 21 }, (_, i) => `c${i}: s3://b/${i}`).join('\n') },
      'input-data',
      /at most 20/
    ],
    ['channel path outside the repository', { 'input-data': 'x: ../../etc' }, 'input-data', /inside the repository/],
    ['bucket name', { 's3-bucket': 'My_Bucket' }, 's3-bucket', /not a valid S3 bucket name/],
    ['output path not s3', { 'output-s3-path': '/tmp/out' }, 'output-s3-path', /give an s3:\/\/ URI such as s3:\/\/my-bucket\/prefix/],
    ['reserved tag prefix', { tags: 'aws:owner: me' }, 'tags', /reserved for AWS/],
    ['provenance tag key', { tags: 'github:sha: abc' }, 'tags', /reserved for the provenance tags/],
    ['reservation ARN', { 'reservation-arn': 'arn:aws:iam::123456789012:role/x' }, 'reservation-arn', /a Braket reservation ARN such as/],
    ['client token too long', { 'client-token': 't'.repeat(65) }, 'client-token', /at most 64/],
    ['dry-run not boolean', { 'dry-run': 'yes' }, 'dry-run', /true or false/],
    ['source dir outside the workspace', { 'source-dir': '../elsewhere' }, 'source-dir', /outside the workspace/],
    ['source dir missing', { 'source-dir': 'algorithms/gone' }, 'source-dir', /does not exist in the workspace .*actions\/checkout/],
    ['a file for gzip', { 'source-dir': 'algorithms/vqe.py' }, 'source-dir', /is a file, but compression gzip packages a directory/],
    ['a directory for none', { compression: 'none' }, 'compression', /none uploads a single \.py file as is, but source-dir/],
    [
      'another module for none',
      { compression: 'none', 'source-dir': 'vqe.py' },
      'entry-point',
      /the only module is vqe \(the file vqe\.py\)/
    ],
    [
      'entry point as a path',
      { 'entry-point': 'vqe/main.py' },
      'entry-point',
      /looks like a file path; write the module path instead \(vqe\.main\)/
    ],
    ['negated exclude', { exclude: '!keep.py' }, 'exclude', /negated patterns/],
    ['upper-case region', { 'aws-region': 'US-WEST-2' }, 'aws-region', /Region names are lowercase: us-west-2/],
    ['region without number', { 'aws-region': 'us-west' }, 'aws-region', /not an AWS region name: give one such as us-west-2/],
    ['hyperparameter with a line break', { hyperparameters: 'note: "a\\nb"' }, 'hyperparameters', /one line of text/],
    ['hyperparameter named twice', { hyperparameters: 'shots: 1\nshots: 2' }, 'hyperparameters', /names an entry twice/],
    ['AWS: tag in upper case', { tags: 'AWS:Owner: me' }, 'tags', /reserved for AWS/],
    ['too many tags', { tags: Array.from({ length: 45 }, (_, i) => `t${i}: v`).join('\n') }, 'tags', /more than AWS's 50 tags/],
    ['kms key', { 'kms-key-id': 'my key' }, 'kms-key-id', /is not a KMS key: give a key id/],
    ['missing local input data', { 'input-data': 'train: data/gone' }, 'input-data', /channel "train": "data\/gone" does not exist/],
    ['negative instance count', { 'instance-count': '-1' }, 'instance-count', /"-1" is not allowed: give a whole number of at least 1/],
    ['volume in exponent form', { 'volume-size-gb': '1e3' }, 'volume-size-gb', /"1e3" is not allowed: give a whole number/]
  ]

  it.each(rejected)('rejects %s with one message naming the input in its text', (_label, overrides, input, message) => {
    const problems = problemsOf(overrides)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.input).toBe(input)
    expect(problems[0]!.message).toMatch(message)
    expect(problemText(problems[0]!)).toMatch(new RegExp(`^Input "${input}"[ :]`))
  })

  it('accepts every form of KMS key identifier', () => {
    for (const key of [
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      'mrk-1234abcd12ab34cd56ef1234567890ab',
      'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'alias/braket-results',
      'arn:aws:kms:us-west-2:123456789012:alias/braket-results'
    ]) {
      expect(build({ 'kms-key-id': key }).kmsKeyId).toBe(key)
    }
  })

  it('reports every bad input at once, each under its own name', () => {
    const problems = problemsOf({ 'instance-count': '0', 'job-name': 'bad name', device: '' })
    expect(problems.map((p) => p.input).sort()).toEqual(['device', 'instance-count', 'job-name'])
    const error = new InputError(problems)
    expect(error.message).toContain('Input "job-name"')
  })
})

describe('the checkout, as the input checks see it', () => {
  it('tells directories, files and missing paths apart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'probe-'))
    await mkdir(join(root, 'vqe'))
    await writeFile(join(root, 'vqe.py'), '')
    expect(probePath(join(root, 'vqe'))).toEqual({ kind: 'directory', realPath: join(realpathSync(root), 'vqe') })
    expect(probePath(join(root, 'vqe.py'))).toEqual({ kind: 'file', realPath: join(realpathSync(root), 'vqe.py') })
    expect(probePath(join(root, 'gone'))).toEqual({ kind: 'missing' })
    expect(probePath(join(root, 'vqe.py', 'below-a-file'))).toEqual({ kind: 'missing' })
  })

  it('check a real checkout the same way: a missing source-dir is an input problem before anything runs', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'checkout-'))
    const error = (() => {
      try {
        buildJobSpec(rawInputs(), runIdentity({ workspace }), {})
      } catch (caught) {
        return caught as InputError
      }
    })()
    expect(error?.problems.map(problemText)).toEqual([
      `Input "source-dir": "algorithms/vqe" does not exist in the workspace ${workspace}: check the path, and that actions/checkout ran ` +
        `before this step.`
    ])
  })
})

describe('the experiment a run belongs to', () => {
  it('defaults to the workflow, job and step (and idempotency key), the same on push and pull_request', () => {
    expect(build().experiment).toBe('experiments-submit-braket')
    expect(build({ 'idempotency-key': 'shots=1000 / sv1' }).experiment).toBe('experiments-submit-braket-shots-1000-sv1')
    const pushRun = buildJobSpec(rawInputs(), runIdentity({ eventName: 'push' }), {}, fakeCheckout())
    const prRun = buildJobSpec(rawInputs(), runIdentity({ eventName: 'pull_request', ref: 'refs/pull/7/merge' }), {}, fakeCheckout())
    expect(prRun.experiment).toBe(pushRun.experiment)
  })

  it('slugs a given name to safe key characters and tags the job with it', () => {
    const spec = build({ experiment: 'VQE: H2 / 4 qubits' })
    expect(spec.experiment).toBe('VQE-H2-4-qubits')
    expect(problemsOf({ experiment: 'x'.repeat(129) })[0]?.message).toMatch(/too long: give at most 128 characters/)
  })
})
