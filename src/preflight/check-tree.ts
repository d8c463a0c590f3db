// The tree the pre-flight reads: the archive's entries laid out as the container
// will unpack them, without making the archive. Compressing a 200 MiB source only
// to unpack it again cost seconds of CPU on every run, an unchanged one included,
// while the checks read a few small files. So each file is a hard link to the very
// file the manifest digested (no bytes copied); where a link can't be made (another
// file system, a file system without links) small files are copied and large ones,
// which neither pip's nor the entry point's reader opens, keep their size in a
// sparse file of the same length.
import { copyFile, link, mkdir, open, symlink } from 'node:fs/promises'
import type { SourceManifest } from '../archive/source-manifest.js'

/** Files above this are never read by the checks (both cap what they read far below it): their size is what counts. */
const COPIED_AT_MOST_BYTES = 4 * 1024 * 1024

/** `dir` + the archive path's exact bytes (names need not be UTF-8). */
function pathIn(dir: string, nameBytes: Buffer): Buffer {
  const relative = nameBytes.at(-1) === 0x2f ? nameBytes.subarray(0, -1) : nameBytes
  return Buffer.concat([Buffer.from(`${dir}/`), relative])
}

async function placeFile(source: Buffer, target: Buffer, size: number): Promise<void> {
  try {
    await link(source, target)
    return
  } catch {
    // EXDEV, EPERM, … : a copy, or a file of the same size.
  }
  if (size <= COPIED_AT_MOST_BYTES) return copyFile(source, target)
  const handle = await open(target, 'w')
  try {
    await handle.truncate(size)
  } finally {
    await handle.close()
  }
}

/** Lays the manifest's entries out under `dir` (entries come parent first, as in the archive). */
export async function layOutForCheck(manifest: SourceManifest, dir: string): Promise<void> {
  for (const entry of manifest.entries) {
    const target = pathIn(dir, entry.nameBytes)
    if (entry.type === 'directory') await mkdir(target, { recursive: true })
    else if (entry.type === 'symlink') await symlink(entry.linkBytes ?? entry.linkname ?? '', target)
    else await placeFile(entry.sourcePath!, target, entry.size)
  }
}
