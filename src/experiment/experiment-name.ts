// The experiment a run belongs to: the name push and pull-request runs of the same
// step share, so a pull request's job can be compared with the base branch's.
import type { RunIdentity } from '../plan/run-identity.js'

/** S3 keys and tag values stay readable and safe with these characters only. */
export function slug(text: string, maxLength = 128): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return cleaned.slice(0, maxLength).replace(/[-.]+$/, '') || 'default'
}

/**
 * The workflow name, job id and step id (and the idempotency key when set): the same
 * for the workflow's push runs and its pull-request runs, different per step and matrix leg.
 */
export function defaultExperimentName(identity: RunIdentity, idempotencyKey: string): string {
  const parts = [
    identity.workflow || 'workflow',
    identity.job || 'job',
    identity.step || 'step',
    ...(idempotencyKey ? [idempotencyKey] : [])
  ]
  return slug(parts.join('-'))
}
