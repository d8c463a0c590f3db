// The one error type packaging throws. `input` names the action input at fault; the
// message names it too (the step log shows only the text), as every input problem does.
import { relative, sep } from 'node:path'
import { ActionError } from '../common/errors.js'
import { isInside } from '../common/paths.js'
import { problemText, type InputProblem } from '../inputs/input-error.js'

export type PackagingInput = 'source-dir' | 'entry-point' | 'exclude' | 'compression'

export class SourcePackagingError extends ActionError {
  readonly problem: InputProblem

  constructor(
    readonly input: PackagingInput,
    /** What is wrong and what is allowed, without the input's name. */
    detail: string
  ) {
    super(problemText({ input, message: detail }))
    this.problem = { input, message: detail }
  }
}

/** A path as the user most likely wrote it: relative to the working directory when inside it. */
export function displayPath(absolutePath: string): string {
  const fromCwd = relative(process.cwd(), absolutePath)
  return fromCwd !== '' && isInside(process.cwd(), absolutePath) ? fromCwd.split(sep).join('/') : absolutePath
}
