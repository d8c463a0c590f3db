// gzip on every core, with output that depends only on the input bytes.
//
// Why not zlib's gzip stream (what archiver uses): it deflates on one thread,
// and packaging a 209 MiB tree spent nearly all its time there (8.2 s against
// 7.2 s for `tar czf`, one core idle). This is the pigz layout instead: the
// stream is cut into fixed-size blocks; each block is deflated on its own on
// libuv's thread pool (zlib's async API), primed with the 32 KiB before it as
// a preset dictionary so matches still reach across block boundaries; each
// ends with a sync flush, so the raw deflate outputs simply concatenate into
// ONE gzip member that every reader (gzip, GNU tar, Python's tarfile and
// gzip modules, Node's zlib) reads as usual. Block boundaries, dictionaries
// and levels are fixed, and outputs are written in block order, so the bytes
// are the same whatever the thread count or timing.
//
// Blocks whose bytes look random (already compressed files, random data) are
// written as stored deflate blocks without trying: deflate cannot shrink them,
// and trying costs as much CPU as compressing text.
import { availableParallelism } from 'node:os'
import { constants, crc32, createDeflateRaw, type ZlibOptions } from 'node:zlib'
import { fixedSizeBlocks, handOver, Limiter, mapOrdered, release } from './bounded-pipeline.js'

export interface GzipOptions {
  /** Blocks deflated at once; default: the cores, leaving one of libuv's threads for file reads. */
  threads?: number
  level?: number
  blockBytes?: number
}

/** Fixed rather than left to zlib's default so the bytes cannot drift with it (gzip's and `tar czf`'s level). */
export const GZIP_LEVEL = 6
export const DEFAULT_BLOCK_BYTES = 256 * 1024
/** Deflate's window: the most a match can reach back, so the most of the past a dictionary needs. */
const WINDOW_BYTES = 32 * 1024
const MAX_STORED_BLOCK = 0xffff
/** Order-0 entropy, in bits per byte, above which a block is stored rather than deflated. */
const INCOMPRESSIBLE_BITS_PER_BYTE = 7.97
const MIN_SAMPLED_BLOCK = 4096

// Magic, deflate, no flags, MTIME 0, no extra flags, OS 3 (Unix) whatever OS packs it: nothing in it varies.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03])
/** An empty final block (fixed Huffman, end-of-block): what zlib writes on Z_FINISH after a flush. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00])

/**
 * zlib's deflate on libuv's thread pool, the output handed over. Written on the stream rather than
 * zlib.deflateRaw, which joins the pieces of a block's output (its data, then the flush's tail) into a
 * new buffer and leaves the stream's output buffer, a block's worth, to the garbage collector.
 */
function deflateOnPool(block: Buffer, options: ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = []
    const stream = createDeflateRaw(options)
    stream.on('data', (piece: Buffer) => pieces.push(piece))
    stream.once('error', reject)
    stream.once('end', () => {
      if (pieces.length === 1) return resolve(handOver(pieces[0]!))
      const joined = handOver(Buffer.concat(pieces))
      // The pieces are views of the stream's output buffer(s), which nothing else holds now that it has ended.
      for (const piece of pieces) release(handOver(piece))
      resolve(joined)
    })
    stream.end(block)
  })
}

export function defaultThreads(): number {
  const poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4
  return Math.max(1, Math.min(availableParallelism(), poolSize - 1))
}

export async function* parallelGzip(input: AsyncIterable<Buffer>, options: GzipOptions = {}): AsyncGenerator<Buffer> {
  const threads = Math.max(1, options.threads ?? defaultThreads())
  const level = options.level ?? GZIP_LEVEL
  const limiter = new Limiter(threads)
  let crc = 0
  let length = 0

  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES
  /** Input blocks done with, for the next ones: a fixed set of blocks instead of a new one per block. */
  const spare: Buffer[] = []

  async function* blocksWithDictionaries() {
    let dictionary: Buffer | undefined
    for await (const block of fixedSizeBlocks(input, blockBytes, spare)) {
      crc = crc32(block, crc)
      length += block.length
      yield { block, dictionary }
      dictionary = block.subarray(Math.max(0, block.length - WINDOW_BYTES))
    }
  }

  yield GZIP_HEADER
  // Twice as many blocks in flight as threads, so a thread never idles waiting for the oldest block to be written.
  const deflated = mapOrdered(blocksWithDictionaries(), threads * 2, async ({ block, dictionary }) => ({
    block,
    output: await deflateBlock(block, dictionary, level, limiter)
  }))
  let previous: Buffer | undefined
  for await (const { block, output } of deflated) {
    // Block n-1 was deflated (outputs come in order) and primed block n, deflated now: it can be refilled.
    if (previous?.length === blockBytes) spare.push(previous)
    previous = block
    yield output
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(length % 2 ** 32, 4)
  yield Buffer.concat([FINAL_BLOCK, trailer])
}

/**
 * One block as raw deflate ending on a byte boundary, never final: stored when it looks random or would not shrink.
 * Handed over: a buffer made for this block alone (zlib's output for a stream of its own, or the stored copy).
 */
async function deflateBlock(block: Buffer, dictionary: Buffer | undefined, level: number, limiter: Limiter): Promise<Buffer> {
  if (looksIncompressible(block)) return handOver(storedBlocks(block))
  const deflated = await limiter.run(() =>
    deflateOnPool(block, {
      level,
      ...(dictionary && dictionary.length > 0 ? { dictionary } : {}),
      finishFlush: constants.Z_SYNC_FLUSH,
      // One output buffer for the whole block: no round trips to the main thread per 16 KiB. Larger than
      // Buffer's pool, so never a slice of it, and freed as soon as it is copied (see handOver).
      chunkSize: Math.max(block.length + (block.length >> 3) + 1024, Buffer.poolSize + 1)
    })
  )
  // deflateOnPool handed its output over already; when it is not used, it is freed now rather than at the next collection.
  if (deflated.length < storedSize(block.length)) return deflated
  release(deflated)
  return handOver(storedBlocks(block))
}

/** Stored deflate blocks (not final) holding `data` as is. */
export function storedBlocks(data: Buffer): Buffer {
  const count = Math.max(1, Math.ceil(data.length / MAX_STORED_BLOCK))
  const out = Buffer.allocUnsafe(data.length + 5 * count)
  for (let index = 0, at = 0; index < count; index++) {
    const offset = index * MAX_STORED_BLOCK
    const size = Math.min(MAX_STORED_BLOCK, data.length - offset)
    out[at] = 0x00 // BFINAL 0, BTYPE 00 (stored); the rest of the byte is padding
    out.writeUInt16LE(size, at + 1)
    out.writeUInt16LE(~size & 0xffff, at + 3)
    data.copy(out, at + 5, offset, offset + size)
    at += 5 + size
  }
  return out
}

function storedSize(length: number): number {
  return length + 5 * Math.max(1, Math.ceil(length / MAX_STORED_BLOCK))
}

/** Random or already-compressed bytes have a byte histogram close to flat; text and most data are far from it. */
export function looksIncompressible(block: Buffer): boolean {
  if (block.length < MIN_SAMPLED_BLOCK) return false
  const counts = new Uint32Array(256)
  for (let i = 0; i < block.length; i++) counts[block[i]!]!++
  let bits = 0
  for (const count of counts) {
    if (count === 0) continue
    const p = count / block.length
    bits -= p * Math.log2(p)
  }
  return bits >= INCOMPRESSIBLE_BITS_PER_BYTE
}
