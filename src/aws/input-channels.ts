// Input data channels: s3:// locations pass through; local paths in the
// repository are uploaded content-addressed (`<prefix>/inputs/<sha256>/…`), so
// the same data is uploaded once and the request stays a function of the content.
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { digestFile } from '../archive/digest-stream.js'
import { compileExcludePatterns } from '../archive/exclude-patterns.js'
import { walkSource } from '../archive/walk-source.js'
import type { JobSpec } from '../inputs/job-spec.js'

export interface ResolvedChannel {
  channelName: string
  s3Uri: string
}

interface LocalFile {
  /** Key below the content-addressed prefix. */
  name: string
  path: string
  sha256: string
}

/** The files of a local channel, with a digest naming the whole set. */
async function describeLocalData(localPath: string): Promise<{ digest: string; files: LocalFile[]; isDirectory: boolean }> {
  const stats = await stat(localPath).catch(() => undefined)
  if (!stats) throw new Error(`Input "input-data": ${localPath} does not exist.`)
  if (stats.isFile()) {
    const { sha256 } = await digestFile(localPath)
    return { digest: sha256, files: [{ name: basename(localPath), path: localPath, sha256 }], isDirectory: false }
  }
  const listing = await walkSource(localPath, compileExcludePatterns([]))
  const files: LocalFile[] = []
  for (const entry of listing.entries) {
    if (entry.kind !== 'file') continue
    const path = join(localPath, entry.relativePath)
    files.push({ name: `${basename(localPath)}/${entry.relativePath}`, path, sha256: (await digestFile(path)).sha256 })
  }
  const tree = createHash('sha256')
  for (const file of files) tree.update(`${file.name}\u0000${file.sha256}\n`)
  return { digest: tree.digest('hex'), files, isDirectory: true }
}

/** Uploads one local file to a key of the staging bucket (unless the key already holds it). */
export type UploadFile = (key: string, path: string) => Promise<unknown>

/** Resolves every channel to an S3 URI; uploads local data with `upload` when given (not in a dry run). */
export async function resolveInputChannels(spec: JobSpec, bucket: string, upload: UploadFile | undefined): Promise<ResolvedChannel[]> {
  const resolved: ResolvedChannel[] = []
  for (const channel of spec.inputChannels) {
    if (channel.s3Uri) {
      resolved.push({ channelName: channel.channelName, s3Uri: channel.s3Uri })
      continue
    }
    const data = await describeLocalData(channel.localPath!)
    const prefix = `${spec.prefix ? `${spec.prefix}/` : ''}inputs/${data.digest}`
    if (upload) for (const file of data.files) await upload(`${prefix}/${file.name}`, file.path)
    const location = data.isDirectory ? `${prefix}/${basename(channel.localPath!)}/` : `${prefix}/${data.files[0]!.name}`
    resolved.push({ channelName: channel.channelName, s3Uri: `s3://${bucket}/${location}` })
  }
  return resolved
}
