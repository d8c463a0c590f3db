import type { InputName } from '../inputs/action-inputs.js'

/** One input's problem, phrased for the person who wrote the workflow. */
export interface InputProblem {
  input: InputName
  message: string
}

/** Every problem found in the inputs; thrown before anything touches AWS. */
export class InputError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map((p) => `Input "${p.input}": ${p.message}`).join('\n'))
    this.name = 'InputError'
  }
}
