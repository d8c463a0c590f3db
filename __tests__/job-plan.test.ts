import { describe, expect, it } from '@jest/globals'
import { braketFacts } from '../src/facts/aws-facts.js'
import { modelPattern, validateShape } from '../src/facts/validate-shape.js'
import { deriveJobName } from '../src/plan/job-identity.js'
import { planJob, type SourceArchive } from '../src/plan/job-plan.js'
import { buildJobSpec, type JobSpec } from '../src/inputs/job-spec.js'
import { fakeCheckout, rawInputs, runIdentity } from './support/inputs.js'

const archive: SourceArchive = { sha256: 'c'.repeat(64), fileName: 'source.tar.gz', compressionType: 'GZIP' }
const spec = (overrides: Parameters<typeof rawInputs>[0] = {}): JobSpec =>
  buildJobSpec(rawInputs(overrides), runIdentity(), {}, fakeCheckout())
const plan = (s: JobSpec = spec(), identity = runIdentity(), attempt = 1, source = archive) =>
  planJob(s, identity, source, [], '111122223333', attempt)

describe('planJob', () => {
  it('assembles a CreateJob request with every field the inputs give, valid against the model', () => {
    const full = spec({
      hyperparameters: 'shots: 100',
      'kms-key-id': 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'checkpoint-local-path': '/opt/jobs/checkpoints',
      'reservation-arn': 'arn:aws:braket:us-west-2:111122223333:reservation/abc',
      tags: 'team: qml'
    })
    const { request } = planJob(full, runIdentity(), archive, [{ channelName: 'train', s3Uri: 's3://data/train/' }], '111122223333', 1)
    expect(validateShape(braketFacts, 'CreateJobRequest', request)).toEqual([])
    const members = Object.keys(braketFacts.shapes.CreateJobRequest!.members!)
    expect(Object.keys(request).sort()).toEqual([...members].sort())
    expect(request.algorithmSpecification?.scriptModeConfig).toEqual({
      entryPoint: 'vqe.main:run',
      s3Uri: `s3://amazon-braket-us-west-2-111122223333/jobs/sources/${'c'.repeat(64)}/source.tar.gz`,
      compressionType: 'GZIP'
    })
    expect(request.outputDataConfig).toEqual({
      s3Path: `s3://amazon-braket-us-west-2-111122223333/jobs/${request.jobName}/data`,
      kmsKeyId: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'
    })
    expect(request.associations).toEqual([
      { arn: 'arn:aws:braket:us-west-2:111122223333:reservation/abc', type: 'RESERVATION_TIME_WINDOW_ARN' }
    ])
    expect(request.tags).toMatchObject({
      team: 'qml',
      'github:repository': 'octo/quantum-lab',
      'github:run-id': '4242',
      'github:run-attempt': '1',
      'github:event': 'push'
    })
  })

  it('is a pure function: the same inputs give the same request, token and name', () => {
    expect(plan()).toEqual(plan())
  })

  it('gives a different token when the request, the step, the idempotency key or the attempt differs', () => {
    const base = plan().clientToken
    const variants = [
      plan(spec({ device: 'arn:aws:braket:::device/quantum-simulator/amazon/dm1' })).clientToken,
      plan(spec({ hyperparameters: 'shots: 2' })).clientToken,
      plan(spec({ 'idempotency-key': 'matrix-leg-2' })).clientToken,
      plan(spec(), runIdentity({ step: 'other-step' })).clientToken,
      plan(spec(), runIdentity({ runId: '4243' })).clientToken,
      plan(spec(), runIdentity(), 2).clientToken,
      plan(spec(), runIdentity(), 1, { ...archive, sha256: 'd'.repeat(64) }).clientToken
    ]
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1)
    for (const token of [base, ...variants]) expect(token).toMatch(/^[0-9a-f]{64}$/)
  })

  it('keeps the token of a run attempt whatever attempt computes it (a re-run finds the first job)', () => {
    expect(plan(spec(), runIdentity({ runAttempt: 3 }), 1).clientToken).toBe(plan(spec(), runIdentity({ runAttempt: 1 }), 1).clientToken)
  })

  it('uses an explicit client token and job name as given', () => {
    const p = plan(spec({ 'client-token': 'my-token', 'job-name': 'nightly-vqe' }))
    expect(p.clientToken).toBe('my-token')
    expect(p.jobName).toBe('nightly-vqe')
    expect(p.outputS3Path).toBe('s3://amazon-braket-us-west-2-111122223333/jobs/nightly-vqe/data')
  })
})

describe('deriveJobName', () => {
  const pattern = modelPattern(braketFacts.shapes.CreateJobRequestJobNameString!.pattern!)

  it.each([
    ['octo/quantum-lab', '4242', 1],
    ['octo/Quantum_Lab.experiments', '9876543210', 2],
    ['octo/' + 'x'.repeat(80), '12345678901', 12],
    ['octo/---', '1', 1],
    ['octo/__init__', '77', 1]
  ])('makes a readable name within the Braket pattern for %s run %s attempt %s', (repository, runId, attempt) => {
    const name = deriveJobName(runIdentity({ repository, runId }), attempt, 'f00dbabe'.repeat(8))
    expect(name.length).toBeLessThanOrEqual(50)
    expect(pattern.test(name)).toBe(true)
    expect(name).toContain(runId)
    expect(name.endsWith('f00dbabe')).toBe(true)
    if (attempt > 1) expect(name).toContain(`-a${attempt}-`)
  })
})
