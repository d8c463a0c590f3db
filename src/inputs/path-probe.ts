// What is at a path, for the input checks that need the checkout (source-dir,
// local input-data). The one filesystem look the input layer takes; passed in,
// so the checks stay testable without a checkout.
import { realpathSync, statSync } from 'node:fs'
import { errorCode, errorMessage } from '../common/errors.js'
import { isInside } from '../common/paths.js'

export type PathKind =
  | { kind: 'directory'; realPath?: string }
  | { kind: 'file'; realPath?: string }
  | { kind: 'missing' }
  | { kind: 'other' }
  | { kind: 'unreadable'; why: string }

export type PathProbe = (absolutePath: string) => PathKind

export const probePath: PathProbe = (absolutePath) => {
  try {
    const stats = statSync(absolutePath)
    // Where the path leads once symbolic links are followed: what would be read and uploaded.
    const realPath = realpathSync(absolutePath)
    return stats.isDirectory() ? { kind: 'directory', realPath } : stats.isFile() ? { kind: 'file', realPath } : { kind: 'other' }
  } catch (error) {
    const code = errorCode(error)
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', why: errorMessage(error) }
  }
}

/**
 * Where a path inside the workspace leads outside it through a symbolic link (the
 * real path), or undefined when it stays inside. Lexical containment is checked before.
 */
export function linkedOutside(found: PathKind, workspace: string, probe: PathProbe): string | undefined {
  if ((found.kind !== 'directory' && found.kind !== 'file') || found.realPath === undefined) return undefined
  const root = probe(workspace)
  const realWorkspace = root.kind === 'directory' ? (root.realPath ?? workspace) : workspace
  return isInside(realWorkspace, found.realPath) ? undefined : found.realPath
}
