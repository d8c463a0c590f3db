// `npm run local -- --inputs FILE`: a step's inputs from YAML, the way a workflow's `with:` gives them.
import { parse } from 'yaml'

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Inputs from a YAML file: `name: value` lines, or a workflow step whose `with:` holds them. */
export function parseInputsFile(text: string, file: string): Record<string, string> {
  const document: unknown = parse(text)
  if (!isMapping(document)) throw new Error(`${file}: expected a mapping of input names to values (or a step with "with:").`)
  const inputs = isMapping(document.with) ? document.with : document
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(inputs)) {
    if (name === 'uses' || name === 'id' || name === 'name') continue
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[name] = String(value)
    else if (value === null) values[name] = ''
    else
      throw new Error(
        `${file}: input "${name}" is ${Array.isArray(value) ? 'a list' : 'a mapping'}; ` +
          `write it as text ("${name}: |" and the lines below), as a workflow's "with:" needs it.`
      )
  }
  return values
}
