import * as core from '@actions/core'
import { SourcePackagingError } from '../archive/package-source.js'
import { errorMessage } from '../common/errors.js'
import { InputError, problemText } from '../inputs/input-error.js'

/**
 * One annotation per problem, each naming the input and what to change in its
 * text (the step log shows only the text); then the step fails.
 */
export function reportFailure(error: unknown): void {
  if (error instanceof InputError) {
    for (const problem of error.problems) core.error(problemText(problem), { title: `Input "${problem.input}"` })
    const count = error.problems.length
    core.setFailed(`${count === 1 ? 'An input is' : `${count} inputs are`} not valid; nothing was uploaded and no job was created.`)
    return
  }
  if (error instanceof SourcePackagingError) {
    core.error(error.message, { title: `Input "${error.input}"` })
    core.setFailed('The source could not be packaged; nothing was uploaded and no job was created.')
    return
  }
  core.setFailed(errorMessage(error))
}
