// Streams bytes into a staged file of the object store while computing every
// digest S3 needs (MD5 for the ETag, SHA-256 for x-amz-content-sha256, and
// the requested checksums), so nothing is held whole in memory.
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ObjectStore } from '../stores/object-store.js'
import { createChecksum, type ChecksumAlgorithm } from './checksums.js'

export interface StagedBytes {
  file: string
  size: number
  md5Hex: string
  sha256Hex: string
  /** Raw digests of the requested checksum algorithms. */
  checksums: Map<ChecksumAlgorithm, Buffer>
}

/** Quoted hex MD5: S3's ETag of a single-part object. */
export function etagOf(staged: StagedBytes): string {
  return `"${staged.md5Hex}"`
}

/**
 * Pipes `source` through `decoders` (e.g. aws-chunked framing) into a new staged
 * file. On failure the file is removed and the error (e.g. an S3Error from a
 * decoder) is rethrown.
 */
export async function stageBytes(
  objects: ObjectStore,
  source: Readable,
  decoders: Transform[],
  algorithms: Iterable<ChecksumAlgorithm>
): Promise<StagedBytes> {
  const file = await objects.tempFile()
  const md5 = createHash('md5')
  const sha256 = createHash('sha256')
  const checksums = new Map([...new Set(algorithms)].map((algorithm) => [algorithm, createChecksum(algorithm)] as const))
  let size = 0
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk)
      sha256.update(chunk)
      for (const checksum of checksums.values()) checksum.update(chunk)
      size += chunk.length
      done(null, chunk)
    }
  })
  try {
    await pipeline([source, ...decoders, measure, createWriteStream(file)])
  } catch (error) {
    await rm(file, { force: true })
    throw error
  }
  return {
    file,
    size,
    md5Hex: md5.digest('hex'),
    sha256Hex: sha256.digest('hex'),
    checksums: new Map([...checksums].map(([algorithm, checksum]) => [algorithm, checksum.digest()]))
  }
}

/** Removes a staged file that will not become an object. */
export async function discardStaged(staged: StagedBytes): Promise<void> {
  await rm(staged.file, { force: true })
}
