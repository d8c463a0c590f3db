// Checks a value against a shape of an AWS service model the way the service's
// request validation does: required members, types, lengths, value ranges,
// patterns and enums. Used by the action (last check of the assembled request)
// and by the local stand-in (to answer ValidationException like Braket does).
import type { ServiceFacts, ShapeFacts } from './model-types.js'

export interface ShapeProblem {
  /** Dotted path of the offending member, e.g. `instanceConfig.instanceCount`. */
  path: string
  message: string
  /** Which rule failed, for callers that explain it in their own words. */
  kind: ProblemKind
  /** The limit that was broken (length, count or value), for 'too-short', 'too-long', 'too-small', 'too-large'. */
  limit?: number
  /** The value's length, count or size, for the same kinds. */
  actual?: number
}

export type ProblemKind = 'required' | 'type' | 'too-short' | 'too-long' | 'too-small' | 'too-large' | 'pattern' | 'enum'

const patternCache = new Map<string, RegExp>()

/**
 * The models' patterns are written for Java and are matched against the whole
 * value, as the services do. Java's 5–6 digit `\uXXXXX` escapes (supplementary
 * planes) become `\u{…}` under JavaScript's `u` flag.
 */
export function modelPattern(pattern: string): RegExp {
  let regex = patternCache.get(pattern)
  if (!regex) {
    const source = pattern.replace(/\\u([0-9A-Fa-f]{5,6})/g, '\\u{$1}').replace(/\\\//g, '/')
    regex = new RegExp(`^(?:${source})$`, 'u')
    patternCache.set(pattern, regex)
  }
  return regex
}

export function describeLimits(shape: ShapeFacts): string {
  const parts: string[] = []
  const isNumber = ['integer', 'long', 'double', 'float'].includes(shape.type)
  const unit = shape.type === 'string' ? ' characters' : shape.type === 'list' || shape.type === 'map' ? ' entries' : ''
  if (shape.min !== undefined && shape.max !== undefined)
    parts.push(isNumber ? `${shape.min} to ${shape.max}` : `${shape.min}–${shape.max}${unit}`)
  else if (shape.min !== undefined) parts.push(isNumber ? `at least ${shape.min}` : `at least ${shape.min}${unit}`)
  else if (shape.max !== undefined) parts.push(isNumber ? `at most ${shape.max}` : `at most ${shape.max}${unit}`)
  if (shape.pattern) parts.push(`matching ${shape.pattern}`)
  if (shape.enum) parts.push(`one of ${shape.enum.join(', ')}`)
  return parts.join(', ')
}

function join(path: string, member: string | number): string {
  if (typeof member === 'number') return `${path}[${member}]`
  return path ? `${path}.${member}` : member
}

export function validateShape(facts: ServiceFacts, shapeName: string, value: unknown, path = ''): ShapeProblem[] {
  const shape = facts.shapes[shapeName]
  if (!shape) throw new Error(`unknown shape ${shapeName}`)
  const problems: ShapeProblem[] = []
  const fail = (message: string, kind: ProblemKind, limit?: number, actual?: number) =>
    problems.push({ path: path || '(request)', message, kind, ...(limit !== undefined ? { limit, actual } : {}) })
  const wrongType = (message: string): ShapeProblem[] => [{ path: path || '(request)', message, kind: 'type' }]

  switch (shape.type) {
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrongType('must be an object')
      const record = value as Record<string, unknown>
      for (const required of shape.required ?? []) {
        if (record[required] === undefined || record[required] === null)
          problems.push({ path: join(path, required), message: 'is required', kind: 'required' })
      }
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (record[name] === undefined || record[name] === null) continue
        problems.push(...validateShape(facts, member.shape, record[name], join(path, name)))
      }
      return problems
    }
    case 'list': {
      if (!Array.isArray(value)) return wrongType('must be a list')
      checkSize(shape, value.length, fail)
      value.forEach((item, index) => problems.push(...validateShape(facts, shape.member!.shape, item, join(path, index))))
      return problems
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrongType('must be a map')
      const entries = Object.entries(value as Record<string, unknown>)
      checkSize(shape, entries.length, fail)
      for (const [key, item] of entries) {
        problems.push(...validateShape(facts, shape.key!.shape, key, `${path} key "${key}"`))
        problems.push(...validateShape(facts, shape.value!.shape, item, join(path, key)))
      }
      return problems
    }
    case 'string': {
      if (typeof value !== 'string') return wrongType('must be a string')
      checkSize(shape, [...value].length, fail)
      if (shape.pattern && !modelPattern(shape.pattern).test(value)) fail(`must match the pattern ${shape.pattern}`, 'pattern')
      if (shape.enum && !shape.enum.includes(value)) fail(`must be one of ${shape.enum.join(', ')}`, 'enum')
      return problems
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType('must be a whole number')
      checkRange(shape, value, fail)
      return problems
    }
    case 'double':
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('must be a number')
      checkRange(shape, value, fail)
      return problems
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrongType('must be true or false')
    case 'timestamp':
      return typeof value === 'number' || (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
        ? []
        : wrongType('must be a timestamp')
    case 'blob':
      return typeof value === 'string' ? [] : wrongType('must be base64 text')
  }
}

type Fail = (message: string, kind: ProblemKind, limit?: number, actual?: number) => void

function checkSize(shape: ShapeFacts, size: number, fail: Fail): void {
  const what = shape.type === 'string' ? 'characters' : 'entries'
  if (shape.min !== undefined && size < shape.min)
    fail(`must have at least ${shape.min} ${what} (has ${size})`, 'too-short', shape.min, size)
  if (shape.max !== undefined && size > shape.max) fail(`must have at most ${shape.max} ${what} (has ${size})`, 'too-long', shape.max, size)
}

function checkRange(shape: ShapeFacts, value: number, fail: Fail): void {
  if (shape.min !== undefined && value < shape.min) fail(`must be at least ${shape.min} (is ${value})`, 'too-small', shape.min, value)
  if (shape.max !== undefined && value > shape.max) fail(`must be at most ${shape.max} (is ${value})`, 'too-large', shape.max, value)
}

/** Follows member names from a shape to the name of the shape they lead to, e.g. ['instanceConfig', 'instanceType']. */
export function memberShapeName(facts: ServiceFacts, rootShape: string, memberPath: readonly string[]): string {
  let shapeName = rootShape
  for (const name of memberPath) {
    const shape = facts.shapes[shapeName]
    const next =
      shape?.members?.[name]?.shape ??
      (name === '[]' ? shape?.member?.shape : name === '{key}' ? shape?.key?.shape : name === '{value}' ? shape?.value?.shape : undefined)
    if (!next) throw new Error(`${shapeName} has no member ${name}`)
    shapeName = next
  }
  return shapeName
}

export function memberShape(facts: ServiceFacts, rootShape: string, memberPath: readonly string[]): ShapeFacts {
  return facts.shapes[memberShapeName(facts, rootShape, memberPath)]!
}
