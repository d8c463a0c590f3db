// Public shapes of the packaging module (re-exported by package-source.ts).
import type { EntryPoint } from './entry-point.js'
import type { ExcludeRules } from './exclude-patterns.js'
import type { SourceManifest } from './source-manifest.js'
import type { SkippedEntry } from './walk-source.js'

export type { SkippedEntry }

export type Compression = 'gzip' | 'none'

/** The source as digested before anything is compressed or uploaded: its content address and what to upload. */
export interface PackagedSource {
  /** Hex SHA-256 naming the content: of the tree's manifest (gzip), or of the file itself (none). */
  sha256: string
  /** Name to use in S3: 'source.tar.gz' for gzip; the file's basename for 'none'. */
  fileName: string
  /** Bytes of content: the packaged files' sizes added up (gzip), or the file's size (none). */
  sizeBytes: number
  /** Regular files packaged (symlinks and directories not counted). */
  fileCount: number
  /** Archive root folder name: the basename of sourceDir (for 'none', the file's basename). */
  rootName: string
  /** What was left out and why; exclude patterns are summarised as one entry per pattern (path = the pattern). */
  skipped: SkippedEntry[]
  /** The Braket CreateJob scriptModeConfig.compressionType. */
  compressionType: 'GZIP' | 'NONE'
  /** What is uploaded: a tar.gz made from the manifest, or the one file as is. */
  content: { kind: 'archive'; manifest: SourceManifest } | { kind: 'file'; path: string }
}

export interface PackageSourceOptions {
  /** Absolute path (a relative one is resolved against the working directory). */
  sourceDir: string
  /** The parsed entry point (`module` or `module:function`), e.g. vqe.main:run. */
  entryPoint: EntryPoint
  compression: Compression
  /** Compiled `exclude` patterns, relative to sourceDir. */
  exclude: ExcludeRules
}
