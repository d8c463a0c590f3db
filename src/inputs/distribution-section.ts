// distribution: data_parallel adds the two hyperparameters the Braket SDK adds for
// SageMaker's distributed data parallel library (quantum_job_creation.py), which
// runs only on multi-GPU instances.
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, maxOf } from './constraints.js'
import { shownValue, type Report } from './parse-input.js'

export type Distribution = 'none' | 'data_parallel'

/** The model's instance types with several GPUs that SageMaker's data parallel library supports. */
export const DATA_PARALLEL_INSTANCE_TYPES = ['ml.p3.16xlarge', 'ml.p3dn.24xlarge', 'ml.p4d.24xlarge'] as const

export interface DistributionSection {
  distribution: Distribution
  /** What the distribution adds to the job's hyperparameters (the container binds them to the entry function too). */
  addedHyperParameters: Record<string, string>
}

const inWords = (items: readonly string[]) => items.join(', ').replace(/, ([^,]*)$/, ' or $1')

export function dataParallelHyperParameters(instanceType: string): Record<string, string> {
  return { sagemaker_distributed_dataparallel_enabled: 'true', sagemaker_instance_type: instanceType }
}

export function readDistribution(
  raw: RawInputs,
  instanceType: string,
  hyperParameters: Readonly<Record<string, string>>,
  report: Report
): DistributionSection {
  const text = raw.distribution || 'none'
  if (text === 'none') return { distribution: 'none', addedHyperParameters: {} }
  if (text !== 'data_parallel') {
    report({
      input: 'distribution',
      message: `${shownValue(text)} is not allowed: give none, or data_parallel (SageMaker's distributed data parallel library).`
    })
    return { distribution: 'none', addedHyperParameters: {} }
  }
  if (!(DATA_PARALLEL_INSTANCE_TYPES as readonly string[]).includes(instanceType)) {
    report({
      input: 'distribution',
      message:
        `data_parallel runs SageMaker's distributed data parallel library, which needs an instance with several GPUs, but ` +
        `instance-type is ${shownValue(instanceType)}. Give instance-type ${inWords(DATA_PARALLEL_INSTANCE_TYPES)}, ` +
        `or distribution: none.`
    })
  }
  const added = dataParallelHyperParameters(instanceType)
  for (const name of Object.keys(added).filter((name) => name in hyperParameters)) {
    report({
      input: 'hyperparameters',
      message: `${shownValue(name)} is set by distribution: data_parallel; remove it from hyperparameters.`
    })
  }
  const total = Object.keys({ ...hyperParameters, ...added }).length
  const max = maxOf(CONSTRAINTS.hyperParameters)
  if (total > max && Object.keys(hyperParameters).length <= max) {
    report({
      input: 'hyperparameters',
      message:
        `has ${Object.keys(hyperParameters).length} entries; with the 2 that distribution: data_parallel adds that is more than ` +
        `Braket's ${max}.`
    })
  }
  return { distribution: 'data_parallel', addedHyperParameters: added }
}
