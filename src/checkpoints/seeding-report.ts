// What the step log, the summary and the PR comment say about the checkpoints a
// job started from: which job, which location, its newest checkpoint, and how
// many objects and bytes were copied (or why none were).
import * as core from '@actions/core'
import { codeText, logText } from '../common/untrusted.js'
import { stamp } from '../follow/job-progress.js'
import { formatBytes } from '../report/format.js'
import { logHeading, logRow } from '../report/log-layout.js'
import type { Seeded } from './checkpoint-seeding.js'
import { showS3Prefix, type S3Prefix } from './s3-prefix.js'

export interface SourceJob {
  jobArn: string
  jobName: string
  status: string
  region: string
  /** The account that owns the job, and so the bucket its checkpoints may be in. */
  owner: string
  why: 'copy-checkpoints-from-job' | 'resume'
  /** With resume: the run attempt the job belonged to. */
  attempt?: number
  /** Its checkpointConfig.s3Uri; undefined when it has none. */
  checkpoints?: S3Prefix
}

const objects = (count: number) => `${count} object${count === 1 ? '' : 's'}`

function whose(source: SourceJob): string {
  return source.why === 'resume' && source.attempt !== undefined
    ? `run attempt ${source.attempt}'s job ${source.jobName} (${source.status})`
    : `job ${source.jobName} (${source.status})`
}

export function logSeeded({ source, destination, copy }: Seeded): void {
  logHeading(source.why === 'resume' ? 'Checkpoints (resume)' : 'Checkpoints (copy-checkpoints-from-job)')
  logRow('from', `${source.checkpoints ? showS3Prefix(source.checkpoints) : '(no checkpoint location)'} of ${logText(whose(source))}`)
  logRow('to', showS3Prefix(destination))
  if (!copy || copy.found === 0) {
    core.notice(`No checkpoints to copy: ${logText(whose(source))} left none; the new job starts without any.`, { title: source.why })
    return
  }
  if (copy.copied === 0) {
    logRow('copied', `nothing: all ${objects(copy.found)} are already there (kept, not overwritten)`)
  } else {
    const kept = copy.kept > 0 ? `; ${objects(copy.kept)} already there, kept` : ''
    logRow('copied', `${objects(copy.copied)} (${formatBytes(copy.copiedBytes)}), server-side${kept}`)
  }
  if (copy.newest)
    logRow('newest', `${logText(copy.newest.relativeKey)}${copy.newest.lastModified ? ` (${stamp(copy.newest.lastModified)})` : ''}`)
}

/** One line of HTML-safe Markdown: the job's text (names, keys) goes in code spans, escaped. */
export function seededNote({ source, destination, copy }: Seeded): string {
  const verb = source.why === 'resume' ? 'Resumed from' : 'Started from the checkpoints of'
  const job = `${source.why === 'resume' && source.attempt !== undefined ? `run attempt ${source.attempt}'s job ` : 'job '}${codeText(
    source.jobName
  )} (${codeText(source.status)})`
  if (!copy || copy.found === 0) return `♻️ ${verb} ${job}: it left no checkpoints, so the job started without any.`
  const newest = copy.newest
    ? `, newest ${codeText(copy.newest.relativeKey)}${copy.newest.lastModified ? ` (${stamp(copy.newest.lastModified)})` : ''}`
    : ''
  const copied =
    copy.copied === 0
      ? `all ${objects(copy.found)} were already in place`
      : `${objects(copy.copied)} (${formatBytes(copy.copiedBytes)}) copied${copy.kept > 0 ? `, ${copy.kept} already in place` : ''}`
  return `♻️ ${verb} ${job}: its checkpoints at ${codeText(showS3Prefix(source.checkpoints!))}${newest}; ${copied} to ${codeText(
    showS3Prefix(destination)
  )}.`
}
