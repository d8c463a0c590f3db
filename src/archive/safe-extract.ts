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
import { ActionError, errorCode } from '../common/errors.js'
import { isInside } from '../common/paths.js'

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
export class UnsafeArchiveError extends ActionError {
  constructor(
    readonly entry: string,
    readonly reason: string
  ) {
    super(`unsafe archive entry ${JSON.stringify(entry)}: ${reason}`)
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
    if (errorCode(error) === 'ENOENT') return undefined
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
  const extractor = new SafeExtractor(await realpath(targetDir), maxBytes, maxEntries)

  const extract = tar.extract()
  const piping = pipeline(source, createGunzip(), bombGuard(maxBytes + maxEntries * TAR_OVERHEAD_PER_ENTRY + TAR_OVERHEAD_FIXED), extract)
  // Failures surface through the iteration below; this only stops an unhandled rejection.
  piping.catch(() => undefined)
  try {
    for await (const entry of extract) await extractor.write(entry)
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
  await extractor.recheckSymlinks()
  return extractor.result
}

/** Stops a gzip bomb: the decompressed stream may not exceed what the limits allow. */
function bombGuard(limit: number): Transform {
  let decompressed = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      decompressed += chunk.length
      if (decompressed > limit) done(new UnsafeArchiveError('(archive)', `decompressed archive exceeds ${limit} bytes`))
      else done(null, chunk)
    }
  })
}

/** Writes the entries of one archive into `root`, one at a time, keeping to the policy above. */
class SafeExtractor {
  readonly result: ExtractResult = { files: [], skipped: [] }
  private readonly symlinks: { path: string; entry: string }[] = []
  private entries = 0
  private fileBytes = 0

  constructor(
    private readonly root: string,
    private readonly maxBytes: number,
    private readonly maxEntries: number
  ) {}

  async write(entry: Entry): Promise<void> {
    const header = entry.header
    this.entries += 1
    if (this.entries > this.maxEntries) throw new UnsafeArchiveError(header.name, `archive has more than ${this.maxEntries} entries`)
    const path = memberPath(header.name)
    const type = header.type ?? 'file'
    if (type !== 'file' && type !== 'contiguous-file') entry.resume()
    switch (type) {
      case 'file':
      case 'contiguous-file':
        return this.writeFile(entry, path)
      case 'directory':
        if (path !== '') await this.ensureDirectory(path, header.name)
        return
      case 'symlink':
        return this.writeSymlink(path, header.name, header.linkname ?? '')
      case 'link':
        return this.writeHardLink(path, header.name, header.linkname ?? '')
      case 'character-device':
      case 'block-device':
      case 'fifo':
        this.result.skipped.push({ path, reason: `${type} entries are not extracted` })
        return
      default:
        this.result.skipped.push({ path, reason: `unsupported entry type ${String(type)}` })
    }
  }

