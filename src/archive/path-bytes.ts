// File names are bytes on Linux and macOS, not text: a checkout can hold a name
// that is not valid UTF-8 (made on a Latin-1 system, or by a test). Node's
// string paths decode such a name lossily (U+FFFD), and opening the decoded
// name fails with ENOENT. So the walk and the archive keep every path as the
// exact bytes the directory listing gave, and use a text form only to match
// `exclude` patterns and to show the name: the UTF-8 text when the bytes are
// valid UTF-8, otherwise that text with each invalid byte written as \xNN.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The name as text: exact for valid UTF-8, with `\xNN` for each byte that is not. */
export function nameText(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  let text = ''
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i)
    if (length > 0) {
      text += Buffer.from(bytes.subarray(i, i + length)).toString('utf8')
      i += length
    } else {
      text += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`
      i += 1
    }
  }
  return text
}

/** Length of the valid UTF-8 sequence starting at `start`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, start: number): number {
  const lead = bytes[start]!
  const length =
    lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
  if (length === 0 || start + length > bytes.length) return 0
  return isUtf8(bytes.subarray(start, start + length)) ? length : 0
}

/**
 * A path's bytes as a JavaScript string with one character per byte (latin1),
 * so path arithmetic (join, relative, the containment check) can run on it
 * without losing a byte; `fromByteString` turns it back into the bytes.
 */
export function byteString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

export function fromByteString(text: string): Buffer {
  return Buffer.from(text, 'latin1')
}
