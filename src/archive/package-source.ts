// Packages a hybrid job's source for upload, like the Braket SDK's
// AwsQuantumJob.create but reproducible and checked before anything is spent
// (the inputs were validated before; here only the tree itself is looked at):
// a deterministic tar.gz of source-dir (root folder = its name), `.git` and
// `exclude` patterns left out, symlinks never followed outside source-dir, and
// the entry point's module confirmed to be inside. Memory stays flat whatever
// the size of the tree: file contents are streamed, never held.
import { basename, join, resolve } from 'node:path'
import { layoutArchive } from './archive-layout.js'
import { requireEntryPointModule } from './entry-point.js'
import { displayPath } from './errors.js'
import { packageSingleFile } from './single-file-source.js'
import type { PackagedSource, PackageSourceOptions } from './types.js'
import { walkSource } from './walk-source.js'
import { writeTarGz } from './write-tar-gz.js'

export { SourcePackagingError, type PackagingInput } from './errors.js'
export type { Compression, PackagedSource, PackageSourceOptions, SkippedEntry } from './types.js'

export const ARCHIVE_FILE_NAME = 'source.tar.gz'

export async function packageSource(options: PackageSourceOptions): Promise<PackagedSource> {
  const sourceDir = resolve(options.sourceDir)
  if (options.compression === 'none') return packageSingleFile(sourceDir)

  const rootName = basename(sourceDir)
  const listing = await walkSource(sourceDir, options.exclude)
  requireEntryPointModule(options.entryPoint, listing, rootName, displayPath(sourceDir))
  const path = join(options.workDir, ARCHIVE_FILE_NAME)
  const { sha256, sizeBytes } = await writeTarGz(layoutArchive(rootName, sourceDir, listing.entries), path)
  return {
    path,
    fileName: ARCHIVE_FILE_NAME,
    sha256,
    sizeBytes,
    fileCount: listing.entries.filter((entry) => entry.kind === 'file').length,
    rootName,
    skipped: listing.skipped,
    compressionType: 'GZIP'
  }
}
