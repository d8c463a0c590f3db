// The inputs of long jobs, in-process: attaching (job-arn, attach, logs-since),
// checkpoints (copy-checkpoints-from-job, resume) and distribution, each problem
// named in words and all reported at once.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { checkpointTags } from '../src/checkpoints/checkpoint-tags.js'
import { INPUT_NAMES, type InputName } from '../src/inputs/action-inputs.js'
import { ATTACH_INPUTS, attachRequested } from '../src/inputs/attach-section.js'
import { buildAttachSpec } from '../src/inputs/attach-spec.js'
import { DATA_PARALLEL_INSTANCE_TYPES } from '../src/inputs/distribution-section.js'
import { InputError, problemText, type InputProblem } from '../src/inputs/input-error.js'
import { INPUT_DEFAULTS, isGiven } from '../src/inputs/input-defaults.js'
import { allowedValues, CONSTRAINTS } from '../src/inputs/constraints.js'
import { buildJobSpec } from '../src/inputs/job-spec.js'
import { fakeCheckout, rawInputs, runIdentity } from './support/inputs.js'

const JOB_ARN = 'arn:aws:braket:us-east-1:123456789012:job/7c7a2f7e-0a8b-4a57-8d0b-0c3f2b6b9f10'
const NOW = Date.parse('2025-03-04T05:06:07Z')

/** Inputs as the runner passes them to a step with only `given` set: every declared default filled in. */
function attachInputs(given: Partial<Record<InputName, string>>) {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUT_DEFAULTS[name] ?? ''])) as Record<InputName, string>
  return { ...raw, ...given }
}

function problems(build: () => unknown): InputProblem[] {
  try {
    build()
  } catch (error) {
    if (error instanceof InputError) return [...error.problems]
    throw error
  }
  throw new Error('expected the inputs to be rejected')
}

const attachSpec = (given: Partial<Record<InputName, string>>, env: NodeJS.ProcessEnv = {}) =>
  buildAttachSpec(attachInputs(given), runIdentity(), env, NOW)
const jobSpec = (overrides: Partial<Record<InputName, string>>) => buildJobSpec(rawInputs(overrides), runIdentity(), {}, fakeCheckout())

