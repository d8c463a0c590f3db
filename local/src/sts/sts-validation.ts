// Request validation as STS reports it: the model's constraints (checked by the
// shared validateShape) rendered in AWS's wording, e.g.
// "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy
// constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*".
import { stsFacts } from '../../../src/facts/aws-facts.js'
import { validateShape, type ShapeProblem } from '../../../src/facts/validate-shape.js'

/**
 * Members whose values STS never echoes back. (The model marks them `sensitive`;
 * the generated facts do not carry that trait.)
 */
const SENSITIVE_MEMBERS = new Set(['WebIdentityToken', 'Policy'])

/** validateShape's wording → AWS's constraint wording. */
function awsConstraint(message: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^is required$/, () => 'Member must not be null'],
    [/^must have at least (\d+) /, (m) => `Member must have length greater than or equal to ${m[1]}`],
    [/^must have at most (\d+) /, (m) => `Member must have length less than or equal to ${m[1]}`],
    [/^must match the pattern (.*)$/s, (m) => `Member must satisfy regular expression pattern: ${m[1]}`],
    [/^must be at least (\S+)/, (m) => `Member must have value greater than or equal to ${m[1]}`],
    [/^must be at most (\S+)/, (m) => `Member must have value less than or equal to ${m[1]}`],
    [/^must be one of (.*)$/s, (m) => `Member must satisfy enum value set: [${m[1]}]`]
  ]
  for (const [pattern, render] of rules) {
    const match = pattern.exec(message)
    if (match) return render(match)
  }
  return `Member ${message}`
}

/** `PolicyArns[0].arn` → `policyArns.1.member.arn`: AWS names members in lower camel case, list items from 1. */
function awsPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, (_, index: string) => `.${Number(index) + 1}.member`)
    .split('.')
    .map((segment) => segment.charAt(0).toLowerCase() + segment.slice(1))
    .join('.')
}

function valueAt(input: Record<string, unknown>, path: string): unknown {
  let value: unknown = input
  for (const segment of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[segment]
  }
  return value
}

function describe(problem: ShapeProblem, input: Record<string, unknown>): string {
  const topMember = problem.path.split(/[.[]/)[0]!
  const value = valueAt(input, problem.path)
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
  const shown = SENSITIVE_MEMBERS.has(topMember)
    ? 'Value'
    : value === undefined || value === null
      ? 'Value null'
      : `Value '${scalar ? String(value) : JSON.stringify(value)}'`
  return `${shown} at '${awsPath(problem.path)}' failed to satisfy constraint: ${awsConstraint(problem.message)}`
}

/** The ValidationError message for this operation input, or undefined when it is valid. */
export function validationMessage(inputShape: string, input: Record<string, unknown>): string | undefined {
  const problems = validateShape(stsFacts, inputShape, input)
  if (problems.length === 0) return undefined
  const count = `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected`
  return `${count}: ${problems.map((problem) => describe(problem, input)).join('; ')}`
}
