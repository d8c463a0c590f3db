// Reads and validates CloudWatch Logs request members the way the service does:
// one InvalidParameterException naming the member and the broken constraint.
// The constraints come from the CloudWatch Logs API reference (the model is
// not among the project's generated facts).
import { invalidParameter, serializationError } from './logs-errors.js'

export interface StringConstraint {
  min?: number
  max?: number
  pattern?: RegExp
}

export const CONSTRAINTS = {
  logGroupName: { min: 1, max: 512, pattern: /^[.\-_/#A-Za-z0-9]+$/ },
  logGroupIdentifier: { min: 1, max: 2048, pattern: /^[\w#+=/:,.@-]*$/ },
  logStreamName: { min: 1, max: 512, pattern: /^[^:*]*$/ },
  logStreamNamePrefix: { min: 1, max: 512, pattern: /^[^:*]*$/ },
  nextToken: { min: 1 },
  filterPattern: { min: 0, max: 1024 },
  /** DescribeLimit */
  describeLimit: { min: 1, max: 50 },
  /** EventsLimit */
  eventsLimit: { min: 1, max: 10000 },
  /** InputLogStreamNames */
  logStreamNames: { min: 1, max: 100 },
  timestamp: { min: 0 }
} as const

export type RequestBody = Record<string, unknown>

export function parseBody(body: Buffer | undefined): RequestBody {
  const text = body?.toString('utf8') ?? ''
  if (text.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw serializationError('Start of structure or map found where not expected.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw serializationError('Start of structure or map found where not expected.')
  return parsed as RequestBody
}

const violation = (value: unknown, member: string, constraint: string) =>
  invalidParameter(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`)

function checkedString(value: unknown, member: string, constraint: StringConstraint): string {
  if (typeof value !== 'string') throw serializationError(`Unexpected value type for '${member}': expected a string.`)
  if (constraint.min !== undefined && value.length < constraint.min)
    throw violation(value, member, `Member must have length greater than or equal to ${constraint.min}`)
  if (constraint.max !== undefined && value.length > constraint.max)
    throw violation(value, member, `Member must have length less than or equal to ${constraint.max}`)
  if (constraint.pattern && !constraint.pattern.test(value))
    throw violation(value, member, `Member must satisfy regular expression pattern: ${constraint.pattern.source.replace(/^\^|\$$/g, '')}`)
  return value
}

export function optionalString(body: RequestBody, member: string, constraint: StringConstraint = {}): string | undefined {
  const value = body[member]
  return value === undefined || value === null ? undefined : checkedString(value, member, constraint)
}

export function requiredString(body: RequestBody, member: string, constraint: StringConstraint = {}): string {
  const value = optionalString(body, member, constraint)
  if (value === undefined) throw violation('null', member, 'Member must not be null')
  return value
}

export function optionalInteger(body: RequestBody, member: string, range: { min?: number; max?: number } = {}): number | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw serializationError(`Unexpected value type for '${member}': expected an integer.`)
  if (range.min !== undefined && value < range.min)
    throw violation(value, member, `Member must have value greater than or equal to ${range.min}`)
  if (range.max !== undefined && value > range.max)
    throw violation(value, member, `Member must have value less than or equal to ${range.max}`)
  return value
}

export function optionalBoolean(body: RequestBody, member: string): boolean | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw serializationError(`Unexpected value type for '${member}': expected a boolean.`)
  return value
}

export function optionalStringList(
  body: RequestBody,
  member: string,
  size: { min: number; max: number },
  item: StringConstraint
): string[] | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw serializationError(`Unexpected value type for '${member}': expected a list.`)
  if (value.length < size.min)
    throw violation(`[${value.join(', ')}]`, member, `Member must have length greater than or equal to ${size.min}`)
  if (value.length > size.max) throw violation(`[${value.join(', ')}]`, member, `Member must have length less than or equal to ${size.max}`)
  return value.map((entry, index) => checkedString(entry, `${member}.${index + 1}.member`, item))
}

export function optionalEnum<T extends string>(body: RequestBody, member: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(body, member)
  if (value === undefined) return undefined
  if (!allowed.includes(value as T)) throw violation(value, member, `Member must satisfy enum value set: [${allowed.join(', ')}]`)
  return value as T
}

/**
 * The group a request names, by `logGroupName` or `logGroupIdentifier` (name or
 * ARN): exactly one of the two, as the service insists.
 */
export function logGroupOf(body: RequestBody): string {
  const name = optionalString(body, 'logGroupName', CONSTRAINTS.logGroupName)
  const identifier = optionalString(body, 'logGroupIdentifier', CONSTRAINTS.logGroupIdentifier)
  if (name !== undefined && identifier !== undefined)
    throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.')
  if (name !== undefined) return name
  if (identifier === undefined) throw invalidParameter('Either LogGroupName or LogGroupIdentifier must be provided.')
  const arn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(identifier)
  return arn ? arn[1]! : identifier
}
