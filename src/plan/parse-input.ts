// Turns raw input strings into values, reporting problems by input name.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import type { InputName } from '../inputs/action-inputs.js'
import type { InputProblem } from './input-error.js'

export type Report = (problem: InputProblem) => void

export function parseWholeNumber(input: InputName, raw: string, report: Report): number | undefined {
  if (!/^\d+$/.test(raw)) {
    report({ input, message: `"${raw}" is not a whole number.` })
    return undefined
  }
  return Number(raw)
}

/** The YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(input: InputName, raw: string, report: Report): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE', ''].includes(raw)) return false
  report({ input, message: `"${raw}" is not a boolean. Allowed: true or false.` })
  return false
}

export function parseLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/**
 * A YAML or JSON mapping of names to scalars. Scalars keep the text they were
 * written with (`lr: 1.0` stays "1.0"), lists and maps become JSON, so the job
 * sees exactly what the workflow says.
 */
export function parseStringMap(input: InputName, raw: string, report: Report): Record<string, string> {
  if (raw.trim() === '') return {}
  const document = parseDocument(raw, { uniqueKeys: true, prettyErrors: false })
  if (document.errors.length > 0) {
    report({
      input,
      message: `is not valid YAML or JSON: ${document.errors[0]!.message.split('\n')[0]}. Expected a mapping such as "shots: 1000".`
    })
    return {}
  }
  if (!isMap(document.contents)) {
    report({ input, message: 'must be a YAML or JSON mapping of names to values, such as "shots: 1000".' })
    return {}
  }
  const result: Record<string, string> = {}
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    if (key === undefined || key === '' || key === 'null') {
      report({ input, message: 'has an entry without a name; every entry needs a name.' })
      continue
    }
    const value = pair.value as Node | null
    if (value === null || (isScalar(value) && value.value === null)) {
      report({ input, message: `"${key}" has no value.` })
      continue
    }
    result[key] = isScalar(value) ? scalarText(value) : isSeq(value) || isMap(value) ? JSON.stringify(value.toJSON()) : String(value)
  }
  return result
}

function scalarText(node: { value: unknown; source?: string }): string {
  return typeof node.source === 'string' ? node.source : String(node.value)
}
