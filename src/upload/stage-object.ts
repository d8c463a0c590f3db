// Content-addressed staging: the key names the content, so an object already
// there is never uploaded (nor, for the source, even compressed) again.
import type { S3Client } from '@aws-sdk/client-s3'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { handOver } from '../archive/bounded-pipeline.js'
import { archiveSizeBound, archiveStream, contentType, type PackagedSource } from '../archive/package-source.js'
import type { GzipOptions } from '../archive/parallel-gzip.js'
import { objectExists, type StagingTarget } from '../aws/s3-staging.js'
import { uploadStream, type StreamUploadOptions, type StreamUploadResult } from './multipart-upload.js'

export type StageOutcome = ({ state: 'uploaded' } & StreamUploadResult) | { state: 'already-there' }

/** HeadObject the source's key; only when it is missing is the archive made, streaming into the upload. */
export async function stageSource(
  s3: S3Client,
  target: StagingTarget,
  key: string,
  source: PackagedSource,
  gzip: GzipOptions = {}
): Promise<StageOutcome> {
  return stageObject(s3, target, key, () => archiveStream(source, gzip), {
    contentType: contentType(source),
    sizeBound: archiveSizeBound(source)
  })
}

/** A local file (input data), uploaded unless its content-addressed key already holds it. */
export async function stageFile(s3: S3Client, target: StagingTarget, key: string, path: string, type: string): Promise<StageOutcome> {
  return stageObject(s3, target, key, () => fileChunks(path), { contentType: type, sizeBound: (await stat(path)).size })
}

/** The file's bytes, each read handed over to the upload (which frees it once copied into a part). */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  // Every chunk of an fs read stream is a buffer of its own.
  for await (const chunk of createReadStream(path)) yield handOver(chunk as Buffer)
}

async function stageObject(
  s3: S3Client,
  target: StagingTarget,
  key: string,
  body: () => AsyncIterable<Buffer>,
  options: StreamUploadOptions
): Promise<StageOutcome> {
  // objectExists names its own failure (S3 HeadObject, the key, what to do).
  if (await objectExists(s3, target, key)) return { state: 'already-there' }
  return { state: 'uploaded', ...(await uploadStream(s3, target, key, body(), options)) }
}