describe('action.yml’s defaults', () => {
  it('are the ones the code knows, for telling a given input from a default one', () => {
    const declared = (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs
    const defaults = Object.fromEntries(
      Object.entries(declared)
        .filter(([, input]) => input.default !== undefined)
        .map(([name, input]) => [name, String(input.default)])
    )
    expect(INPUT_DEFAULTS).toEqual(defaults)
    expect(isGiven('wait', 'False')).toBe(false)
    expect(isGiven('instance-count', '1')).toBe(false)
    expect(isGiven('instance-count', '2')).toBe(true)
  })

  it('leave cancelling to the workflow for an attached job, and cancel a submitted one', () => {
    const declared = (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs
    expect(declared['cancel-on-timeout']!.default).toBeUndefined()
    expect(declared['cancel-on-workflow-cancel']!.default).toBeUndefined()
    expect(attachSpec({ 'job-arn': JOB_ARN }).follow).toMatchObject({ cancelOnTimeout: false, cancelOnWorkflowCancel: false })
    expect(jobSpec({}).follow).toMatchObject({ cancelOnTimeout: true, cancelOnWorkflowCancel: true })
    expect(attachSpec({ 'job-arn': JOB_ARN, 'cancel-on-timeout': 'true' }).follow.cancelOnTimeout).toBe(true)
  })
})

describe('attaching', () => {
  it('takes the region from the job ARN, whatever the environment says', () => {
    expect(attachRequested(attachInputs({ 'job-arn': JOB_ARN }))).toBe(true)
    expect(attachRequested(attachInputs({}))).toBe(false)
    const spec = attachSpec({ 'job-arn': JOB_ARN }, { AWS_REGION: 'eu-north-1' })
    expect(spec).toMatchObject({ jobArn: JOB_ARN, latest: false, region: 'us-east-1', credentials: { kind: 'environment' } })
    expect(spec.logsSince).toBeUndefined()
  })

  it('refuses every submission input given, by name and with job-arn, all at once', () => {
    const found = problems(() =>
      attachSpec({
        'job-arn': JOB_ARN,
        device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
        'entry-point': 'vqe.main:run',
        'execution-role-arn': 'arn:aws:iam::123456789012:role/x',
        'copy-checkpoints-from-job': JOB_ARN,
        resume: 'true',
        distribution: 'data_parallel',
        'dry-run': 'true',
        'wait-timeout-minutes': 'soon'
      })
    )
    expect(found.map((problem) => problem.input).sort()).toEqual(
      [
        'copy-checkpoints-from-job',
        'device',
        'distribution',
        'dry-run',
        'entry-point',
        'execution-role-arn',
        'resume',
        'wait-timeout-minutes'
      ].sort()
    )
    expect(problemText(found.find((problem) => problem.input === 'device')!)).toBe(
      'Input "device" is for submitting a job, but job-arn is set: this step follows a job that was submitted elsewhere and ' +
        'submits nothing. Remove device, or remove job-arn to submit a job.'
    )
  })

  it('explains an aws-region that is not the job’s in one line naming both', () => {
    const [problem] = problems(() => attachSpec({ 'job-arn': JOB_ARN, 'aws-region': 'us-west-2' }))
    expect(problemText(problem!)).toBe(
      'Input "aws-region" is us-west-2, but job-arn names a job of us-east-1: leave aws-region empty (the job\'s region comes from ' +
        'its ARN) or set it to us-east-1.'
    )
    expect(attachSpec({ 'job-arn': JOB_ARN, 'aws-region': 'us-east-1' }).region).toBe('us-east-1')
  })

  it('checks job-arn, attach and logs-since in words', () => {
    const found = problems(() => attachSpec({ 'job-arn': 'vqe-run-17', attach: 'newest', 'logs-since': 'yesterday' }))
    expect(found.map(problemText)).toEqual([
      'Input "job-arn": "vqe-run-17" is not allowed: it must be a Braket job ARN such as arn:aws:braket:us-west-2:123456789012:job/<id>.',
      'Input "attach": "newest" is not allowed: give latest (the newest job of the experiment), or leave it empty.',
      'Input "logs-since": "yesterday" is not allowed: give an ISO 8601 time with its zone, such as 2025-01-02T03:04:05Z, or now.'
    ])
    expect(problems(() => attachSpec({ 'job-arn': JOB_ARN, attach: 'latest' })).map((p) => p.input)).toEqual(['attach'])
    // A time without its zone would depend on the runner's clock settings.
    expect(problems(() => attachSpec({ 'job-arn': JOB_ARN, 'logs-since': '2025-03-04T05:00' })).map((p) => p.input)).toEqual(['logs-since'])
  })

  it('reads logs-since as a time, now as the step’s start', () => {
    expect(attachSpec({ 'job-arn': JOB_ARN, 'logs-since': 'now' }).logsSince).toBe(NOW)
    expect(attachSpec({ 'job-arn': JOB_ARN, 'logs-since': '2025-03-04T05:00:00.5+01:00' }).logsSince).toBe(
      Date.parse('2025-03-04T04:00:00.500Z')
    )
    expect(attachSpec({ 'job-arn': JOB_ARN, 'logs-since': '2025-03-04' }).logsSince).toBe(Date.parse('2025-03-04T00:00:00Z'))
  })

  it('attach: latest takes the region from aws-region and the experiment from its input', () => {
    const spec = attachSpec({ attach: 'latest', experiment: 'Nightly VQE', 'aws-region': 'eu-west-2' })
    expect(spec).toMatchObject({ latest: true, region: 'eu-west-2', experiment: 'Nightly-VQE' })
    expect(spec.jobArn).toBeUndefined()
    const [problem] = problems(() => attachSpec({ attach: 'latest', 'source-dir': 'algorithms/vqe', 'aws-region': 'eu-west-2' }))
    expect(problemText(problem!)).toContain('but attach: latest is set')
  })

  it('keeps logs-since to attached jobs', () => {
    const [problem] = problems(() => jobSpec({ 'logs-since': 'now' }))
    expect(problemText(problem!)).toBe(
      'Input "logs-since" is for a job followed with job-arn or attach; a job this step submits is followed from its log\'s start.'
    )
  })

  it('lets every following input through, and only those', () => {
    const following = ['wait', 'wait-timeout-minutes', 'stream-logs', 'download-results', 'comment-on-pr', 'github-token', 'logs-since']
    for (const name of following) expect(ATTACH_INPUTS.has(name as InputName)).toBe(true)
    for (const name of ['source-dir', 'hyperparameters', 'tags', 'input-data', 'job-name', 'client-token']) {
      expect(ATTACH_INPUTS.has(name as InputName)).toBe(false)
    }
  })
})

describe('checkpoints', () => {
  it('reads copy-checkpoints-from-job and resume', () => {
    expect(jobSpec({ 'copy-checkpoints-from-job': JOB_ARN, resume: 'true' })).toMatchObject({
      copyCheckpointsFromJob: JOB_ARN,
      resume: true
    })
    expect(jobSpec({})).toMatchObject({ resume: false })
    expect(jobSpec({}).copyCheckpointsFromJob).toBeUndefined()
  })

  it('refuses resume with an explicit client-token, which never gives a re-run a fresh job', () => {
    const [problem] = problems(() => jobSpec({ resume: 'true', 'client-token': 'fixed-1' }))
    expect(problem!.input).toBe('resume')
    expect(problem!.message).toContain('client-token is set')
  })

  it('tags the job with where its checkpoints came from, the same for every re-execution of the step', () => {
    const given = { copyCheckpointsFromJob: JOB_ARN, resume: false }
    expect(checkpointTags(given, 1)).toEqual({ 'github:checkpoints-from': JOB_ARN })
    expect(checkpointTags(given, 3)).toEqual({ 'github:checkpoints-from': JOB_ARN })
    expect(checkpointTags({ resume: true }, 1)).toEqual({})
    expect(checkpointTags({ resume: true }, 3)).toEqual({ 'github:resumes-attempt': '2' })
    expect(checkpointTags({ ...given, resume: true }, 2)).toEqual({ 'github:resumes-attempt': '1' })
  })

  it('refuses copy-checkpoints-from-job on the runner, which cannot read S3; resume has nothing to resume there and passes', () => {
    const onRunner = { 'run-on-runner': 'true' }
    const found = problems(() => jobSpec({ ...onRunner, 'copy-checkpoints-from-job': JOB_ARN }))
    expect(found.map((problem) => problem.input)).toEqual(['copy-checkpoints-from-job'])
    expect(problemText(found[0]!)).toMatch(/^Input "copy-checkpoints-from-job" is set, but run-on-runner is true: .* cannot read/)
    expect(jobSpec({ ...onRunner, resume: 'true' })).toMatchObject({ runOnRunner: true, resume: true })
  })

  it('counts that tag against AWS’s 50 tags', () => {
    const tags = Array.from({ length: 42 }, (_, i) => `t${i}: v`).join('\n')
    expect(() => jobSpec({ tags })).not.toThrow()
    const [problem] = problems(() => jobSpec({ tags, resume: 'true' }))
    expect(problem!.input).toBe('tags')
  })
})

describe('distribution', () => {
  it('data_parallel adds the Braket SDK’s two hyperparameters, which the job (and the pre-flight) then has', () => {
    const spec = jobSpec({ distribution: 'data_parallel', 'instance-type': 'ml.p4d.24xlarge', hyperparameters: 'lr: 0.1' })
    expect(spec.distribution).toBe('data_parallel')
    expect(spec.hyperParameters).toEqual({
      lr: '0.1',
      sagemaker_distributed_dataparallel_enabled: 'true',
      sagemaker_instance_type: 'ml.p4d.24xlarge'
    })
    expect(jobSpec({}).distribution).toBe('none')
    expect(jobSpec({ distribution: 'none' }).hyperParameters).toEqual({})
  })

  it('needs one of the multi-GPU instance types, all of them in the model', () => {
    for (const type of DATA_PARALLEL_INSTANCE_TYPES) expect(allowedValues(CONSTRAINTS.instanceType)).toContain(type)
    const [problem] = problems(() => jobSpec({ distribution: 'data_parallel' }))
    expect(problemText(problem!)).toBe(
      'Input "distribution": data_parallel runs SageMaker\'s distributed data parallel library, which needs an instance with ' +
        'several GPUs, but instance-type is "ml.m5.large". Give instance-type ml.p3.16xlarge, ml.p3dn.24xlarge or ml.p4d.24xlarge, ' +
        'or distribution: none.'
    )
  })

  it('refuses other values, a hyperparameter it sets itself, and one too many hyperparameters', () => {
    expect(problems(() => jobSpec({ distribution: 'model_parallel' })).map(problemText)).toEqual([
      'Input "distribution": "model_parallel" is not allowed: give none, or data_parallel (SageMaker\'s distributed data parallel library).'
    ])
    const p3 = { distribution: 'data_parallel', 'instance-type': 'ml.p3.16xlarge' }
    expect(problems(() => jobSpec({ ...p3, hyperparameters: 'sagemaker_instance_type: x' })).map(problemText)).toEqual([
      'Input "hyperparameters": "sagemaker_instance_type" is set by distribution: data_parallel; remove it from hyperparameters.'
    ])
    const many = Array.from({ length: 99 }, (_, i) => `h${i}: 1`).join('\n')
    expect(problems(() => jobSpec({ ...p3, hyperparameters: many })).map(problemText)).toEqual([
      'Input "hyperparameters": has 99 entries; with the 2 that distribution: data_parallel adds that is more than Braket\'s 100.'
    ])
  })
})
