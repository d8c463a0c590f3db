// Lists what goes into the archive: every directory, regular file and in-tree
// symlink below source-dir, minus `.git` and the `exclude` patterns, and records
// what was left out and why. Nothing is read here but directory listings and
// inode metadata; file contents are streamed later by the writer.
//
// Paths are handled as their exact bytes (see path-bytes.ts): a name that is
// not valid UTF-8 is walked, archived and linked to byte for byte.
//
// Symlinks are never followed while walking (so a link cannot make us leave
// source-dir or loop). Each one is resolved with realpath afterwards:
//  - target outside source-dir, missing, looping, or a special file: skipped;
//  - target inside source-dir and itself packaged: kept AS A SYMLINK, with a
//    relative link text computed from the resolved target. Storing the link
//    (rather than a copy of the target) keeps the archive the same shape as
//    the tree, cannot duplicate data or recurse through a link to a parent,
//    and extracts fine with the job container's `shutil.unpack_archive`
//    (Python's `data` extraction filter accepts relative links that stay
//    inside the destination, which these always do);
//  - target inside but left out (excluded, `.git`, special): skipped, since
//    the link would dangle in the job.
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { join, posix, relative, sep } from 'node:path'
import { displayPath, SourcePackagingError } from './errors.js'
import type { ExcludeRules } from './exclude-patterns.js'
import { errorCode, errorMessage } from '../common/errors.js'
import { isInside } from '../common/paths.js'
import { quoted } from '../common/untrusted.js'
import { byteString, fromByteString, nameText } from './path-bytes.js'

export interface SkippedEntry {
  path: string
  reason: string
  /** Left out as asked or as always (exclude patterns, .git): nothing to warn about. */
  expected: boolean
}

/**
 * Paths are relative to source-dir, `/`-separated; the root directory is `''`.
 * `relativePath` is the path as text (see nameText), `pathBytes` its exact bytes.
 */
export type SourceEntry =
  | { kind: 'directory'; relativePath: string; pathBytes: Buffer }
  | { kind: 'file'; relativePath: string; pathBytes: Buffer; executable: boolean }
  | {
      kind: 'symlink'
      relativePath: string
      pathBytes: Buffer
      /** Link text to store: relative to the link's own directory. */
      linkTarget: string
      linkBytes: Buffer
      /** Where the link resolves, relative to source-dir; always a packaged entry. */
      targetPath: string
      targetKind: 'file' | 'directory'
    }

export interface SourceListing {
  /** Deterministic order: depth first, names sorted bytewise within each directory, symlinks last. */
  entries: SourceEntry[]
  skipped: SkippedEntry[]
  /** Every top-most path that is not packaged, with the reason (used to explain a missing entry point). */
  leftOut: Map<string, string>
}

const GIT_METADATA = '.git'
const GIT_REASON = 'git metadata is never packaged'
const EXAMPLES_PER_PATTERN = 5

export async function walkSource(sourceDir: string, exclude: ExcludeRules): Promise<SourceListing> {
  const realRoot = byteString(await realpath(sourceDir, { encoding: 'buffer' }))
  const rootBytes = byteString(Buffer.from(sourceDir))
  const entries: SourceEntry[] = [{ kind: 'directory', relativePath: '', pathBytes: Buffer.alloc(0) }]
  const skipped: SkippedEntry[] = []
  const leftOut = new Map<string, string>()
  const excludedByPattern = new Map<string, string[]>()
  /** Byte strings (path-bytes.ts) of the links found, resolved once the walk is done. */
  const symlinks: string[] = []

  /** `rel` is a byte string relative to source-dir; the answer is the absolute path's bytes. */
  const absolute = (rel: string) => fromByteString(rel === '' ? rootBytes : join(rootBytes, rel))
  const text = (rel: string) => nameText(fromByteString(rel))
  const skip = (relativePath: string, isDirectory: boolean, reason: string, expected = false) => {
    leftOut.set(relativePath, reason)
    skipped.push({ path: isDirectory ? `${relativePath}/` : relativePath, reason, expected })
  }
  const excludedBy = (relativePath: string, isDirectory: boolean): boolean => {
    const pattern = exclude.matchingPattern(relativePath, isDirectory)
    if (pattern === undefined) return false
    leftOut.set(relativePath, `matches exclude pattern "${pattern}"`)
    const matched = excludedByPattern.get(pattern) ?? []
    matched.push(isDirectory ? `${relativePath}/` : relativePath)
    excludedByPattern.set(pattern, matched)
    return true
  }

  const visitDirectory = async (directory: string): Promise<void> => {
    const names = (await readSourceDirectory(sourceDir, absolute(directory), text(directory))).sort((a, b) => Buffer.compare(a, b))
    const stats = await Promise.all(names.map((name) => lstatInSource(sourceDir, absolute(directory), name)))
    for (const [index, name] of names.entries()) {
      const rel = directory === '' ? byteString(name) : `${directory}/${byteString(name)}`
      const relativePath = text(rel)
      const pathBytes = fromByteString(rel)
      const stat = stats[index]!
      if (byteString(name) === GIT_METADATA) skip(relativePath, stat.isDirectory(), GIT_REASON, true)
      else if (stat.isDirectory()) {
        if (excludedBy(relativePath, true)) continue
        entries.push({ kind: 'directory', relativePath, pathBytes })
        await visitDirectory(rel)
      } else if (stat.isFile()) {
        if (!excludedBy(relativePath, false)) entries.push({ kind: 'file', relativePath, pathBytes, executable: (stat.mode & 0o111) !== 0 })
      } else if (stat.isSymbolicLink()) symlinks.push(rel)
      else skip(relativePath, false, `${specialFileKind(stat)}: only regular files, directories and symlinks are packaged`)
    }
  }
  await visitDirectory('')

  // Links are resolved last, once we know which targets made it into the archive.
  const packaged = new Set(entries.map((entry) => entry.relativePath))
  for (const rel of symlinks) {
    const linkPath = text(rel)
    // Exclusion comes first: an excluded link is not worth a warning about where it points.
    const pointsAtDirectory = await stat(absolute(rel)).then(
      (target) => target.isDirectory(),
      () => false
    )
    if (excludedBy(linkPath, false) || (pointsAtDirectory && excludedBy(linkPath, true))) continue
    const resolved = await resolveSymlink(absolute(rel), realRoot)
    if ('reason' in resolved) {
      skip(linkPath, false, resolved.reason)
      continue
    }
    if (!packaged.has(resolved.targetPath)) {
      const why = explainLeftOut(leftOut, resolved.targetPath)
      const detail = why ? ` (${why.path}: ${why.reason})` : ''
      skip(linkPath, false, `symlink to ${resolved.written} points at ${resolved.targetPath}, which is not packaged${detail}`)
      continue
    }
    const linkBytes = fromByteString(posix.relative(`/${parentOf(rel)}`, `/${resolved.targetBytes}`) || '.')
    entries.push({
      kind: 'symlink',
      relativePath: linkPath,
      pathBytes: fromByteString(rel),
      linkTarget: nameText(linkBytes),
      linkBytes,
      targetPath: resolved.targetPath,
      targetKind: resolved.targetKind
    })
  }

  for (const [pattern, paths] of excludedByPattern) {
    const examples = paths.slice(0, EXAMPLES_PER_PATTERN).join(', ') + (paths.length > EXAMPLES_PER_PATTERN ? ', …' : '')
    skipped.push({
      path: pattern,
      reason: `exclude pattern left out ${paths.length} ${paths.length === 1 ? 'path' : 'paths'}: ${examples}`,
      expected: true
    })
  }
  return { entries, skipped, leftOut }
}

