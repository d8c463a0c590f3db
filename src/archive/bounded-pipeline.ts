// Bounded stages for the packaging and upload pipeline: at most `window` items
// in flight, results handed on in input order (so the output never depends on
// which job finished first), a limiter for work that needs a thread,
// re-cutting a byte stream into fixed-size blocks, and freeing the buffers one
// stage made for the next as soon as they are copied.

/** Runs `work` on up to `window` items at once; yields the results in input order. */
export async function* mapOrdered<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  window: number,
  work: (item: T) => Promise<R>
): AsyncGenerator<R> {
  const pending: Promise<R>[] = []
  const start = (item: T) => {
    const job = work(item)
    job.catch(() => undefined) // awaited in order below; this only keeps a later job's failure from counting as unhandled
    pending.push(job)
  }
  for await (const item of source) {
    start(item)
    if (pending.length >= window) yield await pending.shift()!
  }
  while (pending.length > 0) yield await pending.shift()!
}

/** A counting semaphore: `run` waits for one of `slots` before starting its job. */
export class Limiter {
  private free: number
  private readonly waiting: Array<() => void> = []

  constructor(slots: number) {
    this.free = slots
  }

  async run<R>(job: () => Promise<R>): Promise<R> {
    if (this.free > 0) this.free--
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    try {
      return await job()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.free++
    }
  }
}

// V8 frees a dead Buffer's memory only at a garbage collection, and with the
// pipeline's small heap that comes once about 64 MiB of dead buffers have piled
// up (V8's external memory limit). Measured on a 209 MiB tree, packaging peaked
// at 154 MiB of RSS, against 83 MiB when collected promptly; 94 MiB with this. So a stage marks
// the buffers it allocated for the next stage alone (one view each, yielded
// once), and the stage that copies them out frees them right away: detaching
// an ArrayBuffer (transfer(0)) frees its memory. Constants, pooled slices and
// buffers a caller passed in are never marked, so never freed.
const handedOver = new WeakSet<ArrayBufferLike>()

type Transferable = ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer }

/**
 * Marks `buffer`, allocated by its caller for this one hand-over (or a view of such a buffer), as free to
 * whoever copies it out. Answers `buffer`.
 */
export function handOver(buffer: Buffer): Buffer {
  const backing = buffer.buffer as Transferable
  // A buffer under half of Buffer.poolSize may be a slice of the shared pool, which holds other buffers: freed
  // early only when its backing is larger than a pool (a zlib output buffer, say). ArrayBuffer.prototype.transfer
  // arrived with Node 22's V8 (before, the collector frees them, later); a SharedArrayBuffer has none. Asked of
  // the buffer itself, not with instanceof, which fails across realms.
  const pooled = buffer.length < Buffer.poolSize >>> 1 && backing.byteLength <= Buffer.poolSize
  if (!pooled && typeof backing.transfer === 'function') handedOver.add(backing)
  return buffer
}

/** Frees a handed-over buffer's memory now; any other buffer is left alone. */
export function release(buffer: Buffer): void {
  const backing = buffer.buffer as Transferable
  if (handedOver.delete(backing)) backing.transfer?.(0)
}

/**
 * The input re-cut into `size`-byte blocks (the last one shorter), each a fresh buffer, or one the
 * consumer handed back in `spare` once done with it (the multipart upload does, so its memory is a
 * fixed set of parts instead of a new part's worth of garbage per part). Handed-over input chunks are
 * freed once copied.
 */
export async function* fixedSizeBlocks(input: AsyncIterable<Buffer>, size: number, spare: Buffer[] = []): AsyncGenerator<Buffer> {
  const fresh = () => spare.pop() ?? Buffer.allocUnsafe(size)
  let block = fresh()
  let filled = 0
  for await (const chunk of input) {
    for (let offset = 0; offset < chunk.length;) {
      const taken = chunk.copy(block, filled, offset, Math.min(chunk.length, offset + size - filled))
      filled += taken
      offset += taken
      if (filled === size) {
        yield block
        block = fresh()
        filled = 0
      }
    }
    release(chunk)
  }
  if (filled > 0) yield block.subarray(0, filled)
}
