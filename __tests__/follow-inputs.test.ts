// The follow inputs, validated with the rest before anything touches AWS.
import { describe, expect, it } from '@jest/globals'
import { problemText, type InputError } from '../src/inputs/input-error.js'
import { buildJobSpec } from '../src/inputs/job-spec.js'
import { fakeCheckout, rawInputs, runIdentity } from './support/inputs.js'

const problems = (overrides: Parameters<typeof rawInputs>[0]) => {
  try {
    buildJobSpec(rawInputs(overrides), runIdentity(), {}, fakeCheckout())
  } catch (error) {
    return (error as InputError).problems.map(problemText)
  }
  throw new Error('expected the inputs to be refused')
}

describe('follow inputs', () => {
  it('default to submitting without waiting, and to the safe choices once waiting', () => {
    expect(buildJobSpec(rawInputs(), runIdentity(), {}, fakeCheckout()).follow).toEqual({
      wait: false,
      waitTimeoutMinutes: 340,
      cancelOnTimeout: true,
      cancelOnWorkflowCancel: true,
      streamLogs: true,
      downloadResults: undefined,
      commentOnPr: false,
      githubToken: ''
    })
  })

  it('resolve download-results against the workspace and accept fractions of minutes', () => {
    const spec = buildJobSpec(
      rawInputs({ wait: 'true', 'wait-timeout-minutes': '1.5', 'download-results': 'out/results', 'cancel-on-timeout': 'false' }),
      runIdentity(),
      {},
      fakeCheckout()
    )
    expect(spec.follow).toMatchObject({
      wait: true,
      waitTimeoutMinutes: 1.5,
      cancelOnTimeout: false,
      downloadResults: '/home/runner/work/quantum-lab/quantum-lab/out/results'
    })
  })

  it('name the input in the text of one clear message each', () => {
    expect(problems({ wait: 'yes', 'wait-timeout-minutes': '0' })).toEqual([
      'Input "wait": "yes" is not a boolean: give true or false.',
      'Input "wait-timeout-minutes": "0" is not allowed: give a number of minutes above 0 and at most 7200 (5 days), fractions ' +
        'allowed. GitHub-hosted jobs stop after 360 minutes; the default 340 leaves time to cancel and report.'
    ])
    expect(problems({ 'download-results': 'results' })).toEqual([
      'Input "download-results" is set, but wait is false: set wait: true, since results exist only once the job has completed.'
    ])
    expect(problems({ 'comment-on-pr': 'true' })).toEqual([
      'Input "github-token" is empty, but comment-on-pr is true. Leave github-token at its default (${{ github.token }}) or pass a ' +
        'token that may write pull requests.'
    ])
  })
})
