// The job's results once it ended: downloaded and safely extracted when asked for
// and the job COMPLETED; otherwise why not, as a value the report can show.
import * as core from '@actions/core'
import type { S3Client } from '@aws-sdk/client-s3'
import { errorMessage } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import { UnsafeArchiveError } from '../archive/safe-extract.js'
import { downloadResults, type DownloadedResults } from './results-download.js'

export type ResultsFetch =
  | { kind: 'not-asked' }
  | { kind: 'not-completed'; status: string }
  | { kind: 'none' }
  | { kind: 'downloaded'; results: DownloadedResults }
  | { kind: 'failed'; message: string }

export async function fetchResults(s3: S3Client, status: string, outputS3Path: string, dir: string | undefined): Promise<ResultsFetch> {
  if (!dir) return { kind: 'not-asked' }
  if (status !== 'COMPLETED') return { kind: 'not-completed', status }
  try {
    const results = await downloadResults(s3, outputS3Path, dir)
    if (!results) return { kind: 'none' }
    const count = results.files.length
    core.info(`Results: ${logText(results.s3Uri)} extracted into ${logText(results.dir)} (${count} file${count === 1 ? '' : 's'})`)
    return { kind: 'downloaded', results }
  } catch (error) {
    const message =
      error instanceof UnsafeArchiveError
        ? `Refused to extract the job's results: ${error.message}. Nothing outside ${dir} was written; the archive is not safe to unpack.`
        : `Could not download the job's results: ${errorMessage(error)}`
    return { kind: 'failed', message }
  }
}

/** Why there are no results to show, for the summary; undefined when there are some or none were asked for. */
export function resultsNote(fetch: ResultsFetch): string | undefined {
  switch (fetch.kind) {
    case 'not-completed':
      return `not downloaded: the job is ${fetch.status}`
    case 'none':
      return 'the job left no output/model.tar.gz'
    case 'failed':
      return 'not extracted'
    case 'not-asked':
    case 'downloaded':
      return undefined
  }
}
