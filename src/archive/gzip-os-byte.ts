// zlib writes the gzip header's OS byte (offset 9) from the platform it was built
// for: 3 on Linux, 19 on macOS, 10 on Windows (zutil.h OS_CODE). Pinning it to 3
// (what Linux runners write anyway) keeps the archive bytes and sha256 the same
// whichever OS the workflow runs on. Nothing reads this byte when unpacking.
import { Transform, type TransformCallback } from 'node:stream'

const OS_BYTE_OFFSET = 9
export const GZIP_OS_UNIX = 3

export class PinGzipOsByte extends Transform {
  private position = 0

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const offset = OS_BYTE_OFFSET - this.position
    this.position += chunk.length
    if (offset < 0 || offset >= chunk.length || chunk[offset] === GZIP_OS_UNIX) return callback(null, chunk)
    const pinned = Buffer.from(chunk) // copy: the chunk may be shared with zlib
    pinned[offset] = GZIP_OS_UNIX
    callback(null, pinned)
  }
}
