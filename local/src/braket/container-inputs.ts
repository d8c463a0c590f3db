// Fills the job workspace from the stand-in's S3, as the job container and
// SageMaker do before the entry point runs: the source (downloaded, unpacked
// safely), the input channels, and any checkpoints from an earlier run.
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join, posix, relative, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { unpackCode } from '../../../src/runner/container-code.js'
import { ContainerSetupError } from '../../../src/runner/container-run.js'
import type { ContainerWorkspace } from '../../../src/runner/container-workspace.js'
import { parseS3Uri, type ObjectStore } from '../stores/object-store.js'
import type { ContainerJobSpec } from './container-job-spec.js'

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep)
}

async function download(objects: ObjectStore, bucket: string, key: string, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await pipeline(objects.read(bucket, key), createWriteStream(file))
}

/** Downloads the source object and unpacks it (GZIP) or copies it as is (NONE) into the code directory. */
export async function installSource(objects: ObjectStore, spec: ContainerJobSpec, workspace: ContainerWorkspace): Promise<string[]> {
  const location = parseS3Uri(spec.scriptS3Uri)
  if (!location || !objects.head(location.bucket, location.key)) {
    throw new ContainerSetupError(
      `Unable to download code.\nException: An error occurred (404) when calling the HeadObject operation: Not Found (${spec.scriptS3Uri})`
    )
  }
  const localFile = join(workspace.originalCodeDir, posix.basename(location.key) || 'source')
  await download(objects, location.bucket, location.key, localFile)
  return unpackCode(localFile, spec.compressionType, workspace)
}

/**
 * Downloads every object under `s3Uri` into `targetDir`. As the Braket SDK's local
 * mode does: a prefix naming a "directory" (ends with `/`, or every key is below
 * `prefix/`) has its contents copied; otherwise the matches keep their names
 * relative to the prefix's parent. Keys that would land outside are left out.
 */
export async function downloadPrefix(
  objects: ObjectStore,
  s3Uri: string,
  targetDir: string
): Promise<{ files: string[]; skipped: string[] }> {
  await mkdir(targetDir, { recursive: true })
  const location = parseS3Uri(s3Uri)
  if (!location || !objects.bucket(location.bucket)) return { files: [], skipped: [] }
  const prefix = location.key
  const keys = objects.list(location.bucket, prefix).map((o) => o.key)
  const isDirectory = prefix === '' || prefix.endsWith('/') || keys.every((key) => key.startsWith(`${prefix}/`))
  const topLevel = isDirectory ? prefix : posix.dirname(prefix) === '.' ? '' : posix.dirname(prefix)
  const files: string[] = []
  const skipped: string[] = []
  for (const key of keys) {
    if (key.endsWith('/')) continue
    const relativeKey = key.slice(topLevel.length).replace(/^\/+/, '')
    const destination = resolve(targetDir, relativeKey)
    if (relativeKey === '' || !isInside(targetDir, destination)) {
      skipped.push(key)
      continue
    }
    await download(objects, location.bucket, key, destination)
    files.push(relative(targetDir, destination))
  }
  return { files, skipped }
}

/** One folder per input channel under the input data directory, holding the channel's objects when there are any. */
export async function downloadChannels(
  objects: ObjectStore,
  spec: ContainerJobSpec,
  workspace: ContainerWorkspace
): Promise<Record<string, string[]>> {
  const downloaded: Record<string, string[]> = {}
  for (const channel of spec.channels) {
    const channelDir = resolve(workspace.inputDataDir, channel.channelName)
    // The model's channel name pattern allows `.` and `..`.
    if (!isInside(workspace.inputDataDir, channelDir) || channel.channelName.includes('/')) continue
    const { files } = await downloadPrefix(objects, channel.s3Uri, channelDir)
    downloaded[channel.channelName] = files
  }
  return downloaded
}

/** Checkpoints left by an earlier job under checkpointConfig.s3Uri, as SageMaker restores them. */
export async function restoreCheckpoints(objects: ObjectStore, spec: ContainerJobSpec, workspace: ContainerWorkspace): Promise<string[]> {
  if (!spec.checkpointS3Uri) return []
  const uri = spec.checkpointS3Uri.endsWith('/') ? spec.checkpointS3Uri : `${spec.checkpointS3Uri}/`
  return (await downloadPrefix(objects, uri, workspace.checkpointDir)).files
}
