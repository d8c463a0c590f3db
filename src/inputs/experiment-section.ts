// experiment: the name that ties runs of the same step on different branches together.
import { defaultExperimentName, slug } from '../experiment/experiment-name.js'
import type { RunIdentity } from '../plan/run-identity.js'
import type { RawInputs } from './action-inputs.js'
import { shownValue, type Report } from './parse-input.js'

const MAX_EXPERIMENT_NAME = 128

export function readExperiment(raw: RawInputs, identity: RunIdentity, report: Report): string {
  const given = raw.experiment
  if (given === '') return defaultExperimentName(identity, raw['idempotency-key'])
  if ([...given].length > MAX_EXPERIMENT_NAME) {
    report({ input: 'experiment', message: `${shownValue(given)} is too long: give at most ${MAX_EXPERIMENT_NAME} characters.` })
  }
  return slug(given, MAX_EXPERIMENT_NAME)
}
