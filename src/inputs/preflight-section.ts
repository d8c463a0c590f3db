// hyperparameters-must-bind: whether hyperparameters the entry function cannot
// take stop the step (the container would silently call it with none) or warn.
import type { RawInputs } from './action-inputs.js'
import { parseBoolean, type Report } from './parse-input.js'

export function readPreflightSection(raw: RawInputs, report: Report): { hyperParametersMustBind: boolean } {
  return { hyperParametersMustBind: parseBoolean('hyperparameters-must-bind', raw['hyperparameters-must-bind'] || 'true', report) }
}
