// hyperparameters: a mapping of names to values, each a string in the request.
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, checkConstraint, maxOf } from './constraints.js'
import { parseStringMap, shownValue, type Report } from './parse-input.js'

export function readHyperParameters(raw: RawInputs, report: Report): Record<string, string> {
  const hyperParameters = parseStringMap('hyperparameters', raw.hyperparameters, report)
  const count = Object.keys(hyperParameters).length
  const max = maxOf(CONSTRAINTS.hyperParameters)
  if (count > max) report({ input: 'hyperparameters', message: `has ${count} entries; Braket allows at most ${max}.` })
  for (const [name, value] of Object.entries(hyperParameters)) {
    checkConstraint('hyperparameters', name, CONSTRAINTS.hyperParameterName, report, 'the name')
    checkConstraint('hyperparameters', value, CONSTRAINTS.hyperParameterValue, report, `the value of ${shownValue(name)},`)
  }
  return hyperParameters
}
