// A look at results.json for people reading the summary or the comment: JSON, indented,
// numbers at 6 significant digits (the float noise of an optimiser's output,
// -2.6444999999999994, says nothing to a reviewer), long arrays shown by their ends and
// length, long strings and deep or wide objects cut. What is left out is said in
// /* comments */, so the rest reads — and parses, once they are removed — as JSON. Pure.

const MAX_ARRAY_ITEMS = 6
const ARRAY_ENDS = { head: 3, tail: 2 }
const MAX_KEYS = 20
const MAX_DEPTH = 4
const MAX_STRING_CHARS = 120
/** A line this long or shorter holds a whole array or object; wider ones are indented. */
const INLINE_WIDTH = 100
const MAX_LINES = 60

export const SIGNIFICANT_DIGITS = 6

/** A number at 6 significant digits, as JSON writes it: 0.9724999999999999 → 0.9725. */
export function roundNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(SIGNIFICANT_DIGITS)) : value
}

const comment = (text: string) => `/* ${text} */`

function scalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(roundNumber(value)) : 'null'
  if (typeof value === 'string') {
    const cut = value.length > MAX_STRING_CHARS ? `${value.slice(0, MAX_STRING_CHARS - 1)}…` : value
    return JSON.stringify(cut)
  }
  return JSON.stringify(value) ?? 'null'
}

/** Stands for the items of a long array that are not shown. */
class Omitted {
  constructor(readonly text: string) {}
}

/** The items shown, with a comment standing for those left out. */
function arrayItems(items: readonly unknown[]): unknown[] {
  if (items.length <= MAX_ARRAY_ITEMS) return [...items]
  const omitted = items.length - ARRAY_ENDS.head - ARRAY_ENDS.tail
  return [
    ...items.slice(0, ARRAY_ENDS.head),
    new Omitted(`${omitted} more of ${items.length} values`),
    ...items.slice(items.length - ARRAY_ENDS.tail)
  ]
}

function render(value: unknown, depth: number, indent: string): string {
  if (value === null || typeof value !== 'object') return scalar(value)
  const inner = `${indent}  `
  let parts: string[]
  let open: string
  let close: string
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (depth >= MAX_DEPTH) return `[${comment(`${value.length} values`)}]`
    ;[open, close] = ['[', ']']
    parts = arrayItems(value).map((item) => (item instanceof Omitted ? comment(item.text) : render(item, depth + 1, inner)))
  } else {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    if (depth >= MAX_DEPTH) return `{${comment(`${entries.length} key${entries.length === 1 ? '' : 's'}`)}}`
    ;[open, close] = ['{', '}']
    parts = entries.slice(0, MAX_KEYS).map(([key, entry]) => `${scalar(key)}: ${render(entry, depth + 1, inner)}`)
    if (entries.length > MAX_KEYS) parts.push(comment(`${entries.length - MAX_KEYS} more keys`))
  }
  // Comments carry no comma, and no value before only comments does: the text stays JSON once they are taken out.
  const isComment = (part: string) => part.startsWith('/*')
  const lastValue = parts.length - 1 - [...parts].reverse().findIndex((part) => !isComment(part))
  const joined = (separator: string) =>
    parts.map((part, index) => (index < lastValue && !isComment(part) ? `${part},` : part)).join(separator)
  const inline = `${open}${joined(' ')}${close}`
  // The document's own keys one per line; what is inside them on one line when it fits.
  const topObject = depth === 0 && open === '{'
  if (!topObject && !inline.includes('\n') && inline.length + indent.length <= INLINE_WIDTH) return inline
  return `${open}\n${inner}${joined(`\n${inner}`)}\n${indent}${close}`
}

/** The preview's text; a document that is not JSON is shown as its first lines. */
export function jsonPreview(text: string): string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return `${comment('not valid JSON; its first lines:')}\n${text.split('\n').slice(0, 15).join('\n')}`
  }
  const lines = render(value, 0, '').split('\n')
  if (lines.length <= MAX_LINES) return lines.join('\n')
  return [...lines.slice(0, MAX_LINES - 1), comment(`${lines.length - MAX_LINES + 1} more lines`)].join('\n')
}
