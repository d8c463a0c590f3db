// The job's results: <output s3Path>/output/model.tar.gz, streamed from S3 into
// the safe extractor (never held whole in memory), and a short look at
// results.json when the job wrote one.
import * as core from '@actions/core'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { extractTarGz } from '../archive/safe-extract.js'
import { errorName } from '../common/errors.js'
import { awsCallError } from '../aws/aws-call.js'
import { jsonPreview } from '../report/json-preview.js'

export interface DownloadedResults {
  s3Uri: string
  dir: string
  files: string[]
  skipped: { path: string; reason: string }[]
  /** A look at results.json (JSON, rounded, long arrays shortened), when the archive has one. */
  resultsPreview?: string
}

export function resultsUri(outputS3Path: string): string {
  return `${outputS3Path.replace(/\/+$/, '')}/output/model.tar.gz`
}

/** The results, or undefined (with a warning) when the job left none. Unsafe archives throw UnsafeArchiveError. */
export async function downloadResults(s3: S3Client, outputS3Path: string, dir: string): Promise<DownloadedResults | undefined> {
  const s3Uri = resultsUri(outputS3Path)
  const location = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri)
  if (!location) {
    core.warning(`Results not downloaded: ${s3Uri} is not an s3:// URI.`, { title: 'download-results' })
    return undefined
  }
  let body: Readable
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: location[1], Key: location[2] }))
    body = response.Body as Readable
  } catch (error) {
    const name = errorName(error)
    if (name === 'NoSuchKey' || name === 'NotFound') {
      core.warning(`The job left no results: ${s3Uri} does not exist. Nothing was downloaded.`, { title: 'download-results' })
      return undefined
    }
    throw awsCallError({ service: 'S3', operation: 'GetObject', target: s3Uri, permission: 's3:GetObject' }, error)
  }
  const extracted = await extractTarGz(body, dir)
  for (const skipped of extracted.skipped)
    core.warning(`Not extracted from the results: ${skipped.path} (${skipped.reason})`, { title: 'download-results' })
  const results: DownloadedResults = { s3Uri, dir, files: extracted.files, skipped: extracted.skipped }
  if (extracted.files.includes('results.json')) results.resultsPreview = await previewOf(join(dir, 'results.json'))
  return results
}

const PREVIEW_READ_BYTES = 256 * 1024

/** A look at a results.json on disk (JSON, rounded, long arrays shortened). */
export async function previewOf(path: string): Promise<string> {
  const size = (await stat(path)).size
  if (size > PREVIEW_READ_BYTES) return `/* results.json is ${size} bytes: too large to show here */`
  return jsonPreview(await readFile(path, 'utf8'))
}
