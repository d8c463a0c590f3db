// S3's multipart limits, from S3's documentation (they are service limits, not
// constraints of the API model): parts of at least 5 MiB (but the last), at most
// 10,000 parts per upload.
const MiB = 1024 ** 2
const MIN_PART_BYTES = 5 * MiB
const MAX_PARTS = 10_000

/** Bytes per part for `size` bytes: `wanted`, S3's minimum or larger, raised so the parts stay within 10,000. */
export function partBytesFor(size: number, wanted = MIN_PART_BYTES): number {
  return Math.max(MIN_PART_BYTES, wanted, Math.ceil(size / MAX_PARTS))
}
