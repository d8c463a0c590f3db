// sha256 and byte count of a file, read once in a stream, never held whole.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

export interface Digest {
  sha256: string
  sizeBytes: number
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
