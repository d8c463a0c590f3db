import * as core from '@actions/core'
import { SourcePackagingError } from '../archive/package-source.js'
import { InputError } from '../plan/input-error.js'

/** One annotation per problem, each naming what to change; then the step fails. */
export function reportFailure(error: unknown): void {
  if (error instanceof InputError) {
    for (const problem of error.problems) core.error(problem.message, { title: `Input "${problem.input}"` })
    core.setFailed(
      `${error.problems.length === 1 ? 'An input is' : `${error.problems.length} inputs are`} not valid; nothing was uploaded and no job ` +
        `was created.`
    )
    return
  }
  if (error instanceof SourcePackagingError) {
    core.error(error.message, { title: `Input "${error.input}"` })
    core.setFailed('The source could not be packaged; nothing was uploaded and no job was created.')
    return
  }
  core.setFailed(error instanceof Error ? error.message : String(error))
}
