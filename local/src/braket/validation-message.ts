// Turns the problems validateShape finds into the message AWS's request
// validation answers with, e.g.
//   1 validation error detected: Value 'x_y' at 'jobName' failed to satisfy constraint:
//   Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,50}
// Paths are as the service names them: nested members dotted, list items
// `inputDataConfig.1.member.channelName` (1-based), map entries as the map.
import type { ServiceFacts, ShapeFacts } from '../../../src/facts/model-types.js'
import { modelPattern, type ShapeProblem } from '../../../src/facts/validate-shape.js'

interface ValueNode {
  /** The member path as the service's message names it. */
  memberPath: string
  value: unknown
  shape: ShapeFacts
  /** Scalars inside a map or list are reported on their container, wrapped. */
  container?: { kind: 'map-key' | 'map-value' | 'list-member'; memberPath: string; value: unknown }
}

const SCALAR_TYPES = new Set(['string', 'integer', 'long', 'double', 'float', 'boolean', 'timestamp', 'blob'])

/** Indexes every member of the value by the path validateShape uses for it. */
function indexValue(
  facts: ServiceFacts,
  shapeName: string,
  value: unknown,
  path: string,
  memberPath: string,
  into: Map<string, ValueNode>,
  container?: ValueNode['container']
): void {
  const shape = facts.shapes[shapeName]
  if (!shape) return
  into.set(path || '(request)', { memberPath: memberPath || '(request)', value, shape, container })
  if (value === null || value === undefined || typeof value !== 'object') return
  if (shape.type === 'structure' && !Array.isArray(value)) {
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const childPath = path ? `${path}.${name}` : name
      const childMemberPath = memberPath ? `${memberPath}.${name}` : name
      indexValue(facts, member.shape, (value as Record<string, unknown>)[name], childPath, childMemberPath, into)
    }
  } else if (shape.type === 'list' && Array.isArray(value) && shape.member) {
    const itemShape = facts.shapes[shape.member.shape]
    value.forEach((item, index) => {
      const wrap = itemShape && SCALAR_TYPES.has(itemShape.type) ? { kind: 'list-member' as const, memberPath, value } : undefined
      indexValue(facts, shape.member!.shape, item, `${path}[${index}]`, `${memberPath}.${index + 1}.member`, into, wrap)
    })
  } else if (shape.type === 'map' && !Array.isArray(value) && shape.key && shape.value) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      indexValue(facts, shape.key.shape, key, `${path} key "${key}"`, memberPath, into, { kind: 'map-key', memberPath, value })
      const valueShape = facts.shapes[shape.value.shape]
      const wrap = valueShape && SCALAR_TYPES.has(valueShape.type) ? { kind: 'map-value' as const, memberPath, value } : undefined
      indexValue(facts, shape.value.shape, item, `${path}.${key}`, `${memberPath}.${key}`, into, wrap)
    }
  }
}

/** How the service prints a value: Java's toString, quoted. */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  return `'${javaString(value)}'`
}

function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(', ')}}`
  return String(value)
}

/** The constraints of `shape` that `value` breaks, in the service's words. */
export function violatedConstraints(shape: ShapeFacts, value: unknown): string[] {
  if (value === null || value === undefined) return ['Member must not be null']
  const out: string[] = []
  const size =
    typeof value === 'string'
      ? [...value].length
      : Array.isArray(value)
        ? value.length
        : shape.type === 'map' && typeof value === 'object'
          ? Object.keys(value).length
          : undefined
  if (['string', 'list', 'map'].includes(shape.type) && size !== undefined) {
    if (shape.max !== undefined && size > shape.max) out.push(`Member must have length less than or equal to ${shape.max}`)
    if (shape.min !== undefined && size < shape.min) out.push(`Member must have length greater than or equal to ${shape.min}`)
  }
  if (typeof value === 'number' && ['integer', 'long', 'double', 'float'].includes(shape.type)) {
    if (shape.max !== undefined && value > shape.max) out.push(`Member must have value less than or equal to ${shape.max}`)
    if (shape.min !== undefined && value < shape.min) out.push(`Member must have value greater than or equal to ${shape.min}`)
  }
  if (typeof value === 'string' && shape.pattern && !modelPattern(shape.pattern).test(value))
    out.push(`Member must satisfy regular expression pattern: ${shape.pattern}`)
  if (typeof value === 'string' && shape.enum && !shape.enum.includes(value))
    out.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`)
  return out
}

const WRAPPER: Record<NonNullable<ValueNode['container']>['kind'], string> = {
  'map-key': 'Map keys must satisfy constraint',
  'map-value': 'Map value must satisfy constraint',
  'list-member': 'Member must satisfy constraint'
}

/** The ValidationException message for the problems validateShape found in `value` (a `shapeName`). */
export function validationMessage(facts: ServiceFacts, shapeName: string, value: unknown, problems: readonly ShapeProblem[]): string {
  const nodes = new Map<string, ValueNode>()
  indexValue(facts, shapeName, value, '', '', nodes)

  // One entry per reported member (containers gather their scalars' constraints).
  const entries = new Map<string, { subject: string; constraints: Set<string>; wrapper?: string }>()
  const add = (key: string, subject: string, constraints: string[], wrapper?: string) => {
    const entry = entries.get(key) ?? { subject, constraints: new Set<string>(), wrapper }
    for (const constraint of constraints) entry.constraints.add(constraint)
    entries.set(key, entry)
  }
  for (const problem of problems) {
    const node = nodes.get(problem.path)
    if (!node) {
      add(`?${problem.path}`, `Value at '${problem.path}'`, [`Member ${problem.message}`])
      continue
    }
    const constraints = violatedConstraints(node.shape, node.value)
    const found = constraints.length > 0 ? constraints : [`Member ${problem.message}`]
    if (node.container) {
      const { kind, memberPath, value: containerValue } = node.container
      add(`${kind}:${memberPath}`, `Value ${renderValue(containerValue)} at '${memberPath}'`, found, WRAPPER[kind])
    } else {
      for (const constraint of found)
        add(`${node.memberPath}:${constraint}`, `Value ${renderValue(node.value)} at '${node.memberPath}'`, [constraint])
    }
  }

  const messages = [...entries.values()].map(({ subject, constraints, wrapper }) =>
    wrapper
      ? `${subject} failed to satisfy constraint: ${wrapper}: [${[...constraints].join(', ')}]`
      : `${subject} failed to satisfy constraint: ${[...constraints][0]}`
  )
  const count = messages.length
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${messages.join('; ')}`
}
