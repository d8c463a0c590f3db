// Inputs → the spec of a step that follows an existing job (job-arn, attach: latest)
// instead of submitting one. Like buildJobSpec, every problem is reported at once,
// before any AWS call; the sections are the same where they apply.
import type { RunIdentity } from '../plan/run-identity.js'
import type { RawInputs } from './action-inputs.js'
import { readAttachSection, type AttachSection } from './attach-section.js'
import { readCredentials, type CredentialSource } from './credentials-section.js'
import { readExperiment } from './experiment-section.js'
import { readFollowSection, type FollowSpec } from './follow-section.js'
import { InputError, type InputProblem } from './input-error.js'
import { parseJobArn } from './job-arn.js'
import type { Report } from './parse-input.js'
import { readRegion } from './region-section.js'

export interface AttachSpec extends AttachSection {
  /** The job ARN's region; with attach: latest, aws-region's. */
  region: string
  credentials: CredentialSource
  /** Whose newest job attach: latest follows (the github:experiment tag of the jobs this action submits). */
  experiment: string
  idempotencyKey: string
  follow: FollowSpec
}

export function buildAttachSpec(raw: RawInputs, identity: RunIdentity, env: NodeJS.ProcessEnv, now = Date.now()): AttachSpec {
  const problems: InputProblem[] = []
  const report: Report = (problem) => problems.push(problem)

  const attach = readAttachSection(raw, now, report)
  const region = attach.jobArn ? jobRegion(attach.jobArn, raw, report) : readRegion(raw, env, report)
  const credentials = readCredentials(raw, identity, report)
  const experiment = readExperiment(raw, identity, report)
  const follow = readFollowSection(raw, identity.workspace, report, true)

  if (problems.length > 0) throw new InputError(problems)
  return { ...attach, region, credentials, experiment, idempotencyKey: raw['idempotency-key'], follow }
}

/** A job is reached in its own region, whatever the environment's default; an explicit aws-region must agree. */
function jobRegion(jobArn: string, raw: RawInputs, report: Report): string {
  const region = parseJobArn(jobArn)?.region ?? ''
  const given = raw['aws-region']
  if (region && given && given !== region) {
    report({
      input: 'aws-region',
      message:
        `is ${given}, but job-arn names a job of ${region}: leave aws-region empty (the job's region comes from its ARN) or set ` +
        `it to ${region}.`
    })
  }
  return region
}
