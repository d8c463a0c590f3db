// The determinism policy: what each archive entry is called, which metadata it
// carries, and in which order entries are written. Nothing here depends on the
// machine, the checkout time, the umask or the order the OS lists a directory,
// so the same files always give the same archive.
import { join } from 'node:path'
import type { SourceEntry } from './walk-source.js'

export interface ArchiveEntry {
  /** Archive path as text (see path-bytes.ts), root folder first; directories end with `/`. */
  name: string
  /** The archive path's exact bytes: what the tar header stores. */
  nameBytes: Buffer
  type: 'directory' | 'file' | 'symlink'
  mode: number
  /** Where to read a file's bytes from (its exact bytes). */
  sourcePath?: Buffer
  linkname?: string
  linkBytes?: Buffer
}

/** 1980-01-01T00:00:00Z, the SOURCE_DATE_EPOCH floor many tools use (ZIP cannot go earlier; 0 looks "unset" to some). */
export const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1))
export const DIRECTORY_MODE = 0o755
export const EXECUTABLE_MODE = 0o755
export const FILE_MODE = 0o644
/** Permission bits of a symlink are meaningless on Linux; 0o777 is what lstat reports and tar writes. */
export const SYMLINK_MODE = 0o777

/**
 * Entries sorted bytewise by archive path. A directory's name ends with `/`,
 * which sorts before any of its contents, so parents always come first.
 */
export function layoutArchive(rootName: string, sourceDir: string, entries: readonly SourceEntry[]): ArchiveEntry[] {
  const rootBytes = Buffer.from(rootName)
  const slash = Buffer.from('/')
  const archived = entries.map((entry): ArchiveEntry => {
    const isRoot = entry.pathBytes.length === 0
    const name = isRoot ? rootName : `${rootName}/${entry.relativePath}`
    const nameBytes = isRoot ? rootBytes : Buffer.concat([rootBytes, slash, entry.pathBytes])
    switch (entry.kind) {
      case 'directory':
        return { name: `${name}/`, nameBytes: Buffer.concat([nameBytes, slash]), type: 'directory', mode: DIRECTORY_MODE }
      case 'file':
        return {
          name,
          nameBytes,
          type: 'file',
          mode: entry.executable ? EXECUTABLE_MODE : FILE_MODE,
          sourcePath: Buffer.concat([Buffer.from(join(sourceDir)), slash, entry.pathBytes])
        }
      case 'symlink':
        return { name, nameBytes, type: 'symlink', mode: SYMLINK_MODE, linkname: entry.linkTarget, linkBytes: entry.linkBytes }
    }
  })
  return archived.sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes))
}
