// Where a job run on the runner gets its code and inputs and leaves its results:
// the source archive (made from the digested tree, byte for byte the one a real
// run uploads) unpacked as the container unpacks it, each local
// input-data path laid out as the container would find it after the action's
// upload (a folder's contents in input/data/<channel>/, a file as
// input/data/<channel>/<name>), and the results directory copied out to where
// later steps can read it. Checkpoints live and die with the run.
import { createWriteStream } from 'node:fs'
import { copyFile, cp, lstat, mkdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { archiveStream, type PackagedSource } from '../archive/package-source.js'
import { compileExcludePatterns } from '../archive/exclude-patterns.js'
import { walkSource } from '../archive/walk-source.js'
import { errorMessage } from '../common/errors.js'
import type { InputChannel } from '../inputs/storage-section.js'
import { unpackCode } from './container-code.js'
import { ContainerSetupError, type ContainerStorage } from './container-run.js'

/** Copies the files of a local channel the way the action would upload them (links inside kept to their files, none outside). */
async function provideChannel(localPath: string, channelDir: string): Promise<void> {
  await mkdir(channelDir, { recursive: true })
  if ((await stat(localPath)).isFile()) return copyFile(localPath, join(channelDir, basename(localPath)))
  const listing = await walkSource(localPath, compileExcludePatterns([]))
  for (const entry of listing.entries) {
    if (entry.kind !== 'file') continue
    const target = join(channelDir, ...entry.relativePath.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await copyFile(join(localPath, ...entry.relativePath.split('/')), target)
  }
}

export function runnerStorage(source: PackagedSource, channels: readonly InputChannel[], resultsDir: string): ContainerStorage {
  return {
    installCode: async (workspace) => {
      // The container downloads the source object into customer_code/original, then unpacks it from there.
      const original = join(workspace.originalCodeDir, source.fileName)
      await pipeline(archiveStream(source), createWriteStream(original))
      await unpackCode(original, source.compressionType, workspace)
    },
    provideInputs: async (workspace) => {
      for (const channel of channels) {
        if (channel.localPath === undefined) continue
        try {
          await provideChannel(channel.localPath, join(workspace.inputDataDir, channel.channelName))
        } catch (error) {
          throw new ContainerSetupError(`Unable to provide input channel ${channel.channelName}.\nException: ${errorMessage(error)}`)
        }
      }
    },
    saveResults: async (workspace) => {
      try {
        await mkdir(resultsDir, { recursive: true })
        // Links are left out: a result is a file the job wrote, and a link could point anywhere on the runner.
        await cp(workspace.resultsDir, resultsDir, {
          recursive: true,
          verbatimSymlinks: true,
          filter: async (path) => !(await lstat(path)).isSymbolicLink()
        })
      } catch (error) {
        throw new ContainerSetupError(`Unable to save results to ${resultsDir}.\nException: ${errorMessage(error)}`)
      }
    }
  }
}
