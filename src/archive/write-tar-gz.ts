// Writes archive entries as a gzip-compressed tar with archiver, streaming each
// file from disk and the compressed output to disk, hashing it on the way.
//
// Two deliberate departures from archiver's convenience methods, both because
// of how they behave, not for speed:
//  - files are appended one at a time, each opened only when its turn comes.
//    archiver.file() would do this too, but an error on its lazily opened
//    stream (EACCES, a file vanishing) is emitted where nobody listens and
//    crashes the process; append() of a stream opened up front would start
//    reading every file at once (one open fd and buffer per file).
//  - symlinks are added with append(), not symlink(), because symlink() skips
//    archiver's entry normalisation and tar-stream then stamps the current time.
import { TarArchive, type EntryData } from 'archiver'
import { once } from 'node:events'
import { constants, createWriteStream, type Stats } from 'node:fs'
import { open, rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ArchiveEntry } from './archive-layout.js'
import { DigestCounter, type Digest } from './digest-stream.js'
import { SourcePackagingError } from './errors.js'
import { PinGzipOsByte } from './gzip-os-byte.js'
import { errorMessage } from '../common/errors.js'
import { quoted } from '../common/untrusted.js'

// Fixed rather than left to zlib's default so the bytes cannot drift with it.
// (Node's zlib writes MTIME 0 and no file name in the gzip header; its OS byte is pinned below.)
const GZIP_LEVEL = 6
const READ_CHUNK_BYTES = 256 * 1024
// O_NOFOLLOW: a file swapped for a symlink after the walk is not followed out of
// source-dir. O_NONBLOCK: one swapped for a FIFO does not hang the open.
// Both are 0 (absent) on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** tar-stream header fields that archiver passes through but its types do not list. */
interface TarEntryData extends EntryData {
  uid?: number
  gid?: number
  linkname?: string
}

export async function writeTarGz(entries: readonly ArchiveEntry[], outputPath: string): Promise<Digest> {
  const archive = new TarArchive({ gzip: true, gzipOptions: { level: GZIP_LEVEL } })
  const digest = new DigestCounter()
  const written = pipeline(archive, new PinGzipOsByte(), digest, createWriteStream(outputPath))
  const endedEarly = written.then(() => {
    throw new Error('archive output closed before all entries were written')
  })
  endedEarly.catch(() => undefined) // observed through Promise.race below
  try {
    for (const entry of entries) await Promise.race([appendEntry(archive, entry), endedEarly])
    await Promise.all([archive.finalize(), written])
  } catch (error) {
    archive.destroy()
    await written.catch(() => undefined)
    await rm(outputPath, { force: true })
    throw error
  }
  return digest.digest()
}

async function appendEntry(archive: TarArchive, entry: ArchiveEntry): Promise<void> {
  const data: TarEntryData = { name: entry.name, type: entry.type, mode: entry.mode, date: entry.mtime, uid: 0, gid: 0 }
  if (entry.type !== 'file') {
    if (entry.linkname !== undefined) data.linkname = entry.linkname
    const appended = once(archive, 'entry')
    archive.append(Buffer.alloc(0), data)
    await appended
    return
  }
  const { source, stats } = await openRegularFile(entry)
  // archiver streams an entry (instead of buffering it whole) only when it knows the size from `stats`.
  data.stats = stats
  const appended = once(archive, 'entry')
  const failed = new Promise<never>((_, reject) => source.once('error', (error) => reject(cannotRead(entry, error))))
  archive.append(source, data)
  await Promise.race([appended, failed])
}

async function openRegularFile(entry: ArchiveEntry): Promise<{ source: Readable; stats: Stats }> {
  let handle
  try {
    handle = await open(entry.sourcePath!, OPEN_FLAGS)
  } catch (error) {
    throw cannotRead(entry, error)
  }
  try {
    // The size written to the tar header comes from the opened file, so it matches what is read.
    const stats = await handle.stat()
    if (!stats.isFile()) throw new Error('it is no longer a regular file')
    return { source: handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES }), stats }
  } catch (error) {
    await handle.close()
    throw cannotRead(entry, error)
  }
}

function cannotRead(entry: ArchiveEntry, error: unknown): SourcePackagingError {
  return new SourcePackagingError('source-dir', `cannot read ${quoted(entry.name)} while packaging (${errorMessage(error)})`)
}
