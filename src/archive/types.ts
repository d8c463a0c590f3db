// Public shapes of the packaging module (re-exported by package-source.ts).
import type { EntryPoint } from './entry-point.js'
import type { ExcludeRules } from './exclude-patterns.js'
import type { SkippedEntry } from './walk-source.js'

export type { SkippedEntry }

export type Compression = 'gzip' | 'none'

export interface PackagedSource {
  /** The archive (or the single file, for compression 'none') on local disk. */
  path: string
  /** Name to use in S3: 'source.tar.gz' for gzip; the file's basename for 'none'. */
  fileName: string
  /** Hex sha256 of the bytes at `path`. */
  sha256: string
  sizeBytes: number
  /** Regular files packaged (symlinks and directories not counted). */
  fileCount: number
  /** Archive root folder name: the basename of sourceDir (for 'none', the file's basename). */
  rootName: string
  /** What was left out and why; exclude patterns are summarised as one entry per pattern (path = the pattern). */
  skipped: SkippedEntry[]
  /** The Braket CreateJob scriptModeConfig.compressionType. */
  compressionType: 'GZIP' | 'NONE'
}

export interface PackageSourceOptions {
  /** Absolute path (a relative one is resolved against the working directory). */
  sourceDir: string
  /** The parsed entry point (`module` or `module:function`), e.g. vqe.main:run. */
  entryPoint: EntryPoint
  compression: Compression
  /** Compiled `exclude` patterns, relative to sourceDir. */
  exclude: ExcludeRules
  /** A directory where the archive file may be written (the caller creates and cleans it). */
  workDir: string
}
