// The API limits inputs are checked against, looked up in the generated model facts,
// and how a broken limit is explained to the person who wrote the workflow: in
// words and examples, never as the model's regular expression.
import { braketFacts, stsFacts } from '../facts/aws-facts.js'
import type { ServiceFacts } from '../facts/model-types.js'
import { memberShapeName, validateShape, type ShapeProblem } from '../facts/validate-shape.js'
import type { InputName } from './action-inputs.js'
import { closestMatches } from './closest-matches.js'
import { shownValue, type Report } from './parse-input.js'

export interface Constraint {
  facts: ServiceFacts
  shape: string
  /** What an allowed value looks like, in words, for when the model's pattern rejects one. */
  words?: string
}

const braket = (words: string | undefined, ...path: string[]): Constraint => ({
  facts: braketFacts,
  shape: memberShapeName(braketFacts, 'CreateJobRequest', path),
  ...(words ? { words } : {})
})
const sts = (words: string | undefined, ...path: string[]): Constraint => ({
  facts: stsFacts,
  shape: memberShapeName(stsFacts, 'AssumeRoleWithWebIdentityRequest', path),
  ...(words ? { words } : {})
})

const ROLE_ARN = 'an IAM role ARN such as arn:aws:iam::123456789012:role/name'

export const CONSTRAINTS = {
  jobName: braket('letters, digits and hyphens, starting and ending with a letter or digit, such as vqe-run-1', 'jobName'),
  roleArn: braket(ROLE_ARN, 'roleArn'),
  clientToken: braket(undefined, 'clientToken'),
  device: braket(undefined, 'deviceConfig', 'device'),
  entryPoint: braket(undefined, 'algorithmSpecification', 'scriptModeConfig', 'entryPoint'),
  imageUri: braket(
    'an ECR image URI such as 123456789012.dkr.ecr.us-west-2.amazonaws.com/my-image:tag',
    'algorithmSpecification',
    'containerImage',
    'uri'
  ),
  s3Path: braket('an s3:// URI such as s3://my-bucket/prefix', 'outputDataConfig', 's3Path'),
  kmsKeyId: braket(undefined, 'outputDataConfig', 'kmsKeyId'),
  checkpointLocalPath: braket(undefined, 'checkpointConfig', 'localPath'),
  instanceType: braket(undefined, 'instanceConfig', 'instanceType'),
  instanceCount: braket(undefined, 'instanceConfig', 'instanceCount'),
  volumeSizeInGb: braket(undefined, 'instanceConfig', 'volumeSizeInGb'),
  maxRuntimeInSeconds: braket(undefined, 'stoppingCondition', 'maxRuntimeInSeconds'),
  hyperParameters: braket(undefined, 'hyperParameters'),
  hyperParameterName: braket(undefined, 'hyperParameters', '{key}'),
  hyperParameterValue: braket('one line of text (a line break is not allowed)', 'hyperParameters', '{value}'),
  inputChannels: braket(undefined, 'inputDataConfig'),
  channelName: braket('letters, digits, dots, hyphens and underscores, such as training_data', 'inputDataConfig', '[]', 'channelName'),
  associations: braket(undefined, 'associations'),
  associationArn: braket(
    'a Braket reservation ARN such as arn:aws:braket:us-east-1:123456789012:reservation/<id>',
    'associations',
    '[]',
    'arn'
  ),
  tags: braket(undefined, 'tags'),
  assumedRoleArn: sts(ROLE_ARN, 'RoleArn'),
  roleSessionName: sts('letters, digits and the characters + = , . @ - _ (no spaces)', 'RoleSessionName'),
  roleDurationSeconds: sts(undefined, 'DurationSeconds')
} as const satisfies Record<string, Constraint>

/** The largest size or value the model allows for a constraint (e.g. 100 hyperparameters). */
export function maxOf(constraint: Constraint): number {
  const max = constraint.facts.shapes[constraint.shape]?.max
  if (max === undefined) throw new Error(`${constraint.shape} has no maximum in the model`)
  return max
}

export function allowedValues(constraint: Constraint): readonly string[] {
  return constraint.facts.shapes[constraint.shape]?.enum ?? []
}

/**
 * Checks one value against its model limits; reports the first broken one, in words,
 * as "<what> <value> …". True when the value is allowed.
 */
export function checkConstraint(input: InputName, value: unknown, constraint: Constraint, report: Report, what?: string): boolean {
  const problem = validateShape(constraint.facts, constraint.shape, value)[0]
  if (!problem) return true
  const subject = `${what ? `${what} ` : ''}${shownValue(value)}`
  report({ input, message: `${subject} ${explain(problem, constraint, value)}` })
  return false
}

function explain(problem: ShapeProblem, constraint: Constraint, value: unknown): string {
  const unit = typeof value === 'string' ? 'characters' : 'entries'
  switch (problem.kind) {
    case 'too-long':
      return `is too long: it has ${problem.actual} ${unit}, and at most ${problem.limit} are allowed.`
    case 'too-short':
      return problem.limit === 1 ? 'is empty.' : `is too short: it has ${problem.actual} ${unit}, and at least ${problem.limit} are needed.`
    case 'too-small':
      return `is too small: the least allowed is ${problem.limit}.`
    case 'too-large':
      return `is too large: the most allowed is ${problem.limit}.`
    case 'pattern':
      return `is not allowed: it must be ${constraint.words ?? 'text the Braket API accepts'}.`
    case 'enum':
      return notOneOf(String(value), allowedValues(constraint))
    case 'required':
    case 'type':
      return `is not allowed: it ${problem.message}.`
  }
}

function notOneOf(value: string, allowed: readonly string[]): string {
  const nearest = closestMatches(value, allowed, 3)
  const suggestion = nearest.length > 0 ? ` Did you mean ${nearest.join(', ').replace(/, ([^,]*)$/, ' or $1')}?` : ''
  return `is not one of the ${allowed.length} values Braket allows.${suggestion}`
}

/** The model's range for a number input, for messages such as "a whole number from 1 to 432000". */
export function rangeOf(constraint: Constraint): { min?: number; max?: number } {
  const shape = constraint.facts.shapes[constraint.shape]
  return { ...(shape?.min !== undefined ? { min: shape.min } : {}), ...(shape?.max !== undefined ? { max: shape.max } : {}) }
}
