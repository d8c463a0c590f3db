// compression 'none': Braket copies the one uploaded file next to sys.path as is,
// so the file itself is the upload and its stem is the only importable module.
import type { Stats } from 'node:fs'
import { basename, extname } from 'node:path'
import { digestFile } from './digest-stream.js'
import type { EntryPoint } from './entry-point.js'
import { displayPath, SourcePackagingError } from './errors.js'
import type { PackagedSource } from './types.js'

export async function packageSingleFile(sourcePath: string, stats: Stats, entryPoint: EntryPoint): Promise<PackagedSource> {
  const shown = displayPath(sourcePath)
  if (stats.isDirectory()) {
    throw new SourcePackagingError(
      'compression',
      `compression "none": source-dir ${shown} is a directory, but "none" uploads a single .py file as is; use compression "gzip" to ` +
        `package a directory`
    )
  }
  const fileName = basename(sourcePath)
  if (!stats.isFile() || extname(fileName) !== '.py') {
    throw new SourcePackagingError('source-dir', `source-dir ${shown}: with compression "none" source-dir must be a single .py file`)
  }
  const stem = fileName.slice(0, -'.py'.length)
  if (entryPoint.moduleName !== stem) {
    throw new SourcePackagingError(
      'entry-point',
      `entry-point "${entryPoint.text}": with compression "none" the only module is ${stem} (the file ${fileName}), so the entry point ` +
        `must be ${stem} or ${stem}:<function>`
    )
  }
  const { sha256, sizeBytes } = await digestFile(sourcePath)
  return { path: sourcePath, fileName, sha256, sizeBytes, fileCount: 1, rootName: fileName, skipped: [], compressionType: 'NONE' }
}
