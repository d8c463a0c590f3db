import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { renderReadme, renderTables } from '../scripts/readme-tables.js'

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8')
  const actionYml = readFileSync('action.yml', 'utf8')

  it('has the inputs and outputs tables of action.yml (npm run readme)', () => {
    expect(readme).toBe(renderReadme(readme, actionYml))
    const tables = renderTables(actionYml)
    expect(tables.inputs).toContain('| `execution-role-arn` | yes |')
    expect(tables.outputs).toContain('| `job-arn` |')
  })

  it('starts with the set-up commands, and the test command is what CI runs', () => {
    const head = readme.split('\n').slice(0, 20).join('\n')
    expect(head).toContain('npm ci')
    expect(head).toContain('npm test')
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m)
  })
})
