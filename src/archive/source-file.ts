// Opening a file of source-dir for reading, the same way for the digest and for
// the archive: never through a symlink, never blocking on a FIFO, and only if
// it is still a regular file.
import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { SourcePackagingError } from './errors.js'
import { errorMessage } from '../common/errors.js'
import { quoted } from '../common/untrusted.js'

// O_NOFOLLOW: a file swapped for a symlink after the walk is not followed out of
// source-dir. O_NONBLOCK: one swapped for a FIFO does not hang the open.
// Both are 0 (absent) on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

export interface OpenedFile {
  handle: FileHandle
  size: number
}

/** `name` is the archive path as text, for the message. */
export async function openSourceFile(path: Buffer, name: string): Promise<OpenedFile> {
  let handle: FileHandle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (error) {
    throw cannotRead(name, error)
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new Error('it is no longer a regular file')
    return { handle, size: stats.size }
  } catch (error) {
    await handle.close()
    throw cannotRead(name, error)
  }
}

/** Reads into `buffer` from `position` until it is full or the file ends; answers the bytes read. */
export async function readFully(file: OpenedFile, name: string, buffer: Buffer, position: number): Promise<number> {
  let filled = 0
  try {
    while (filled < buffer.length) {
      const { bytesRead } = await file.handle.read(buffer, filled, buffer.length - filled, position + filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
  } catch (error) {
    throw cannotRead(name, error)
  }
  return filled
}

export function cannotRead(name: string, error: unknown): SourcePackagingError {
  return new SourcePackagingError('source-dir', `cannot read ${quoted(name)} while packaging (${errorMessage(error)})`)
}

/** The file is not what the digest saw: the archive would not match its content address. */
export function changedWhilePackaging(name: string): SourcePackagingError {
  return new SourcePackagingError(
    'source-dir',
    `${quoted(name)} changed while it was being packaged; make sure no earlier step is still writing to source-dir, then run the step again`
  )
}
