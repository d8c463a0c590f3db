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

export interface DownloadedResults {
  s3Uri: string
  dir: string
  files: string[]
  skipped: { path: string; reason: string }[]
  /** A few lines about results.json, when the archive has one. */
  resultsExcerpt?: string
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
  if (extracted.files.includes('results.json')) results.resultsExcerpt = await excerptOf(join(dir, 'results.json'))
  return results
}

const EXCERPT_READ_BYTES = 256 * 1024
const MAX_KEYS = 20
const MAX_VALUE_CHARS = 120

async function excerptOf(path: string): Promise<string> {
  const size = (await stat(path)).size
  if (size > EXCERPT_READ_BYTES) return `(results.json is ${size} bytes; not shown)`
  const text = await readFile(path, 'utf8')
  try {
    return summarizeJson(JSON.parse(text))
  } catch {
    return text.split('\n').slice(0, 15).join('\n')
  }
}

/** Top-level entries, one line each: long arrays as their ends and length, long values cut. */
export function summarizeJson(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return shorten(describe(value))
  const entries = Object.entries(value as Record<string, unknown>)
  const lines = entries.slice(0, MAX_KEYS).map(([key, entry]) => `${key}: ${shorten(describe(entry))}`)
  if (entries.length > MAX_KEYS) lines.push(`… ${entries.length - MAX_KEYS} more keys`)
  return lines.join('\n')
}

function describe(value: unknown): string {
  if (Array.isArray(value) && value.length > 6) {
    const show = (items: unknown[]) => items.map((item) => JSON.stringify(item)).join(', ')
    return `[${show(value.slice(0, 3))}, …, ${show(value.slice(-2))}] (${value.length} values)`
  }
  return JSON.stringify(value) ?? String(value)
}

const shorten = (text: string) => (text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text)
