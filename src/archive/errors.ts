// The one error type packaging throws. `input` names the action input at fault so
// the caller can point the user at it; the message already starts with that name.
import { isAbsolute, relative, sep } from 'node:path'

export type PackagingInput = 'source-dir' | 'entry-point' | 'exclude' | 'compression'

export class SourcePackagingError extends Error {
  constructor(
    readonly input: PackagingInput,
    message: string
  ) {
    super(message)
    this.name = 'SourcePackagingError'
  }
}

/** A path as the user most likely wrote it: relative to the working directory when inside it. */
export function displayPath(absolutePath: string): string {
  const fromCwd = relative(process.cwd(), absolutePath)
  const insideCwd = fromCwd !== '' && fromCwd !== '..' && !fromCwd.startsWith(`..${sep}`) && !isAbsolute(fromCwd)
  return insideCwd ? fromCwd.split(sep).join('/') : absolutePath
}
