// Content-addressed staging: the key names the content, so an object already
// there is never uploaded (nor, for the source, even compressed) again.
import type { S3Client } from '@aws-sdk/client-s3'
import { createReadStream } from 'node:fs'
import { archiveStream, contentType, type PackagedSource } from '../archive/package-source.js'
import type { GzipOptions } from '../archive/parallel-gzip.js'
import { objectExists, type StagingTarget } from '../aws/s3-staging.js'
import { uploadStream, type StreamUploadResult } from './multipart-upload.js'

export type StageOutcome = ({ state: 'uploaded' } & StreamUploadResult) | { state: 'already-there' }

/** HeadObject the source's key; only when it is missing is the archive made, streaming into the upload. */
export async function stageSource(
  s3: S3Client,
  target: StagingTarget,
  key: string,
  source: PackagedSource,
  gzip: GzipOptions = {}
): Promise<StageOutcome> {
  return stageObject(s3, target, key, () => archiveStream(source, gzip), contentType(source))
}

/** A local file (input data), uploaded unless its content-addressed key already holds it. */
export async function stageFile(s3: S3Client, target: StagingTarget, key: string, path: string, type: string): Promise<StageOutcome> {
  return stageObject(s3, target, key, () => createReadStream(path), type)
}

async function stageObject(
  s3: S3Client,
  target: StagingTarget,
  key: string,
  body: () => AsyncIterable<Buffer>,
  type: string
): Promise<StageOutcome> {
  // objectExists names its own failure (S3 HeadObject, the key, what to do).
  if (await objectExists(s3, target, key)) return { state: 'already-there' }
  return { state: 'uploaded', ...(await uploadStream(s3, target, key, body(), { contentType: type })) }
}
