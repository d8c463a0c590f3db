// The inputs of the pre-flight and of run-on-runner, checked with the others before anything runs.
import { describe, expect, it } from '@jest/globals'
import { InputError, problemText } from '../src/inputs/input-error.js'
import { buildJobSpec } from '../src/inputs/job-spec.js'
import { fakeCheckout, rawInputs, runIdentity } from './support/inputs.js'

const build = (overrides: Parameters<typeof rawInputs>[0] = {}) => buildJobSpec(rawInputs(overrides), runIdentity(), {}, fakeCheckout([]))

function problems(overrides: Parameters<typeof rawInputs>[0]): string[] {
  try {
    build(overrides)
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(problemText)
    throw error
  }
  throw new Error('expected the inputs to be rejected')
}

describe('pre-flight and run-on-runner inputs', () => {
  it('defaults: hyperparameters must bind, the job is submitted, the local device is the Braket one', () => {
    expect(build()).toMatchObject({ hyperParametersMustBind: true, runOnRunner: false, localDevice: 'local:braket/braket.local.qubit' })
    expect(
      build({ 'hyperparameters-must-bind': 'false', 'run-on-runner': 'true', 'local-device': 'local:pennylane/lightning.qubit' })
    ).toMatchObject({ hyperParametersMustBind: false, runOnRunner: true, localDevice: 'local:pennylane/lightning.qubit' })
  })

  it('refuses what run-on-runner cannot do, naming the input', () => {
    expect(problems({ 'run-on-runner': 'true', 'dry-run': 'true' })).toEqual([
      'Input "run-on-runner" is true, and so is dry-run: choose one (dry-run only validates; run-on-runner runs the job here).'
    ])
    expect(problems({ 'run-on-runner': 'true', 'input-data': 'train: s3://bucket/data/' })[0]).toMatch(
      /^Input "input-data": channel "train" is "s3:\/\/bucket\/data\/", but run-on-runner calls no AWS API/
    )
    expect(problems({ 'local-device': 'arn:aws:braket:::device/quantum-simulator/amazon/sv1' })[0]).toMatch(
      /^Input "local-device": "arn:aws:braket:::device\/quantum-simulator\/amazon\/sv1" is not allowed: give a simulator/
    )
    expect(problems({ 'hyperparameters-must-bind': 'maybe' })).toEqual([
      'Input "hyperparameters-must-bind": "maybe" is not a boolean: give true or false.'
    ])
  })
})
