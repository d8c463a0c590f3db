// FilterLogEvents' filterPattern, the term-matching part of the syntax:
//   ERROR              events containing ERROR (case-sensitive)
//   ERROR Exception    events containing both
//   "Failed to load"   the exact phrase
//   ?ERROR ?WARN       events containing at least one of the ?-terms
//   ERROR -Retrying    events containing ERROR but not Retrying
// JSON patterns ({ $.x = … }), space-delimited patterns ([a, b]) and regular
// expressions (%…%) are not imitated; they are refused rather than misread.
import { invalidParameter } from './logs-errors.js'

export type EventMatcher = (message: string) => boolean

function terms(pattern: string): string[] {
  const found: string[] = []
  const termPattern = /(-|\?)?(?:"((?:[^"\\]|\\.)*)"|(\S+))/g
  for (const match of pattern.matchAll(termPattern)) {
    const [, prefix = '', quoted, bare] = match
    const text = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare!
    found.push(prefix + text)
  }
  return found
}

export function compileFilterPattern(pattern: string | undefined): EventMatcher {
  const trimmed = (pattern ?? '').trim()
  if (trimmed === '') return () => true
  if (/^[{[%]/.test(trimmed)) {
    throw invalidParameter(
      `The stand-in only imitates term filter patterns, not ${JSON.stringify(trimmed)} (JSON, space-delimited and regular-expression ` +
        `patterns are not supported).`
    )
  }
  const required: string[] = []
  const excluded: string[] = []
  const anyOf: string[] = []
  for (const term of terms(trimmed)) {
    if (term.startsWith('?') && term.length > 1) anyOf.push(term.slice(1))
    else if (term.startsWith('-') && term.length > 1) excluded.push(term.slice(1))
    else required.push(term)
  }
  return (message) =>
    required.every((t) => message.includes(t)) &&
    !excluded.some((t) => message.includes(t)) &&
    (anyOf.length === 0 || anyOf.some((t) => message.includes(t)))
}
