// sha256 and byte count of a stream, computed in the same pass that writes it,
// so a multi-hundred-MB archive is never re-read or held in memory.
import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Transform, type TransformCallback } from 'node:stream'

export interface Digest {
  sha256: string
  sizeBytes: number
}

/** Passes bytes through unchanged while hashing and counting them. */
export class DigestCounter extends Transform {
  private readonly hash: Hash = createHash('sha256')
  private bytes = 0

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    callback(null, chunk)
  }

  /** Call once, after the stream has finished. */
  digest(): Digest {
    return { sha256: this.hash.digest('hex'), sizeBytes: this.bytes }
  }
}

export async function digestFile(path: string): Promise<Digest> {
  const hash = createHash('sha256')
  let sizeBytes = 0
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    sizeBytes += chunk.length
  }
  return { sha256: hash.digest('hex'), sizeBytes }
}
