// What is at a path, for the input checks that need the checkout (source-dir,
// local input-data). The one filesystem look the input layer takes; passed in,
// so the checks stay testable without a checkout.
import { statSync } from 'node:fs'
import { errorCode, errorMessage } from '../common/errors.js'

export type PathKind =
  { kind: 'directory' } | { kind: 'file' } | { kind: 'missing' } | { kind: 'other' } | { kind: 'unreadable'; why: string }

export type PathProbe = (absolutePath: string) => PathKind

export const probePath: PathProbe = (absolutePath) => {
  try {
    const stats = statSync(absolutePath)
    return stats.isDirectory() ? { kind: 'directory' } : stats.isFile() ? { kind: 'file' } : { kind: 'other' }
  } catch (error) {
    const code = errorCode(error)
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', why: errorMessage(error) }
  }
}
