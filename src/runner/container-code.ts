// The job's code in the workspace, as the container puts it there: a GZIP (or
// ZIP-labelled) archive unpacked, safely, into customer_code/extracted; any other
// compression type copied as the one file it is.
import { createReadStream } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { extractTarGz } from '../archive/safe-extract.js'
import { errorMessage } from '../common/errors.js'
import { ContainerSetupError } from './container-run.js'
import type { ContainerWorkspace } from './container-workspace.js'

/** Returns the unpacked files, relative to the code directory. */
export async function unpackCode(localFile: string, compressionType: string | undefined, workspace: ContainerWorkspace): Promise<string[]> {
  const compression = compressionType?.trim().toLowerCase()
  if (compression === 'gzip' || compression === 'zip') {
    try {
      const { files } = await extractTarGz(createReadStream(localFile), workspace.codeDir)
      return files
    } catch (error) {
      throw new ContainerSetupError(
        `Got an exception while trying to unpack archive: ${localFile} of type: ${compressionType}.\nException: ${errorMessage(error)}`
      )
    }
  }
  const name = basename(localFile)
  await copyFile(localFile, join(workspace.codeDir, name))
  return [name]
}
