// A hybrid job's ARN as an input (job-arn, copy-checkpoints-from-job): checked
// against the model's JobArn shape, and read for the region and account it names.
import { braketFacts } from '../facts/aws-facts.js'
import type { InputName } from './action-inputs.js'
import { checkConstraint, type Constraint } from './constraints.js'
import { shownValue, type Report } from './parse-input.js'

export interface JobArnParts {
  region: string
  accountId: string
  /** The last segment: a UUID (or, for early jobs, the job name). */
  jobId: string
}

const JOB_ARN = /^arn:aws[a-z-]*:braket:([a-z0-9-]+):(\d{12}):job\/([^/\s]+)$/
const JOB_ARN_CONSTRAINT: Constraint = {
  facts: braketFacts,
  shape: 'JobArn',
  words: 'a Braket job ARN such as arn:aws:braket:us-west-2:123456789012:job/<id>'
}

export function parseJobArn(arn: string): JobArnParts | undefined {
  const match = JOB_ARN.exec(arn)
  return match ? { region: match[1]!, accountId: match[2]!, jobId: match[3]! } : undefined
}

/** The ARN's parts, or undefined with the problem reported in words. */
export function readJobArn(input: InputName, value: string, report: Report): JobArnParts | undefined {
  if (!checkConstraint(input, value, JOB_ARN_CONSTRAINT, report)) return undefined
  const parts = parseJobArn(value)
  if (!parts) report({ input, message: `${shownValue(value)} is not allowed: it must be ${JOB_ARN_CONSTRAINT.words}.` })
  return parts
}
