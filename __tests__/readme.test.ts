// The README as a new user reads and follows it: its order, its tables, and workflow examples that
// work when copied (the same checks run on the repository's own workflows that use the action).
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { renderReadme, renderTables } from '../scripts/readme-tables.js'
import type { InputName } from '../src/inputs/action-inputs.js'
import { ATTACH_INPUTS } from '../src/inputs/attach-section.js'
import { fencedBlocks } from './support/doc-blocks.js'

const readme = readFileSync('README.md', 'utf8')
const actionYml = readFileSync('action.yml', 'utf8')
const action = parse(actionYml) as { inputs: Record<string, { required?: boolean }>; runs: { using: string } }

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  jobs: Record<string, { strategy?: { matrix?: Record<string, unknown> }; steps: Step[] }>
}

const usesThisAction = (step: Step) => step.uses === 'OWNER/REPO@v1' || step.uses === './'

/** Parameter names of `def <name>(...)` in a Python file. */
function pythonParameters(file: string, functionName: string): string[] {
  const signature = new RegExp(`^def ${functionName}\\(([^)]*)\\)`, 'm').exec(readFileSync(file, 'utf8'))
  if (!signature) throw new Error(`${file} has no function ${functionName}`)
  return signature[1]!
    .split(',')
    .map((parameter) => parameter.trim().split(/[:=]/)[0]!.trim())
    .filter(Boolean)
}

/** What would make a step that follows an existing job (job-arn, attach) fail when copied as it is. */
function attachProblemsOf(inputs: Record<string, string>): string[] {
  const problems = Object.keys(inputs)
    .filter((name) => !ATTACH_INPUTS.has(name as InputName))
    .map((name) => `${name} is for submitting a job`)
  // The region of job-arn's job comes from its ARN; attach: latest searches aws-region.
  if (!inputs['job-arn'] && !inputs['aws-region']) problems.push('no aws-region')
  if (inputs['download-results'] && inputs.wait !== 'true') problems.push('download-results without wait: true')
  return problems
}

/** What would make a step fail (or do something else than it says) when copied as it is. */
function problemsOf(step: Step, job: Workflow['jobs'][string]): string[] {
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, String(value)]))
  const problems: string[] = []
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) problems.push(`unknown input ${name}`)
  if (inputs['job-arn'] || inputs.attach) return [...problems, ...attachProblemsOf(inputs)]
  for (const [name, input] of Object.entries(action.inputs)) if (input.required && !inputs[name]) problems.push(`no ${name}`)
  // A GitHub-hosted runner has no AWS_REGION.
  if (!inputs['aws-region']) problems.push('no aws-region')
  if (inputs['download-results'] && inputs.wait !== 'true') problems.push('download-results without wait: true')

  const sourceDir = inputs['source-dir'] ?? ''
  const [module = '', functionName = 'main'] = (inputs['entry-point'] ?? '').split(':')
  const moduleFile = join(dirname(sourceDir), ...module.split('.')) + '.py'
  if (!existsSync(moduleFile)) problems.push(`entry point ${module} is not ${moduleFile} in this repository`)
  else {
    const parameters = pythonParameters(moduleFile, functionName)
    const hyperparameters = Object.keys((parse(inputs.hyperparameters ?? '') as Record<string, unknown> | null) ?? {})
    for (const name of hyperparameters) if (!parameters.includes(name)) problems.push(`${functionName}() takes no ${name}`)
  }
  const matrix = Object.keys(job.strategy?.matrix ?? {})
  for (const [, key] of JSON.stringify(step).matchAll(/\$\{\{\s*matrix\.([\w-]+)/g))
    if (!matrix.includes(key!)) problems.push(`matrix.${key} is not in the job's matrix`)
  return problems
}

function checkWorkflow(workflow: Workflow): { steps: number; problems: string[] } {
  let steps = 0
  const problems: string[] = []
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps) {
      if (step.uses?.startsWith('actions/checkout@') && step.uses !== 'actions/checkout@v7') problems.push(`${step.uses}: use v7`)
      if (!usesThisAction(step)) continue
      steps++
      problems.push(...problemsOf(step, job))
    }
  }
  return { steps, problems }
}

