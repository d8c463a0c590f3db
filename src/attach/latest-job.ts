// attach: latest — the newest job of an experiment of this repository, found with
// SearchJobs (its filters are jobArn and createdAt only) and the provenance tags
// every job this action submits carries (github:repository, github:experiment).
import { SearchJobsCommand, type BraketClient, type JobSummary } from '@aws-sdk/client-braket'
import { awsCall, type AwsCall } from '../aws/aws-call.js'
import { ActionError } from '../common/errors.js'
import { PROVENANCE_TAG_PREFIX } from '../inputs/tags-section.js'

export class LatestJobError extends ActionError {}

export interface LatestJobQuery {
  repository: string
  experiment: string
  region: string
}

const DAY_MS = 24 * 60 * 60 * 1000
/** Searched newest first, one window after the other, so a busy account is not read back a year to find yesterday's job. */
const WINDOWS_DAYS = [7, 30, 365]

function matches(job: JobSummary, query: LatestJobQuery): boolean {
  const tags = job.tags ?? {}
  return tags[`${PROVENANCE_TAG_PREFIX}repository`] === query.repository && tags[`${PROVENANCE_TAG_PREFIX}experiment`] === query.experiment
}

/** Every job created in [from, to), read page by page, keeping the newest that matches. */
async function newestIn(braket: BraketClient, query: LatestJobQuery, from: number, to: number): Promise<JobSummary | undefined> {
  let newest: JobSummary | undefined
  let nextToken: string | undefined
  do {
    const page = await braket.send(
      new SearchJobsCommand({
        filters: [{ name: 'createdAt', operator: 'BETWEEN', values: [new Date(from).toISOString(), new Date(to).toISOString()] }],
        maxResults: 100,
        nextToken
      })
    )
    for (const job of page.jobs ?? []) {
      if (!matches(job, query) || !job.jobArn) continue
      if (!newest || (job.createdAt?.getTime() ?? 0) > (newest.createdAt?.getTime() ?? 0)) newest = job
    }
    nextToken = page.nextToken
  } while (nextToken)
  return newest
}

export async function findLatestJob(braket: BraketClient, query: LatestJobQuery, now: number): Promise<string> {
  let to = now
  for (const days of WINDOWS_DAYS) {
    const from = now - days * DAY_MS
    const call: AwsCall = { service: 'Braket', operation: 'SearchJobs', target: `jobs of ${query.region}`, permission: 'braket:SearchJobs' }
    const found = await awsCall(call, () => newestIn(braket, query, from, to))
    if (found?.jobArn) return found.jobArn
    to = from
  }
  throw new LatestJobError(
    `Input "attach": no job of experiment "${query.experiment}" of ${query.repository} was created in ${query.region} in the last ` +
      `${WINDOWS_DAYS.at(-1)} days. attach: latest looks for the ${PROVENANCE_TAG_PREFIX}experiment tag this action puts on the jobs ` +
      `it submits: set experiment to the name the submitting step uses (its default is that step's workflow name, job id and step ` +
      `id), or give job-arn.`
  )
}
