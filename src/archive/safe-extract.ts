// Streams a .tar.gz into a directory without letting the archive reach outside
// it. Shared by the action (a job's results, downloaded from S3) and the local
// stand-in (a job's source): both unpack archives someone else made.
//
// Policy:
// - absolute names, `..` escapes and NUL bytes in names: rejected (UnsafeArchiveError)
// - symlinks: created only if their target resolves inside the directory, following
//   the links already extracted; re-checked once everything is out, because a later
//   entry can change what an earlier link resolves to
// - hard links: only to a regular file already extracted inside the directory
// - nothing is ever written through a symlink that leaves the directory, and no
//   existing file is written through (existing entries are replaced, not followed)
// - character/block devices and FIFOs: skipped and reported in `skipped`
// - modes: files keep their owner/group/other read and execute bits (no setuid,
//   setgid, sticky or group/other write); directories are 0755
// - limits: total file bytes (`maxBytes`) and entry count (`maxEntries`), and the
//   decompressed stream as a whole, so a gzip bomb stops early
import { createWriteStream } from 'node:fs'
import { link, lstat, mkdir, readlink, realpath, rm, symlink, unlink } from 'node:fs/promises'
import { dirname, isAbsolute, join, parse, posix, relative, resolve, sep } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import tar, { type Extract } from 'tar-stream'

/** One member as tar-stream hands it out (its type is not exported by name). */
type Entry = Extract extends AsyncIterable<infer Member> ? Member : never

export interface ExtractOptions {
  /** Total bytes of file contents; default 1 GiB. */
  maxBytes?: number
  /** Number of entries of any kind; default 10,000. */
  maxEntries?: number
}

export interface ExtractResult {
  /** Regular files written (including hard links), relative to the target directory, with `/`. */
  files: string[]
  /** Entries left out on purpose, with why. */
  skipped: { path: string; reason: string }[]
}

/** The archive tried something unsafe; nothing was written for that entry. */
export class UnsafeArchiveError extends Error {
  constructor(
    readonly entry: string,
    readonly reason: string
  ) {
    super(`unsafe archive entry ${JSON.stringify(entry)}: ${reason}`)
    this.name = 'UnsafeArchiveError'
  }
}

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
export const DEFAULT_MAX_ENTRIES = 10_000
/** Header block plus padding per entry, and slack for pax headers and the end blocks. */
const TAR_OVERHEAD_PER_ENTRY = 1024
const TAR_OVERHEAD_FIXED = 8 * 1024 * 1024
/** As Linux's MAXSYMLINKS: a longer chain is a loop. */
const MAX_LINK_HOPS = 40

const FILE_MODE_MASK = 0o755
const DIRECTORY_MODE = 0o755

/** The action also runs on Windows runners, where `\\` separates paths too. */
const WINDOWS = process.platform === 'win32'
const SEPARATORS = WINDOWS ? /[\\/]+/ : /\/+/

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** `a/./b/` → `a/b`; rejects what can never be a safe member name. */
function memberPath(name: string): string {
  if (name.includes('\u0000')) throw new UnsafeArchiveError(name, 'name contains a NUL byte')
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name) || (WINDOWS && name.startsWith('\\')))
    throw new UnsafeArchiveError(name, 'absolute path')
  const normalized = posix.normalize(WINDOWS ? name.replaceAll('\\', '/') : name).replace(/\/+$/, '')
  if (normalized === '..' || normalized.startsWith('../')) throw new UnsafeArchiveError(name, 'path escapes the target directory')
  return normalized === '.' ? '' : normalized
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Where `path` leads once every symlink along it is followed, as the kernel
 * would, tolerating a tail that does not exist yet. Undefined for a loop.
 */
