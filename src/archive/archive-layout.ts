// The determinism policy: what each archive entry is called, which metadata it
// carries, and in which order entries are written. Nothing here depends on the
// machine, the checkout time, the umask or the order the OS lists a directory,
// so the same files always give the same archive bytes.
import { join } from 'node:path'
import { sortBytewise } from './byte-order.js'
import type { SourceEntry } from './walk-source.js'

export interface ArchiveEntry {
  /** Archive path, root folder first; directories end with `/`. */
  name: string
  type: 'directory' | 'file' | 'symlink'
  mode: number
  mtime: Date
  /** Where to read a file's bytes from. */
  sourcePath?: string
  linkname?: string
}

/** 1980-01-01T00:00:00Z, the SOURCE_DATE_EPOCH floor many tools use (ZIP cannot go earlier; 0 looks "unset" to some). */
export const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1))
export const DIRECTORY_MODE = 0o755
export const EXECUTABLE_MODE = 0o755
export const FILE_MODE = 0o644
/** Permission bits of a symlink are meaningless on Linux; 0o777 is what lstat reports and tar writes. */
export const SYMLINK_MODE = 0o777

/**
 * Entries sorted bytewise by archive name. A directory's name ends with `/`,
 * which sorts before any of its contents, so parents always come first.
 */
export function layoutArchive(rootName: string, sourceDir: string, entries: readonly SourceEntry[]): ArchiveEntry[] {
  const archived = entries.map((entry): ArchiveEntry => {
    const name = entry.relativePath === '' ? rootName : `${rootName}/${entry.relativePath}`
    switch (entry.kind) {
      case 'directory':
        return { name: `${name}/`, type: 'directory', mode: DIRECTORY_MODE, mtime: FIXED_MTIME }
      case 'file':
        return {
          name,
          type: 'file',
          mode: entry.executable ? EXECUTABLE_MODE : FILE_MODE,
          mtime: FIXED_MTIME,
          sourcePath: join(sourceDir, ...entry.relativePath.split('/'))
        }
      case 'symlink':
        return { name, type: 'symlink', mode: SYMLINK_MODE, mtime: FIXED_MTIME, linkname: entry.linkTarget }
    }
  })
  return sortBytewise(archived, (entry) => entry.name)
}
