// The follow inputs, validated with the rest before anything touches AWS.
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../src/plan/input-error.js'
import { buildJobSpec } from '../src/plan/job-spec.js'
import { rawInputs, runIdentity } from './support/inputs.js'

const problems = (overrides: Parameters<typeof rawInputs>[0]) => {
  try {
    buildJobSpec(rawInputs(overrides), runIdentity(), {})
  } catch (error) {
    return (error as InputError).problems.map((problem) => `${problem.input}: ${problem.message}`)
  }
  throw new Error('expected the inputs to be refused')
}

describe('follow inputs', () => {
  it('default to submitting without waiting, and to the safe choices once waiting', () => {
    expect(buildJobSpec(rawInputs(), runIdentity(), {}).follow).toEqual({
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
      {}
    )
    expect(spec.follow).toMatchObject({
      wait: true,
      waitTimeoutMinutes: 1.5,
      cancelOnTimeout: false,
      downloadResults: '/home/runner/work/quantum-lab/quantum-lab/out/results'
    })
  })

  it('name the input in one clear message each', () => {
    expect(problems({ wait: 'yes', 'wait-timeout-minutes': '0' })).toEqual([
      'wait: "yes" is not a boolean. Allowed: true or false.',
      'wait-timeout-minutes: "0" is not a number of minutes above 0 and at most 7200 (5 days). GitHub-hosted jobs stop after 360 ' +
        'minutes; the default 340 leaves time to cancel and report.'
    ])
    expect(problems({ 'download-results': 'results' })).toEqual([
      'download-results: needs wait: true: results exist only once the job has completed.'
    ])
    expect(problems({ 'comment-on-pr': 'true' })).toEqual([
      'github-token: is empty, but comment-on-pr is true. Leave github-token at its default (${{ github.token }}) or pass a token that ' +
        'may write pull requests.'
    ])
  })
})
