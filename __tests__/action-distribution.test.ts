// distribution: data_parallel, as the bundled action run in its own process against
// the stand-in: the two hyperparameters in the CreateJob request, or an input error
// before anything is spent.
import { describe, expect, it } from '@jest/globals'
import type { StandIn } from '../local/src/stand-in.js'
import { writeAlgorithm } from './support/files.js'
import { follow } from './support/follow-fixtures.js'
import { useStandIn } from './support/stand-in-fixture.js'

let standIn: StandIn
let workspace: string

useStandIn((fixture) => ({ standIn, workspace } = fixture))

const dataParallel = {
  distribution: 'data_parallel',
  'instance-type': 'ml.p3.16xlarge',
  'instance-count': '2',
  hyperparameters: 'shots: 100'
}

describe('distribution: data_parallel', () => {
  it('sends the hyperparameters the Braket SDK adds for it, next to the workflow’s, to an entry function that takes them', async () => {
    standIn.jobs.script({ queuedMs: 10, runningMs: 50 })
    const source = await writeAlgorithm(workspace, 'ddp', {
      '__init__.py': '',
      'train.py': 'def run(shots: int = 100, **kwargs):\n    print(shots, kwargs)\n'
    })
    const inputs = { ...dataParallel, 'source-dir': source, 'entry-point': 'ddp.train:run' }
    const run = await follow(standIn, workspace, { inputs })
    expect(run.exitCode).toBe(0)
    expect(standIn.jobs.get(run.outputs['job-arn']!)!.request.hyperParameters).toEqual({
      shots: '100',
      sagemaker_distributed_dataparallel_enabled: 'true',
      sagemaker_instance_type: 'ml.p3.16xlarge'
    })
    expect(run.stdout).toMatch(
      /hyperparameters +shots=100, sagemaker_distributed_dataparallel_enabled=true, sagemaker_instance_type=ml\.p3\.16xlarge/
    )
  })

  it('counts the added hyperparameters in the pre-flight: a function without **kwargs stops the step, no AWS call', async () => {
    // The example's run(shots, iterations, learning_rate, seed) takes no sagemaker_* parameters.
    const run = await follow(standIn, workspace, { inputs: dataParallel })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=Input "hyperparameters"::Input "hyperparameters": .*sagemaker_distributed_dataparallel_enabled.* do not bind/
    )
    expect(standIn.requests.records).toEqual([])
  })

  it('on an instance type without several GPUs: an input error, and no AWS call at all', async () => {
    const run = await follow(standIn, workspace, { inputs: { distribution: 'data_parallel', 'instance-type': 'ml.g4dn.xlarge' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=Input "distribution"::Input "distribution": data_parallel .* instance-type is "ml\.g4dn\.xlarge"\./
    )
    expect(standIn.requests.records).toEqual([])
  })
})
