// What a finished job leaves behind: the results directory as
// <outputDataConfig.s3Path>/output/model.tar.gz (always uploaded, empty or not,
// as SageMaker does) and the checkpoint directory under checkpointConfig.s3Uri.
import { createReadStream } from 'node:fs'
import { lstat, readdir, readlink } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import tar from 'tar-stream'
import type { StandInState } from '../core/state.js'
import { parseS3Uri } from '../stores/object-store.js'

/** Every entry below `dir`, parents before children, with `/`-separated relative names. */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  const names: string[] = []
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    names.push(name)
    if (entry.isDirectory()) names.push(...(await walk(join(dir, entry.name), name)))
  }
  return names
}

function ensureBucket(state: StandInState, bucket: string): void {
  if (!state.objects.bucket(bucket)) state.objects.createBucket(bucket, state.options.accountId, state.options.region)
}

/** Streams `dir` as a gzipped tar into the object store; links stay links, as tar keeps them. */
export async function uploadDirectoryAsTarGz(state: StandInState, dir: string, bucket: string, key: string): Promise<void> {
  ensureBucket(state, bucket)
  const pack = tar.pack()
  const gzip = createGzip()
  const stored = state.objects.write(bucket, key, gzip)
  const packed = pipeline(pack, gzip)
  // Awaited below; until then a failure must not surface as an unhandled rejection.
  stored.catch(() => undefined)
  packed.catch(() => undefined)
  for (const name of await walk(dir)) {
    const path = join(dir, ...name.split('/'))
    const stats = await lstat(path)
    const common = { name, mode: stats.mode & 0o7777, mtime: stats.mtime }
    if (stats.isDirectory()) {
      await new Promise<void>((resolve, reject) =>
        pack.entry({ ...common, type: 'directory' }, (error) => (error ? reject(error) : resolve()))
      )
    } else if (stats.isSymbolicLink()) {
      const linkname = await readlink(path)
      await new Promise<void>((resolve, reject) =>
        pack.entry({ ...common, type: 'symlink', linkname }, (error) => (error ? reject(error) : resolve()))
      )
    } else if (stats.isFile()) {
      const sink = pack.entry({ ...common, type: 'file', size: stats.size })
      await pipeline(createReadStream(path), sink)
    }
    // Sockets, FIFOs and devices are not archived.
  }
  pack.finalize()
  await packed
  await stored
}

export async function uploadResults(state: StandInState, outputS3Path: string, resultsDir: string): Promise<string> {
  const location = parseS3Uri(`${outputS3Path}/output/model.tar.gz`)
  if (!location) throw new Error(`outputDataConfig.s3Path ${outputS3Path} is not an S3 URI`)
  await uploadDirectoryAsTarGz(state, resultsDir, location.bucket, location.key)
  return `s3://${location.bucket}/${location.key}`
}

/** What a file was when it was last synced: a file is uploaded again only once it changed. */
export const fileVersion = (stats: { size: number; mtimeMs: number }) => `${stats.size}:${stats.mtimeMs}`

/**
 * Copies the checkpoint files to checkpointConfig.s3Uri, one object per file, as SageMaker syncs them. With `synced`
 * (name → fileVersion of what is in S3 already), only new and changed files are uploaded, and `synced` is kept up to date.
 */
export async function uploadCheckpoints(
  state: StandInState,
  checkpointS3Uri: string | undefined,
  checkpointDir: string,
  synced = new Map<string, string>()
): Promise<number> {
  const location = checkpointS3Uri ? parseS3Uri(checkpointS3Uri) : undefined
  if (!location) return 0
  ensureBucket(state, location.bucket)
  const prefix = location.key.replace(/\/+$/, '')
  let count = 0
  for (const name of await walk(checkpointDir)) {
    const path = join(checkpointDir, ...name.split('/'))
    const stats = await lstat(path)
    if (!stats.isFile() || synced.get(name) === fileVersion(stats)) continue
    await state.objects.write(location.bucket, prefix === '' ? name : posix.join(prefix, name), createReadStream(path))
    synced.set(name, fileVersion(stats))
    count += 1
  }
  return count
}