async function resolveThroughLinks(path: string, hops = 0): Promise<string | undefined> {
  const root = parse(path).root
  const parts = path.slice(root.length).split(SEPARATORS).filter(Boolean)
  let current: string = root
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!
    if (part === '.') continue
    if (part === '..') {
      current = dirname(current)
      continue
    }
    const next = join(current, part)
    const stats = await lstatOrUndefined(next)
    if (stats?.isSymbolicLink()) {
      if (hops >= MAX_LINK_HOPS) return undefined
      const target = await readlink(next)
      // Concatenated, not join()ed: join would fold `link/..` before the link is followed.
      const followed = await resolveThroughLinks(isAbsolute(target) ? target : `${current}${sep}${target}`, hops + 1)
      if (followed === undefined) return undefined
      current = followed
    } else {
      current = next
    }
  }
  return current
}

export async function extractTarGz(source: Readable, targetDir: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
  await mkdir(targetDir, { recursive: true })
  const root = await realpath(targetDir)
  const result: ExtractResult = { files: [], skipped: [] }
  const symlinks: { path: string; entry: string }[] = []
  let entries = 0
  let fileBytes = 0

  /** Makes (or checks) each directory from the root down, never stepping through a link that leaves it. */
  const ensureDirectory = async (relativeDir: string, entry: string): Promise<string> => {
    let current: string = root
    for (const part of relativeDir.split('/').filter(Boolean)) {
      const next = join(current, part)
      const stats = await lstatOrUndefined(next)
      if (!stats) {
        await mkdir(next, { mode: DIRECTORY_MODE })
        current = next
      } else if (stats.isSymbolicLink()) {
        const real = await realpath(next).catch(() => undefined)
        if (!real || !isInside(root, real))
          throw new UnsafeArchiveError(entry, `path goes through symlink ${relative(root, next)} that leads outside the target directory`)
        if (!(await lstat(real)).isDirectory()) throw new UnsafeArchiveError(entry, `${relative(root, next)} is not a directory`)
        current = real
      } else if (stats.isDirectory()) {
        current = next
      } else {
        throw new UnsafeArchiveError(entry, `${relative(root, next)} is not a directory`)
      }
    }
    return current
  }

  /** The parent directory (made safe) and the final path of an entry, with whatever was there removed. */
  const prepareSlot = async (path: string, entry: string): Promise<string> => {
    const parent = await ensureDirectory(posix.dirname(path) === '.' ? '' : posix.dirname(path), entry)
    const destination = join(parent, posix.basename(path))
    const existing = await lstatOrUndefined(destination)
    if (existing?.isDirectory()) throw new UnsafeArchiveError(entry, 'would replace a directory')
    // Replace, never follow: a file or link already there is unlinked, not written through.
    if (existing) await unlink(destination)
    return destination
  }

  const linkTargetInside = async (linkPath: string, target: string): Promise<boolean> => {
    const lexical = isAbsolute(target) ? target : `${dirname(linkPath)}${sep}${target}`
    if (!isInside(root, resolve(lexical))) return false
    const followed = await resolveThroughLinks(lexical)
    return followed !== undefined && isInside(root, followed)
  }

  const writeEntry = async (entry: Entry): Promise<void> => {
    const header = entry.header
    entries += 1
    if (entries > maxEntries) throw new UnsafeArchiveError(header.name, `archive has more than ${maxEntries} entries`)
    const path = memberPath(header.name)
    const type = header.type ?? 'file'

    switch (type) {
      case 'file':
      case 'contiguous-file': {
        if (path === '') throw new UnsafeArchiveError(header.name, 'a file cannot replace the target directory')
        if (fileBytes + (header.size ?? 0) > maxBytes)
          throw new UnsafeArchiveError(header.name, `archive contents exceed ${maxBytes} bytes`)
        const destination = await prepareSlot(path, header.name)
        let written = 0
        const budget = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            written += chunk.length
            if (fileBytes + written > maxBytes) done(new UnsafeArchiveError(header.name, `archive contents exceed ${maxBytes} bytes`))
            else done(null, chunk)
          }
        })
        // 'wx': O_CREAT|O_EXCL, so even a link created in between is not followed.
        await pipeline(
          entry,
          budget,
          createWriteStream(destination, { flags: 'wx', mode: ((header.mode ?? 0o644) & FILE_MODE_MASK) | 0o600 })
        )
        fileBytes += written
        result.files.push(path)
        return
      }
      case 'directory': {
        entry.resume()
        if (path !== '') await ensureDirectory(path, header.name)
        return
      }
      case 'symlink': {
        entry.resume()
        const target = header.linkname ?? ''
        if (path === '') throw new UnsafeArchiveError(header.name, 'a link cannot replace the target directory')
        if (target === '' || target.includes('\u0000')) throw new UnsafeArchiveError(header.name, 'symlink without a valid target')
        const destination = join(
          await ensureDirectory(posix.dirname(path) === '.' ? '' : posix.dirname(path), header.name),
          posix.basename(path)
        )
        if (!(await linkTargetInside(destination, target)))
          throw new UnsafeArchiveError(header.name, `symlink target ${JSON.stringify(target)} resolves outside the target directory`)
        await prepareSlot(path, header.name)
        await symlink(target, destination)
        symlinks.push({ path: destination, entry: header.name })
        return
      }
      case 'link': {
        entry.resume()
        if (path === '') throw new UnsafeArchiveError(header.name, 'a link cannot replace the target directory')
        // Hard link names are archive member names, relative to the archive root.
        const targetMember = memberPath(header.linkname ?? '')
        const targetPath = await resolveThroughLinks(join(root, targetMember))
        if (targetPath === undefined || !isInside(root, targetPath))
          throw new UnsafeArchiveError(
            header.name,
            `hard link target ${JSON.stringify(header.linkname)} resolves outside the target directory`
          )
        const targetStats = await lstatOrUndefined(targetPath)
        if (!targetStats?.isFile())
          throw new UnsafeArchiveError(
            header.name,
            `hard link target ${JSON.stringify(header.linkname)} is not a file extracted from this archive`
          )
        const destination = await prepareSlot(path, header.name)
        await link(targetPath, destination)
        result.files.push(path)
        return
      }
      case 'character-device':
      case 'block-device':
      case 'fifo': {
        entry.resume()
        result.skipped.push({ path, reason: `${type} entries are not extracted` })
        return
      }
      default: {
        entry.resume()
        result.skipped.push({ path, reason: `unsupported entry type ${String(type)}` })
      }
    }
  }

  const decompressedLimit = maxBytes + maxEntries * TAR_OVERHEAD_PER_ENTRY + TAR_OVERHEAD_FIXED
  let decompressed = 0
  const bombGuard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      decompressed += chunk.length
      if (decompressed > decompressedLimit)
        done(new UnsafeArchiveError('(archive)', `decompressed archive exceeds ${decompressedLimit} bytes`))
      else done(null, chunk)
    }
  })

  const extract = tar.extract()
  const piping = pipeline(source, createGunzip(), bombGuard, extract)
  // Failures surface through the iteration below; this only stops an unhandled rejection.
  piping.catch(() => undefined)
  try {
    for await (const entry of extract) await writeEntry(entry)
    await piping
  } catch (error) {
    extract.destroy()
    source.destroy()
    // When the pipeline failed, its error (e.g. the bomb guard's) is the real cause.
    const pipelineError = await piping.then(
      () => undefined,
      (e: unknown) => e
    )
    throw error instanceof UnsafeArchiveError ? error : (pipelineError ?? error)
  }

  // A later entry can make an earlier link lead elsewhere; check them all again.
  for (const { path, entry } of symlinks) {
    const stats = await lstatOrUndefined(path)
    if (!stats?.isSymbolicLink()) continue
    const followed = await resolveThroughLinks(path)
    if (followed === undefined || !isInside(root, followed)) {
      await rm(path, { force: true })
      throw new UnsafeArchiveError(entry, 'symlink resolves outside the target directory once the archive is extracted')
    }
  }
  return result
}
