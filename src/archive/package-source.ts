// Packages a hybrid job's source for upload, like the Braket SDK's
// AwsQuantumJob.create but reproducible and checked before anything is spent:
// a deterministic tar.gz of source-dir (root folder = its name), `.git` and
// `exclude` patterns left out, symlinks never followed outside source-dir, and
// the entry point's module confirmed to be inside. Memory stays flat whatever
// the size of the tree: file contents are streamed, never held.
import { stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { layoutArchive } from './archive-layout.js'
import { parseEntryPoint, requireEntryPointModule } from './entry-point.js'
import { displayPath, SourcePackagingError } from './errors.js'
import { compileExcludePatterns } from './exclude-patterns.js'
import { packageSingleFile } from './single-file-source.js'
import type { Compression, PackagedSource, PackageSourceOptions } from './types.js'
import { walkSource } from './walk-source.js'
import { writeTarGz } from './write-tar-gz.js'

export { SourcePackagingError, type PackagingInput } from './errors.js'
export type { Compression, PackagedSource, PackageSourceOptions, SkippedEntry } from './types.js'

export const ARCHIVE_FILE_NAME = 'source.tar.gz'

export async function packageSource(options: PackageSourceOptions): Promise<PackagedSource> {
  // Every input is checked before the tree is walked, so a typo fails fast.
  const compression = requireCompression(options.compression)
  const exclude = compileExcludePatterns(options.exclude)
  const entryPoint = parseEntryPoint(options.entryPoint)
  const sourceDir = resolve(options.sourceDir)
  const sourceStats = await statSourceDir(sourceDir)
  if (compression === 'none') return packageSingleFile(sourceDir, sourceStats, entryPoint)

  const shown = displayPath(sourceDir)
  if (!sourceStats.isDirectory()) {
    const hint =
      sourceStats.isFile() && sourceDir.endsWith('.py') ? ' (a single .py file can be uploaded as is with compression "none")' : ''
    throw new SourcePackagingError('source-dir', `source-dir ${shown}: is not a directory${hint}`)
  }
  const rootName = basename(sourceDir)
  if (rootName === '')
    throw new SourcePackagingError('source-dir', `source-dir ${shown}: the filesystem root cannot be packaged; name a project directory`)

  const listing = await walkSource(sourceDir, exclude)
  requireEntryPointModule(entryPoint, listing, rootName, shown)
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

function requireCompression(compression: string): Compression {
  if (compression === 'gzip' || compression === 'none') return compression
  throw new SourcePackagingError('compression', `compression "${compression}": not supported; allowed: gzip or none`)
}

async function statSourceDir(sourceDir: string): Promise<Stats> {
  try {
    return await stat(sourceDir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const problem = code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : `cannot be read (${(error as Error).message})`
    throw new SourcePackagingError('source-dir', `source-dir ${displayPath(sourceDir)}: ${problem}`)
  }
}
