// Text that comes from the repository, the job or AWS (file names, hyperparameters,
// log lines, failure reasons, results) is someone else's: before it reaches the step
// log it must not be able to start a workflow command (`::warning::…`, `##[…]`), and
// before it reaches the summary or a comment it must not be able to open Markdown or
// HTML of its own, mention people, or break out of a table cell.

/** Characters that end or fake a line, and other C0/C1 controls, as visible escapes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

function escapeControl(char: string): string {
  switch (char) {
    case '\n':
      return '\\n'
    case '\r':
      return '\\r'
    case '\t':
      return '\\t'
    default:
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  }
}

/** One line: controls as visible escapes, long text cut to `max` characters. */
function oneLine(text: string, max: number): string {
  const single = text.replace(CONTROL, escapeControl)
  return single.length > max ? `${single.slice(0, max - 1)}…` : single
}

/**
 * The runner reads `##[name]…` as a (legacy) command anywhere in a line, and
 * `::name::…` at a line's start after blanks: the first is broken up wherever it
 * is, the second where the text starts, in case it is printed at a line's start.
 */
function defuseCommands(line: string): string {
  return line.replace(/##\[/g, '##\\[').replace(/^(\s*)::/, '$1\\::')
}

/**
 * One line of untrusted text, safe anywhere in a line the action prints: no line
 * break (so it can never begin a line of its own, where the runner looks for
 * commands), no command the runner would find in it, no terminal control sequences.
 * Long text is cut to `max` characters.
 */
export function logText(text: string, max = 500): string {
  return defuseCommands(oneLine(text, max))
}

/** Untrusted text as a quoted, escaped string for the log: `"notes\n::warning::x.tmp"`. */
export function quoted(text: string, max = 500): string {
  return defuseCommands(`"${oneLine(text.replace(/\\/g, '\\\\').replace(/"/g, '\\"'), max)}"`)
}

/** Breaks what GitHub would turn into a link by itself (http://…, www.…), with character references Markdown shows as they are. */
function noAutolink(text: string): string {
  return text.replace(/(https?):\/\//gi, '$1&#58;//').replace(/www\./gi, (www) => `${www.slice(0, 3)}&#46;`)
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Untrusted text for Markdown (summary, PR comment), as plain words: HTML escaped,
 * Markdown's punctuation backslash-escaped, `@` kept from mentioning anyone, line
 * breaks folded, `|` escaped so it stays inside a table cell, and no autolinks.
 */
export function markdownText(text: string, max = 500): string {
  const single = oneLine(text, max)
  const escaped = single.replace(/[\\`*_[\]#!|~]/g, '\\$&').replace(/^(\s*)([-+>]|\d+\.)/, '$1\\$2')
  return noAutolink(escapeHtml(escaped)).replace(/@/g, '@\u200b')
}

/**
 * Untrusted text as inline code in Markdown or HTML: `<code>` with its content escaped.
 * Outside an HTML block, Markdown still reads what is between the tags: its punctuation
 * (and what would make an autolink) goes in as character references, which Markdown
 * shows as they are.
 */
export function codeText(text: string, max = 500): string {
  return `<code>${noAutolink(escapeHtml(oneLine(text, max)).replace(/[\\`*_[\]|~@]/g, (char) => `&#${char.charCodeAt(0)};`))}</code>`
}

/** Untrusted multi-line text for a `<pre>` block: escaped (no code fence either), and every line kept. */
export function preText(text: string): string {
  return `<pre>${escapeHtml(text).replace(/[@`]/g, (char) => `&#${char.charCodeAt(0)};`)}</pre>`
}

/**
 * JSON text for the step log, still valid and meaning the same: a `##[` inside a
 * string (the only place it can be) is written `\u0023#[`. Its lines can't start
 * with `::` (strings are quoted) nor break (JSON escapes line breaks).
 */
export function jsonForLog(json: string): string {
  return json.replace(/##\[/g, '\\u0023#[')
}
