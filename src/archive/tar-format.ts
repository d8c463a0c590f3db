// POSIX ustar headers, with a pax extended header when a path, link target or
// size does not fit. Names are written as their exact bytes (tar stores bytes),
// in pax records too: GNU tar takes them as they are, and Python's tarfile
// falls back to the file system encoding with surrogateescape when a record is
// not UTF-8, so both unpack the same bytes. (POSIX's hdrcharset=BINARY marker is
// left out: GNU tar warns about it on every entry and neither reader needs it.)
// Everything else is fixed: uid/gid 0, no owner names, one mtime.
import { FIXED_MTIME, type ArchiveEntry } from './archive-layout.js'

export const TAR_BLOCK = 512
const NAME_FIELD = 100
const PREFIX_FIELD = 155
const MAX_OCTAL_SIZE = 0o77777777777
const MTIME_SECONDS = FIXED_MTIME.getTime() / 1000
const TYPE_FLAG = { file: '0', symlink: '2', directory: '5' } as const
const PAX_HEADER_NAME = Buffer.from('././@PaxHeader')

/** The header block(s) of one entry: a pax header first when needed, then its ustar header. */
export function entryHeader(entry: ArchiveEntry, size: number): Buffer {
  const link = entry.linkBytes ?? Buffer.alloc(0)
  const split = splitName(entry.nameBytes)
  const records: Buffer[] = []
  if (!split) records.push(paxRecord('path', entry.nameBytes))
  if (link.length > NAME_FIELD) records.push(paxRecord('linkpath', link))
  if (size > MAX_OCTAL_SIZE) records.push(paxRecord('size', Buffer.from(String(size))))
  const header = ustarHeader({
    name: split?.name ?? entry.nameBytes.subarray(0, NAME_FIELD),
    prefix: split?.prefix ?? Buffer.alloc(0),
    mode: entry.mode,
    size: size > MAX_OCTAL_SIZE ? 0 : size,
    type: TYPE_FLAG[entry.type],
    link: link.subarray(0, NAME_FIELD)
  })
  if (records.length === 0) return header
  const pax = Buffer.concat(records)
  const paxHeader = ustarHeader({
    name: PAX_HEADER_NAME,
    prefix: Buffer.alloc(0),
    mode: 0o644,
    size: pax.length,
    type: 'x',
    link: Buffer.alloc(0)
  })
  return Buffer.concat([paxHeader, pax, padding(pax.length), header])
}

/** Zeros up to the next 512-byte boundary after `size` bytes of content. */
export function padding(size: number): Buffer {
  return Buffer.alloc((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK)
}

/** Two zero blocks end a tar archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * TAR_BLOCK)

/** ustar's name field, or prefix + "/" + name split at a slash; undefined when neither fits. */
function splitName(name: Buffer): { name: Buffer; prefix: Buffer } | undefined {
  if (name.length <= NAME_FIELD) return { name, prefix: Buffer.alloc(0) }
  // A directory's trailing slash must stay in the name part, so search before it.
  for (let slash = name.lastIndexOf(0x2f, name.length - 2); slash > 0; slash = name.lastIndexOf(0x2f, slash - 1)) {
    if (name.length - slash - 1 > NAME_FIELD) return undefined
    if (slash <= PREFIX_FIELD) return { prefix: name.subarray(0, slash), name: name.subarray(slash + 1) }
  }
  return undefined
}

/** `<length> <key>=<value>\n`, where the length counts the whole record, itself included. */
function paxRecord(key: string, value: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), value, Buffer.from('\n')])
  let length = body.length + 1
  while (String(length).length + body.length !== length) length = String(length).length + body.length
  return Buffer.concat([Buffer.from(String(length)), body])
}

interface HeaderFields {
  name: Buffer
  prefix: Buffer
  mode: number
  size: number
  type: string
  link: Buffer
}

function ustarHeader(fields: HeaderFields): Buffer {
  const block = Buffer.alloc(TAR_BLOCK)
  fields.name.copy(block, 0)
  octal(block, 100, 8, fields.mode)
  octal(block, 108, 8, 0) // uid
  octal(block, 116, 8, 0) // gid
  octal(block, 124, 12, fields.size)
  octal(block, 136, 12, MTIME_SECONDS)
  block.write(fields.type, 156, 'latin1')
  fields.link.copy(block, 157)
  block.write('ustar\u000000', 257, 'latin1')
  octal(block, 329, 8, 0) // devmajor
  octal(block, 337, 8, 0) // devminor
  fields.prefix.copy(block, 345)
  // The checksum is computed with its own field read as eight spaces.
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1')
  return block
}

/** A zero-padded octal number ending in NUL, filling `width` bytes. */
function octal(block: Buffer, offset: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, 'latin1')
}