  private async writeFile(entry: Entry, path: string): Promise<void> {
    const { header } = entry
    if (path === '') throw new UnsafeArchiveError(header.name, 'a file cannot replace the target directory')
    const tooBig = () => new UnsafeArchiveError(header.name, `archive contents exceed ${this.maxBytes} bytes`)
    if (this.fileBytes + (header.size ?? 0) > this.maxBytes) throw tooBig()
    const destination = await this.prepareSlot(path, header.name)
    let written = 0
    const budget = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        written += chunk.length
        if (this.fileBytes + written > this.maxBytes) done(tooBig())
        else done(null, chunk)
      }
    })
    // 'wx': O_CREAT|O_EXCL, so even a link created in between is not followed.
    const mode = ((header.mode ?? 0o644) & FILE_MODE_MASK) | 0o600
    await pipeline(entry, budget, createWriteStream(destination, { flags: 'wx', mode }))
    this.fileBytes += written
    this.result.files.push(path)
  }

  private async writeSymlink(path: string, name: string, target: string): Promise<void> {
    if (path === '') throw new UnsafeArchiveError(name, 'a link cannot replace the target directory')
    if (target === '' || target.includes('\u0000')) throw new UnsafeArchiveError(name, 'symlink without a valid target')
    const destination = join(await this.ensureDirectory(parentOf(path), name), posix.basename(path))
    if (!(await this.linkTargetInside(destination, target))) {
      throw new UnsafeArchiveError(name, `symlink target ${JSON.stringify(target)} resolves outside the target directory`)
    }
    await this.prepareSlot(path, name)
    await symlink(target, destination)
    this.symlinks.push({ path: destination, entry: name })
  }

  private async writeHardLink(path: string, name: string, linkname: string): Promise<void> {
    if (path === '') throw new UnsafeArchiveError(name, 'a link cannot replace the target directory')
    // Hard link names are archive member names, relative to the archive root.
    const targetPath = await resolveThroughLinks(join(this.root, memberPath(linkname)))
    if (targetPath === undefined || !isInside(this.root, targetPath)) {
      throw new UnsafeArchiveError(name, `hard link target ${JSON.stringify(linkname)} resolves outside the target directory`)
    }
    if (!(await lstatOrUndefined(targetPath))?.isFile()) {
      throw new UnsafeArchiveError(name, `hard link target ${JSON.stringify(linkname)} is not a file extracted from this archive`)
    }
    await link(targetPath, await this.prepareSlot(path, name))
    this.result.files.push(path)
  }

  /** Makes (or checks) each directory from the root down, never stepping through a link that leaves it. */
  private async ensureDirectory(relativeDir: string, entry: string): Promise<string> {
    let current: string = this.root
    for (const part of relativeDir.split('/').filter(Boolean)) {
      const next = join(current, part)
      const stats = await lstatOrUndefined(next)
      if (!stats) {
        await mkdir(next, { mode: DIRECTORY_MODE })
        current = next
      } else if (stats.isSymbolicLink()) {
        const real = await realpath(next).catch(() => undefined)
        if (!real || !isInside(this.root, real)) {
          throw new UnsafeArchiveError(
            entry,
            `path goes through symlink ${relative(this.root, next)} that leads outside the target directory`
          )
        }
        if (!(await lstat(real)).isDirectory()) throw new UnsafeArchiveError(entry, `${relative(this.root, next)} is not a directory`)
        current = real
      } else if (stats.isDirectory()) {
        current = next
      } else {
        throw new UnsafeArchiveError(entry, `${relative(this.root, next)} is not a directory`)
      }
    }
    return current
  }

  /** The parent directory (made safe) and the final path of an entry, with whatever was there removed. */
  private async prepareSlot(path: string, entry: string): Promise<string> {
    const destination = join(await this.ensureDirectory(parentOf(path), entry), posix.basename(path))
    const existing = await lstatOrUndefined(destination)
    if (existing?.isDirectory()) throw new UnsafeArchiveError(entry, 'would replace a directory')
    // Replace, never follow: a file or link already there is unlinked, not written through.
    if (existing) await unlink(destination)
    return destination
  }

  private async linkTargetInside(linkPath: string, target: string): Promise<boolean> {
    const lexical = isAbsolute(target) ? target : `${dirname(linkPath)}${sep}${target}`
    if (!isInside(this.root, resolve(lexical))) return false
    const followed = await resolveThroughLinks(lexical)
    return followed !== undefined && isInside(this.root, followed)
  }

  /** A later entry can make an earlier link lead elsewhere; check them all again. */
  async recheckSymlinks(): Promise<void> {
    for (const { path, entry } of this.symlinks) {
      const stats = await lstatOrUndefined(path)
      if (!stats?.isSymbolicLink()) continue
      const followed = await resolveThroughLinks(path)
      if (followed === undefined || !isInside(this.root, followed)) {
        await rm(path, { force: true })
        throw new UnsafeArchiveError(entry, 'symlink resolves outside the target directory once the archive is extracted')
      }
    }
  }
}

function parentOf(path: string): string {
  const parent = posix.dirname(path)
  return parent === '.' ? '' : parent
}
