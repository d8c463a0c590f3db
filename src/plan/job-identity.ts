// The clientToken and job name of a submission, derived so that the same step of
// the same run asking for the same job always gets the same token (and so the
// same job back), while a different request, matrix leg or re-run attempt gets
// its own.
import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json.js'
import { repositoryName, type RunIdentity } from './run-identity.js'
import type { JobSpec } from '../inputs/job-spec.js'

/** What the token is derived from, besides the run: the request without its token and name. */
export interface JobIdentityInput {
  identity: RunIdentity
  idempotencyKey: string
  /** The run attempt this submission belongs to (1 for the run's first). */
  attempt: number
  /** The request with a placeholder name and no clientToken. */
  draftRequest: unknown
}

export interface JobIdentity {
  clientToken: string
  jobName: string
  /** Hex digest the token and name come from. */
  digest: string
}

export const JOB_NAME_PLACEHOLDER = '{job-name}'
const MAX_JOB_NAME = 50

export function jobDigest(input: JobIdentityInput): string {
  const material = canonicalJson({
    version: 1,
    repository: input.identity.repository,
    runId: input.identity.runId,
    job: input.identity.job,
    step: input.identity.step,
    idempotencyKey: input.idempotencyKey,
    attempt: input.attempt,
    request: input.draftRequest
  })
  return createHash('sha256').update(material).digest('hex')
}

/** Readable and deterministic: `<repository>-<run id>[-a<attempt>]-<8 hex>`, within Braket's name pattern. */
export function deriveJobName(identity: RunIdentity, attempt: number, digest: string): string {
  const suffix = `-${identity.runId}${attempt > 1 ? `-a${attempt}` : ''}-${digest.slice(0, 8)}`.replace(/[^a-zA-Z0-9-]/g, '')
  const base = repositoryName(identity)
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_JOB_NAME - suffix.length)
    .replace(/-+$/, '')
  return `${base || 'job'}${suffix}`.slice(-MAX_JOB_NAME).replace(/^-+/, '')
}

export function deriveJobIdentity(spec: Pick<JobSpec, 'clientToken' | 'jobName'>, input: JobIdentityInput): JobIdentity {
  const digest = jobDigest(input)
  return {
    digest,
    clientToken: spec.clientToken ?? digest.slice(0, 64),
    jobName: spec.jobName ?? deriveJobName(input.identity, input.attempt, digest)
  }
}
