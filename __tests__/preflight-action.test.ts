// The pre-flight inside the bundled action, run as its own process (so the
// Python checker is proven to ship inside dist/): errors name their input and
// stop the step before any AWS request; without python3, a notice and no checks.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubEnv, runAction } from '../local/src/run-action.js'
import type { StandIn } from '../local/src/stand-in.js'
import { writeAlgorithm } from './support/files.js'
import { useStandIn } from './support/stand-in-fixture.js'

const ROLE = 'arn:aws:iam::123456789012:role/github-braket-submit'

let standIn: StandIn
let workspace: string

useStandIn((fixture) => ({ standIn, workspace } = fixture), {
  trust: [{ roleArn: ROLE, sub: 'repo:octo/quantum-lab:*', aud: 'sts.amazonaws.com' }]
})

const baseInputs = {
  'aws-region': 'us-west-2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run'
}

const algorithm = (name: string, files: Record<string, string>) => writeAlgorithm(workspace, name, files)

describe('pre-flight in the bundled action', () => {
  it.concurrent("stops the README example's mismatch before anything is uploaded or created", async () => {
    const run = await runAction({
      workspace,
      inputs: { ...baseInputs, 'role-to-assume': ROLE, hyperparameters: 'shots: 1000\nlayers: 3' },
      env: { ...githubEnv(), ...standIn.env }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error title=Input "hyperparameters"::Input "hyperparameters": layers, shots do not bind to vqe.main:run(shots, iterations, ' +
        "learning_rate, seed): got an unexpected keyword argument 'layers'."
    )
    expect(run.stdout).toContain('An input is not valid; nothing was uploaded and no job was created.')
    expect(standIn.requests.of('s3')).toEqual([])
    expect(standIn.requests.of('braket')).toEqual([])
    expect(standIn.requests.of('sts')).toEqual([])
  })

  it.concurrent('a value the annotation cannot cast and a bad requirements line are errors naming their inputs (dry run)', async () => {
    const source = await algorithm('typed', {
      '__init__.py': '',
      'main.py': 'def run(shots: int = 100):\n    pass\n',
      'requirements.txt': 'numpy\nscipy>>=1.0\n'
    })
    const run = await runAction({
      workspace,
      inputs: { ...baseInputs, 'source-dir': source, 'entry-point': 'typed.main:run', hyperparameters: 'shots: 1e3', 'dry-run': 'true' },
      env: githubEnv()
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=Input "source-dir"::Input "source-dir": typed\/requirements\.txt, line 2: "scipy>>=1\.0" is not a/
    )
    expect(run.stdout).toContain(`Input "hyperparameters": shots: '1e3' cannot be cast the way the container casts it: int('1e3') fails`)
    expect(run.stdout).toContain('2 inputs are not valid; nothing was uploaded and no job was created.')
  })

  it.concurrent('hyperparameters-must-bind: false warns instead; without python3 the checks are skipped with a notice', async () => {
    const lenient = await runAction({
      workspace,
      inputs: { ...baseInputs, hyperparameters: 'layers: 3', 'hyperparameters-must-bind': 'false', 'dry-run': 'true' },
      env: githubEnv()
    })
    expect(lenient.exitCode).toBe(0)
    expect(lenient.stdout).toMatch(/::warning title=Input "hyperparameters"::Input "hyperparameters": layers do not bind to vqe\.main:run/)

    const noPython = await runAction({
      workspace,
      inputs: { ...baseInputs, hyperparameters: 'layers: 3', 'dry-run': 'true' },
      env: { ...githubEnv(), PATH: await mkdtemp(join(tmpdir(), 'no-python-')) }
    })
    expect(noPython.exitCode).toBe(0)
    expect(noPython.stdout).toContain(
      '::notice title=Pre-flight::python3 is not on the runner: the entry point and hyperparameters were not checked'
    )
    expect(noPython.outputs.status).toBe('DRY_RUN')
  })
})
