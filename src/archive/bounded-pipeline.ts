// Bounded stages for the packaging and upload pipeline: at most `window` items
// in flight, results handed on in input order (so the output never depends on
// which job finished first), a limiter for work that needs a thread, and
// re-cutting a byte stream into fixed-size blocks.

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

/**
 * The input re-cut into `size`-byte blocks (the last one shorter), each a fresh buffer, or one the
 * consumer handed back in `spare` once done with it (the multipart upload does, so its memory is a
 * fixed set of parts instead of a new part's worth of garbage per part).
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
  }
  if (filled > 0) yield block.subarray(0, filled)
}
