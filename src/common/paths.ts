// Path containment, one implementation for every check of "is this inside that".
import path from 'node:path'

/**
 * Whether `candidate` is `root` or lies below it, lexically (no links followed).
 * A name that merely starts with two dots (`..data`) is inside; a path on another
 * Windows drive (where `relative` answers with an absolute path) is not.
 * `api` is node's path module for this platform; tests pass `path.win32`.
 */
export function isInside(root: string, candidate: string, api: path.PlatformPath = path): boolean {
  const rel = api.relative(root, candidate)
  if (rel === '') return true
  if (api.isAbsolute(rel)) return false
  return rel.split(/[\\/]/)[0] !== '..'
}