/**
 * Why `relativePath` is not in the archive, if it is not: the left-out path
 * itself or the left-out directory it sits in (shown with a trailing `/`).
 */
export function explainLeftOut(leftOut: ReadonlyMap<string, string>, relativePath: string): { path: string; reason: string } | undefined {
  for (let path = relativePath; path !== ''; path = parentOf(path)) {
    const reason = leftOut.get(path)
    if (reason !== undefined) return { path: path === relativePath ? path : `${path}/`, reason }
  }
  return undefined
}

type ResolvedSymlink = { written: string; targetPath: string; targetBytes: string; targetKind: 'file' | 'directory' } | { reason: string }

/** `realRoot` and the answer's `targetBytes` are byte strings (path-bytes.ts). */
async function resolveSymlink(linkPath: Buffer, realRoot: string): Promise<ResolvedSymlink> {
  const written = nameText(await readlink(linkPath, { encoding: 'buffer' }))
  let target: string
  try {
    target = byteString(await realpath(linkPath, { encoding: 'buffer' }))
  } catch (error) {
    const code = errorCode(error)
    return { reason: code === 'ELOOP' ? `symlink to ${written} loops` : `symlink to ${written} is broken (${code ?? 'cannot resolve'})` }
  }
  const fromRoot = relative(realRoot, target)
  if (!isInside(realRoot, target)) {
    return { reason: `symlink to ${written} points outside source-dir; not followed` }
  }
  const targetStat = await stat(fromByteString(target))
  if (!targetStat.isFile() && !targetStat.isDirectory()) {
    return {
      reason: `symlink to ${written} points at a ${specialFileKind(targetStat)}; only regular files, directories and symlinks are packaged`
    }
  }
  const targetBytes = fromRoot.split(sep).join('/')
  return {
    written,
    targetPath: nameText(fromByteString(targetBytes)),
    targetBytes,
    targetKind: targetStat.isDirectory() ? 'directory' : 'file'
  }
}

function parentOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/')
  return slash === -1 ? '' : relativePath.slice(0, slash)
}

function specialFileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'named pipe (FIFO)'
  if (stat.isSocket()) return 'socket'
  if (stat.isBlockDevice()) return 'block device'
  if (stat.isCharacterDevice()) return 'character device'
  return 'special file'
}

// An unreadable directory or an entry vanishing mid-walk would silently change
// what the job runs, so they fail packaging rather than being skipped.
async function readSourceDirectory(sourceDir: string, directory: Buffer, relativePath: string): Promise<Buffer[]> {
  try {
    return await readdir(directory, { encoding: 'buffer' })
  } catch (error) {
    throw unreadable(sourceDir, relativePath === '' ? '.' : `${relativePath}/`, error)
  }
}

async function lstatInSource(sourceDir: string, directory: Buffer, name: Buffer): Promise<Stats> {
  const path = Buffer.concat([directory, Buffer.from('/'), name])
  try {
    return await lstat(path)
  } catch (error) {
    throw unreadable(sourceDir, nameText(fromByteString(relative(byteString(Buffer.from(sourceDir)), byteString(path)))), error)
  }
}

function unreadable(sourceDir: string, what: string, error: unknown): SourcePackagingError {
  return new SourcePackagingError('source-dir', `${quoted(displayPath(sourceDir))}: cannot read ${what} (${errorMessage(error)})`)
}
