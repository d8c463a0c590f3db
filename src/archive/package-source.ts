// Packages a hybrid job's source for upload, like the Braket SDK's
// AwsQuantumJob.create but reproducible and checked before anything is spent
// (the inputs were validated before; here only the tree itself is looked at).
//
// Two steps, so an unchanged source costs a digest and one HeadObject:
//  - digestSource: the tree (root folder = source-dir's name; `.git` and
//    `exclude` patterns left out; symlinks never followed outside source-dir;
//    the entry point's module confirmed inside) and its content address, the
//    SHA-256 of a canonical manifest of every entry and file hash;
//  - archiveStream: the deterministic tar.gz of exactly that manifest, made
//    on every core and streamed (never written to disk, never held whole).
import { createReadStream } from 'node:fs'
import { basename, resolve } from 'node:path'
import { layoutArchive } from './archive-layout.js'
import { requireEntryPointModule } from './entry-point.js'
import { displayPath } from './errors.js'
import { parallelGzip, type GzipOptions } from './parallel-gzip.js'
import { packageSingleFile } from './single-file-source.js'
import { digestSourceTree } from './source-manifest.js'
import { tarChunks } from './tar-stream.js'
import type { PackagedSource, PackageSourceOptions } from './types.js'
import { walkSource } from './walk-source.js'

export { SourcePackagingError, type PackagingInput } from './errors.js'
export type { Compression, PackagedSource, PackageSourceOptions, SkippedEntry } from './types.js'

export const ARCHIVE_FILE_NAME = 'source.tar.gz'

export async function digestSource(options: PackageSourceOptions): Promise<PackagedSource> {
  const sourceDir = resolve(options.sourceDir)
  if (options.compression === 'none') return packageSingleFile(sourceDir)

  const rootName = basename(sourceDir)
  const listing = await walkSource(sourceDir, options.exclude)
  requireEntryPointModule(options.entryPoint, listing, rootName, displayPath(sourceDir))
  const manifest = await digestSourceTree(layoutArchive(rootName, sourceDir, listing.entries))
  return {
    sha256: manifest.digest,
    fileName: ARCHIVE_FILE_NAME,
    sizeBytes: manifest.contentBytes,
    fileCount: manifest.fileCount,
    rootName,
    skipped: listing.skipped,
    compressionType: 'GZIP',
    content: { kind: 'archive', manifest }
  }
}

/** The bytes to upload: the tar.gz of the digested manifest (failing if a file changed since), or the single file. */
export function archiveStream(source: PackagedSource, options: GzipOptions = {}): AsyncIterable<Buffer> {
  if (source.content.kind === 'file') return createReadStream(source.content.path)
  return parallelGzip(tarChunks(source.content.manifest.entries), options)
}

/** Bytes of the deflate stored-block header, per block of up to 65,535 bytes: what gzip adds to data it cannot shrink. */
const STORED_OVERHEAD = 5 / 65_535

/**
 * The most bytes `archiveStream` can produce for `source`, known before compressing (so the upload can size its
 * parts): each entry's tar headers (a pax header with its records, then ustar) and padding, its bytes, the end
 * of the archive, and gzip's worst case, every block stored, plus its header, trailer and one flush per block.
 */
export function archiveSizeBound(source: PackagedSource): number {
  if (source.content.kind === 'file') return source.sizeBytes
  let tar = 1024
  for (const entry of source.content.manifest.entries)
    tar += entry.size + 511 + 2048 + entry.nameBytes.length + (entry.linkBytes?.length ?? 0)
  return Math.ceil(tar * (1 + STORED_OVERHEAD)) + 5 * Math.ceil(tar / 4096) + 64
}

/** The content type the uploaded object gets. */
export function contentType(source: PackagedSource): string {
  return source.compressionType === 'GZIP' ? 'application/gzip' : 'text/x-python'
}
