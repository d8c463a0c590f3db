// Turns raw input strings into values, reporting problems by input name.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import { quoted } from '../common/untrusted.js'
import type { InputName } from './action-inputs.js'
import type { InputProblem } from './input-error.js'

export type Report = (problem: InputProblem) => void

/** A value as a message shows it: text quoted with line breaks and controls escaped (inputs may carry event text). */
export function shownValue(value: unknown): string {
  return typeof value === 'string' ? quoted(value, 120) : String(value)
}

/** A whole number within [min, max] (either may be open); the message says the allowed range in words. */
export function parseWholeNumber(
  input: InputName,
  raw: string,
  report: Report,
  range: { min?: number; max?: number } = {}
): number | undefined {
  const value = /^\d+$/.test(raw) ? Number(raw) : undefined
  if (value !== undefined && (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max))
    return value
  const allowed =
    range.min !== undefined && range.max !== undefined
      ? `from ${range.min} to ${range.max}`
      : range.min !== undefined
        ? `of at least ${range.min}`
        : range.max !== undefined
          ? `of at most ${range.max}`
          : ''
  report({ input, message: `${shownValue(raw)} is not allowed: give a whole number${allowed ? ` ${allowed}` : ''}.` })
  return undefined
}

/** The YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(input: InputName, raw: string, report: Report): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE', ''].includes(raw)) return false
  report({ input, message: `${shownValue(raw)} is not a boolean: give true or false.` })
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
  const duplicate = document.errors.find((error) => error.code === 'DUPLICATE_KEY')
  if (duplicate) {
    report({ input, message: `names an entry twice (${duplicate.message.split('\n')[0]}); give each name once.` })
    return {}
  }
  if (document.errors.length > 0) {
    const reason = document.errors[0]?.message.split('\n')[0] ?? 'unreadable'
    report({ input, message: `is not valid YAML or JSON (${reason}); give a mapping such as "shots: 1000".` })
    return {}
  }
  if (!isMap(document.contents)) {
    report({ input, message: 'is not a mapping: give a YAML or JSON mapping of names to values, such as "shots: 1000".' })
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
      report({ input, message: `${shownValue(key)} has no value; give one after the colon.` })
      continue
    }
    result[key] = isScalar(value) ? scalarText(value) : isSeq(value) || isMap(value) ? JSON.stringify(value.toJSON()) : String(value)
  }
  return result
}

function scalarText(node: { value: unknown; source?: string }): string {
  return typeof node.source === 'string' ? node.source : String(node.value)
}
