// compression 'none': Braket copies the one uploaded file next to sys.path as is,
// so the file itself is the upload and its stem is the only importable module
// (the inputs' source section has checked that source-dir is such a file).
import { basename } from 'node:path'
import { digestFile } from './digest-stream.js'
import type { PackagedSource } from './types.js'

export async function packageSingleFile(sourcePath: string): Promise<PackagedSource> {
  const fileName = basename(sourcePath)
  const { sha256, sizeBytes } = await digestFile(sourcePath)
  return {
    sha256,
    fileName,
    sizeBytes,
    fileCount: 1,
    rootName: fileName,
    skipped: [],
    compressionType: 'NONE',
    content: { kind: 'file', path: sourcePath }
  }
}
