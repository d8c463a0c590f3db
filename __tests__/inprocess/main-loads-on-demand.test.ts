// run() loads the code that talks to AWS only when a run gets there: a dry run and a bad input never
// load the AWS SDK, Octokit or the requirements grammar (measured: the example's dry run takes 0.36 s
// instead of 0.52 s). Each of those packages is replaced here by a module that records being loaded.
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { followInputs } from '../support/follow-fixtures.js'
import { runInProcess } from '../support/in-process-action.js'
import { exampleWorkspace } from '../support/workspace.js'
import * as core from '../fixtures/core.js'

const ON_DEMAND = [
  '@aws-sdk/client-braket',
  '@aws-sdk/client-cloudwatch-logs',
  '@aws-sdk/client-pricing',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-sts',
  '@actions/github',
  'pip-requirements-js'
]
const loaded = new Set<string>()

jest.unstable_mockModule('@actions/core', () => core)
// Modules without the names the action imports: loading one is recorded, and makes that run fail.
for (const name of ON_DEMAND)
  jest.unstable_mockModule(name, () => {
    loaded.add(name)
    return {}
  })
const { run } = await import('../../src/main.js')

let workspace: string
beforeAll(async () => {
  workspace = await exampleWorkspace()
})

const inputs = { ...followInputs, wait: 'false' }

describe('run() loads the code that calls AWS on demand', () => {
  it('a dry run validates, digests, checks and prints the request without loading the AWS SDK or Octokit', async () => {
    loaded.clear()
    const result = await runInProcess(run, { workspace, inputs: { ...inputs, 'dry-run': 'true' } })
    expect(result.failed).toEqual([])
    expect(result.outputs.status).toBe('DRY_RUN')
    expect([...loaded]).toEqual([])
  })

  it('a bad input fails before any of it is loaded', async () => {
    loaded.clear()
    const result = await runInProcess(run, { workspace, inputs: { ...inputs, 'instance-count': 'many' } })
    expect(result.failed).toHaveLength(1)
    expect(result.errors.join('\n')).toMatch(/instance-count/)
    expect([...loaded]).toEqual([])
  })

  it('a submission loads it once credentials are needed (the recording modules make it fail there)', async () => {
    loaded.clear()
    const result = await runInProcess(run, { workspace, inputs })
    expect(result.failed).toHaveLength(1)
    expect(loaded.has('@aws-sdk/client-sts')).toBe(true)
    expect(loaded.has('@aws-sdk/client-s3')).toBe(true)
    expect(loaded.has('@aws-sdk/client-braket')).toBe(true)
  })
})
