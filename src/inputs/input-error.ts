import { ActionError } from '../common/errors.js'
import type { InputName } from './action-inputs.js'

/** One input's problem, phrased for the person who wrote the workflow. */
export interface InputProblem {
  input: InputName
  /** What is wrong and what is allowed, without the input's name (added by problemText). */
  message: string
}

/**
 * The problem as the step log shows it: the log shows only an annotation's text,
 * never its title, so the input's name is part of the text.
 */
export function problemText(problem: InputProblem): string {
  return /^is\b/.test(problem.message) ? `Input "${problem.input}" ${problem.message}` : `Input "${problem.input}": ${problem.message}`
}

/** Every problem found in the inputs; thrown before anything touches AWS. */
export class InputError extends ActionError {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(problemText).join('\n'))
  }
}
