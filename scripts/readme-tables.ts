// The README's inputs and outputs tables, rendered from action.yml.
// `npm run readme` rewrites them; a test fails when they drift apart.
import { parse } from 'yaml'

interface ActionMetadata {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const metadata = parse(actionYml) as ActionMetadata
  const inputs = [
    '| input | required | default | description |',
    '|---|---|---|---|',
    ...Object.entries(metadata.inputs).map(
      ([name, input]) =>
        `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${input.default !== undefined ? `\`${cell(String(input.default))}\`` : ''} | ` +
        `${cell(input.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '|---|---|',
    ...Object.entries(metadata.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  ].join('\n')
  return { inputs, outputs }
}

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} section`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

export function renderReadme(readme: string, actionYml: string): string {
  const tables = renderTables(actionYml)
  return replaceBetween(replaceBetween(readme, 'inputs', tables.inputs), 'outputs', tables.outputs)
}