const h2 = [...readme.matchAll(/^## (.+)$/gm)].map(([, title]) => title!)

describe('README', () => {
  it('has the inputs and outputs tables of action.yml (npm run readme)', () => {
    expect(readme).toBe(renderReadme(readme, actionYml))
    const tables = renderTables(actionYml)
    expect(tables.inputs).toContain(
      '| `execution-role-arn` | no |  | IAM role Braket runs the job as (CreateJob roleArn). Required to submit'
    )
    expect(tables.outputs).toMatch(/\| `job-arn` \| .*Not set in a dry run/)
    expect(tables.outputs).toMatch(/\| `status` \| .*DRY_RUN in a dry run/)
  })

  it('opens with what the action does and a quick start, then the set-up commands that CI runs', () => {
    expect(readme.split('\n', 3)[2]).toMatch(/^A GitHub Action that submits an \[Amazon Braket hybrid job\]/)
    expect(h2.slice(0, 3)).toEqual(['Quick start', 'Set up and test this repository', 'Usage'])
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Set up'))
    expect(quickStart.match(/^\d\. /gm)).toHaveLength(5)
    const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## Usage'))
    expect(/```sh\n([\s\S]*?)```/.exec(setUp)?.[1]).toBe('npm ci\nnpm test\n')
    // CI calls the README's test command, as it is written there, and measures coverage with it.
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test -- --coverage$/m)
  })

  it('keeps its sections in a reader’s order, development last', () => {
    const order = ['Usage', 'Inputs', 'Outputs', 'IAM set-up', 'Versioning', 'Security', 'License', 'Development']
    const positions = order.map((title) => h2.indexOf(title))
    expect(positions).not.toContain(-1)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(h2.at(-1)).toBe('Development')
  })

  it('states the S3 layout on its own terms', () => {
    expect(readme).toContain('## Where things go in S3')
    expect(readme).not.toMatch(/as with the Braket SDK/i)
  })

  it('has workflow examples that work when copied: known inputs, a region, the example algorithm’s own parameters', () => {
    // A block is a workflow, or the steps to add to one.
    const examples = fencedBlocks('README.md', 'yaml').map((text) => {
      const parsed = parse(text) as Workflow | Step[]
      return Array.isArray(parsed) ? { jobs: { steps: { steps: parsed } } } : parsed
    })
    expect(examples.length).toBeGreaterThanOrEqual(5)
    for (const [index, example] of examples.entries()) {
      const checked = checkWorkflow(example)
      // Every example shows this action at work.
      expect({ example: index + 1, steps: checked.steps > 0, problems: checked.problems }).toEqual({
        example: index + 1,
        steps: true,
        problems: []
      })
    }
  })

  it('finds what is wrong in an example that would fail', () => {
    const broken: Workflow = {
      jobs: {
        submit: {
          steps: [
            { uses: 'actions/checkout@v4' },
            {
              uses: 'OWNER/REPO@v1',
              with: {
                'execution-role-arn': 'arn:aws:iam::123456789012:role/x',
                device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
                'source-dir': 'examples/algorithms/vqe',
                'entry-point': 'vqe.main:run',
                hyperparameters: 'shots: 10\nlayers: 3\n',
                'idempotency-key': '${{ matrix.name }}',
                'download-results': 'results'
              }
            }
          ]
        }
      }
    }
    expect(checkWorkflow(broken).problems).toEqual([
      'actions/checkout@v4: use v7',
      'no aws-region',
      'download-results without wait: true',
      'run() takes no layers',
      "matrix.name is not in the job's matrix"
    ])
    const follows = (inputs: Record<string, string>): Workflow => ({
      jobs: { follow: { steps: [{ uses: 'OWNER/REPO@v1', with: inputs }] } }
    })
    expect(checkWorkflow(follows({ attach: 'latest', 'source-dir': 'examples/algorithms/vqe', wait: 'true' })).problems).toEqual([
      'source-dir is for submitting a job',
      'no aws-region'
    ])
    expect(checkWorkflow(follows({ 'job-arn': '${{ needs.submit.outputs.job-arn }}', wait: 'true' })).problems).toEqual([])
  })
})

describe('the repository’s workflows that use the action', () => {
  it('pass the same checks as the README’s examples', () => {
    const dir = '.github/workflows'
    let steps = 0
    for (const file of readdirSync(dir)) {
      const checked = checkWorkflow(parse(readFileSync(join(dir, file), 'utf8')) as Workflow)
      steps += checked.steps
      expect({ file, problems: checked.problems }).toEqual({ file, problems: [] })
    }
    expect(steps).toBeGreaterThanOrEqual(2)
  })

  it('the action runs on node24, the Node the project is set to', () => {
    expect(action.runs.using).toBe('node24')
    expect(readFileSync('.node-version', 'utf8').trim()).toBe('24')
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'))
    expect(manifest.engines.node).toBe('>=24')
    expect(manifest.devDependencies['@types/node']).toMatch(/^\^24\./)
  })
})
