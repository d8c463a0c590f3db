// The checksum algorithms S3 accepts for object integrity (x-amz-checksum-*),
// computed incrementally so streamed bodies are never held whole.
import { createHash, type Hash } from 'node:crypto'
import { crc32 as zlibCrc32 } from 'node:zlib'

export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number]

/** Digest length in bytes: a base64 checksum value must decode to exactly this many. */
const DIGEST_LENGTH: Record<ChecksumAlgorithm, number> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 }

/** S3 combines only CRC checksums into a full-object checksum of a multipart upload. */
export const FULL_OBJECT_CAPABLE: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME']

export interface Checksum {
  update(data: Uint8Array): void
  /** Big-endian raw digest, as S3 base64-encodes it. */
  digest(): Buffer
}

export function parseAlgorithm(value: string | undefined): ChecksumAlgorithm | undefined {
  const upper = value?.trim().toUpperCase()
  return CHECKSUM_ALGORITHMS.find((algorithm) => algorithm === upper)
}

/** `x-amz-checksum-crc32` for CRC32, and so on. */
export function checksumHeaderName(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`
}

/** The algorithm a `x-amz-checksum-*` header (or trailer) name stands for. */
export function algorithmOfHeader(name: string): ChecksumAlgorithm | undefined {
  const match = /^x-amz-checksum-([a-z0-9]+)$/i.exec(name.trim())
  return match ? parseAlgorithm(match[1]) : undefined
}

/** Whether a base64 value has the shape of this algorithm's digest (S3 rejects others as invalid, not as mismatched). */
export function isWellFormedChecksum(algorithm: ChecksumAlgorithm, base64: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return false
  return Buffer.from(base64, 'base64').length === DIGEST_LENGTH[algorithm]
}

export function createChecksum(algorithm: ChecksumAlgorithm): Checksum {
  switch (algorithm) {
    case 'CRC32':
      return new Crc32()
    case 'CRC32C':
      return new Crc32c()
    case 'CRC64NVME':
      return new Crc64Nvme()
    case 'SHA1':
      return new HashChecksum(createHash('sha1'))
    case 'SHA256':
      return new HashChecksum(createHash('sha256'))
  }
}

export function checksumOf(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  const checksum = createChecksum(algorithm)
  checksum.update(data)
  return checksum.digest().toString('base64')
}

class HashChecksum implements Checksum {
  constructor(private readonly hash: Hash) {}
  update(data: Uint8Array): void {
    this.hash.update(data)
  }
  digest(): Buffer {
    return this.hash.digest()
  }
}

function uint32BigEndian(value: number): Buffer {
  const out = Buffer.alloc(4)
  out.writeUInt32BE(value >>> 0)
  return out
}

class Crc32 implements Checksum {
  private value = 0
  update(data: Uint8Array): void {
    this.value = zlibCrc32(data, this.value)
  }
  digest(): Buffer {
    return uint32BigEndian(this.value)
  }
}

/** Castagnoli CRC (reflected polynomial 0x82f63b78); zlib only has the IEEE one. */
const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let i = 0; i < 256; i++) {
    let c = i
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1
    table[i] = c >>> 0
  }
  return table
})()

class Crc32c implements Checksum {
  private crc = 0xffffffff
  update(data: Uint8Array): void {
    let crc = this.crc
    for (let i = 0; i < data.length; i++) crc = (crc >>> 8) ^ CRC32C_TABLE[(crc ^ data[i]!) & 0xff]!
    this.crc = crc
  }
  digest(): Buffer {
    return uint32BigEndian(this.crc ^ 0xffffffff)
  }
}

/**
 * CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, init and xorout all ones),
 * kept as two 32-bit halves so the hot loop stays in small integers.
 */
const CRC64_TABLE = (() => {
  const high = new Uint32Array(256)
  const low = new Uint32Array(256)
  const polynomial = 0x9a6c9329ac4bc9b5n
  for (let i = 0; i < 256; i++) {
    let c = BigInt(i)
    for (let bit = 0; bit < 8; bit++) c = c & 1n ? (c >> 1n) ^ polynomial : c >> 1n
    high[i] = Number(c >> 32n)
    low[i] = Number(c & 0xffffffffn)
  }
  return { high, low }
})()

class Crc64Nvme implements Checksum {
  private high = 0xffffffff
  private low = 0xffffffff
  update(data: Uint8Array): void {
    let high = this.high
    let low = this.low
    const { high: tableHigh, low: tableLow } = CRC64_TABLE
    for (let i = 0; i < data.length; i++) {
      const index = (low ^ data[i]!) & 0xff
      low = ((low >>> 8) | (high << 24)) ^ tableLow[index]!
      high = (high >>> 8) ^ tableHigh[index]!
    }
    this.high = high
    this.low = low
  }
  digest(): Buffer {
    const out = Buffer.alloc(8)
    out.writeUInt32BE((this.high ^ 0xffffffff) >>> 0, 0)
    out.writeUInt32BE((this.low ^ 0xffffffff) >>> 0, 4)
    return out
  }
}
