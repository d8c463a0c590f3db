// A Markdown table. Its cells must be neutralised already (markdownText escapes `|`,
// codeText writes it as an entity), so no value can add a column; line breaks are
// folded, since a table row is one line. Pure.

export type Align = 'left' | 'right'

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const rule = header.map((_, index) => (align[index] === 'right' ? '--:' : '---'))
  return [header, rule, ...rows].map((cells) => `| ${cells.map((text) => text.replace(/\r?\n/g, ' ')).join(' | ')} |`).join('\n')
}
