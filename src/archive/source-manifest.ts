// The content address of a source tree, known before anything is compressed:
// SHA-256 over a canonical manifest of the archive's entries (path bytes, type,
// mode, size, link target and each file's SHA-256). The same files give the
// same digest on any runner, whatever zlib or compressor version packs them,
// so an unchanged tree is found in S3 by one HeadObject and never compressed.
import { createHash } from 'node:crypto'
import type { ArchiveEntry } from './archive-layout.js'
import { mapOrdered } from './bounded-pipeline.js'
import { openSourceFile, readFully } from './source-file.js'

export interface ManifestEntry extends ArchiveEntry {
  /** Content bytes (0 for directories and symlinks). */
  size: number
  /** SHA-256 of a file's content. */
  sha256?: Buffer
}

export interface SourceManifest {
  entries: ManifestEntry[]
  /** Hex SHA-256 of the canonical manifest. */
  digest: string
  fileCount: number
  /** Sum of the files' sizes. */
  contentBytes: number
}

/** Changing what the manifest records (or how) must change this, so old and new addresses never collide. */
const MANIFEST_FORMAT = 'braket-job-source-manifest 1\n'
const TYPE_LETTER = { directory: 'd', file: 'f', symlink: 'l' } as const
/** Files hashed at once: enough to keep the disk busy while the main thread hashes. */
const FILES_IN_FLIGHT = 8
const READ_BUFFER_BYTES = 256 * 1024

export async function digestSourceTree(entries: readonly ArchiveEntry[]): Promise<SourceManifest> {
  const manifest: ManifestEntry[] = []
  const spare: Buffer[] = []
  const hashed = mapOrdered(entries, FILES_IN_FLIGHT, async (entry): Promise<ManifestEntry> => {
    if (entry.type !== 'file') return { ...entry, size: 0 }
    const buffer = spare.pop() ?? Buffer.allocUnsafe(READ_BUFFER_BYTES)
    try {
      return { ...entry, ...(await hashFile(entry, buffer)) }
    } finally {
      spare.push(buffer)
    }
  })
  for await (const entry of hashed) manifest.push(entry)
  const files = manifest.filter((entry) => entry.type === 'file')
  return {
    entries: manifest,
    digest: manifestDigest(manifest),
    fileCount: files.length,
    contentBytes: files.reduce((sum, entry) => sum + entry.size, 0)
  }
}

/** Length-prefixed fields, so names holding spaces, newlines or any byte cannot make two manifests read alike. */
export function manifestDigest(entries: readonly ManifestEntry[]): string {
  const hash = createHash('sha256').update(MANIFEST_FORMAT)
  for (const entry of entries) {
    const link = entry.linkBytes ?? Buffer.alloc(0)
    const fields = `${TYPE_LETTER[entry.type]} ${entry.mode.toString(8)} ${entry.size} ${entry.sha256?.toString('hex') ?? '-'}`
    hash.update(`${fields} ${entry.nameBytes.length}:`).update(entry.nameBytes)
    hash.update(` ${link.length}:`).update(link).update('\n')
  }
  return hash.digest('hex')
}

async function hashFile(entry: ArchiveEntry, buffer: Buffer): Promise<{ size: number; sha256: Buffer }> {
  const file = await openSourceFile(entry.sourcePath!, entry.name)
  try {
    const hash = createHash('sha256')
    let size = 0
    for (;;) {
      const read = await readFully(file, entry.name, buffer, size)
      hash.update(buffer.subarray(0, read))
      size += read
      if (read < buffer.length) break
    }
    return { size, sha256: hash.digest() }
  } finally {
    await file.handle.close()
  }
}
