// Buffers one pipeline stage makes for the next are freed as soon as the next
// stage has copied them, rather than at V8's next collection; nothing else is.
import { describe, expect, it } from '@jest/globals'
import { fixedSizeBlocks, handOver, release } from '../src/archive/bounded-pipeline.js'

const KiB = 1024
/** ArrayBuffer.prototype.transfer (Node 22 and later) is what frees; without it the collector does, later. Asked of
 * a Buffer's own backing: the test's realm has an ArrayBuffer of its own. */
const canFree = typeof (Buffer.alloc(1).buffer as { transfer?: unknown }).transfer === 'function'

async function* from(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk
}

describe('buffers handed over between stages', () => {
  it("are freed once the block cutter has copied them; a caller's buffers and pooled slices are left alone", async () => {
    const made = handOver(Buffer.alloc(64 * KiB, 1))
    const callers = Buffer.alloc(64 * KiB, 2)
    const pooled = handOver(Buffer.from('small, from the shared pool'))
    const blocks: Buffer[] = []
    for await (const block of fixedSizeBlocks(from([made, callers, pooled]), 48 * KiB)) blocks.push(block)

    expect(Buffer.concat(blocks)).toEqual(
      Buffer.concat([Buffer.alloc(64 * KiB, 1), Buffer.alloc(64 * KiB, 2), Buffer.from('small, from the shared pool')])
    )
    expect(blocks.map((block) => block.length)).toEqual([48 * KiB, 48 * KiB, 32 * KiB + 27])
    expect(made.length).toBe(canFree ? 0 : 64 * KiB)
    expect(callers.equals(Buffer.alloc(64 * KiB, 2))).toBe(true)
    expect(pooled.toString()).toBe('small, from the shared pool')
  })

  it("never free a slice of Buffer's shared pool, which holds other small buffers", () => {
    const neighbour = Buffer.from('a small buffer, from the pool')
    const small = handOver(Buffer.from('another one, right after it'))
    expect(small.buffer).toBe(neighbour.buffer)
    release(small)
    expect(neighbour.toString()).toBe('a small buffer, from the pool')
    expect(small.toString()).toBe('another one, right after it')
  })

  it('are freed whole, once, when handed over as a view; release leaves any buffer it was not handed alone', () => {
    // Sizes in pools: the test runner raises Buffer.poolSize, and what counts as small grows with it.
    const size = 4 * Buffer.poolSize
    const whole = Buffer.alloc(size, 3)
    const view = handOver(whole.subarray(0, size / 2))
    release(Buffer.alloc(size))
    release(view)
    expect(whole.length).toBe(canFree ? 0 : size)
    expect(() => release(view)).not.toThrow()
    const untouched = Buffer.alloc(size, 4)
    release(untouched)
    expect(untouched.equals(Buffer.alloc(size, 4))).toBe(true)
  })
})
