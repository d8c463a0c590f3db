// The archive's tar bytes, generated from the manifest: each file is read again
// and must still be exactly what the digest saw (same size, same SHA-256),
// because the archive is stored under the digest's address. Small files are
// read a few at a time ahead of the writer so the disk never waits on it;
// large ones are streamed in 256 KiB reads. Memory stays bounded either way: what
// is read is handed over, freed as soon as the next stage has copied it.
import { createHash } from 'node:crypto'
import type { ManifestEntry } from './source-manifest.js'
import { handOver, mapOrdered } from './bounded-pipeline.js'
import { changedWhilePackaging, openSourceFile, readFully } from './source-file.js'
import { END_OF_ARCHIVE, entryHeader, padding } from './tar-format.js'

const READ_AHEAD_FILES = 8
/** Files up to this size are read whole, ahead of their turn; larger ones are streamed. */
const WHOLE_FILE_BYTES = 256 * 1024
const STREAM_READ_BYTES = 256 * 1024

type Prepared = { entry: ManifestEntry; content?: Buffer }

export async function* tarChunks(entries: readonly ManifestEntry[]): AsyncGenerator<Buffer> {
  const prepared = mapOrdered(entries, READ_AHEAD_FILES, async (entry): Promise<Prepared> => {
    if (entry.type !== 'file' || entry.size > WHOLE_FILE_BYTES) return { entry }
    return { entry, content: await readWholeFile(entry) }
  })
  for await (const { entry, content } of prepared) {
    yield entryHeader(entry, entry.size)
    if (entry.type !== 'file') continue
    if (content) yield content
    else yield* streamFile(entry)
    yield padding(entry.size)
  }
  yield END_OF_ARCHIVE
}

async function readWholeFile(entry: ManifestEntry): Promise<Buffer> {
  const file = await openSourceFile(entry.sourcePath!, entry.name)
  try {
    // One byte more than expected: a file that grew is caught here too.
    const buffer = Buffer.allocUnsafe(entry.size + 1)
    const read = await readFully(file, entry.name, buffer, 0)
    const content = buffer.subarray(0, read)
    if (read !== entry.size || !createHash('sha256').update(content).digest().equals(entry.sha256!)) throw changedWhilePackaging(entry.name)
    return handOver(content)
  } finally {
    await file.handle.close()
  }
}

async function* streamFile(entry: ManifestEntry): AsyncGenerator<Buffer> {
  const file = await openSourceFile(entry.sourcePath!, entry.name)
  try {
    const hash = createHash('sha256')
    let position = 0
    while (position < entry.size) {
      const chunk = Buffer.allocUnsafe(Math.min(STREAM_READ_BYTES, entry.size - position))
      const read = await readFully(file, entry.name, chunk, position)
      if (read < chunk.length) throw changedWhilePackaging(entry.name)
      hash.update(chunk)
      position += read
      yield handOver(chunk)
    }
    const extra = await readFully(file, entry.name, Buffer.alloc(1), position)
    if (extra !== 0 || !hash.digest().equals(entry.sha256!)) throw changedWhilePackaging(entry.name)
  } finally {
    await file.handle.close()
  }
}
