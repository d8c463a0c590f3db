// `npm run local`: a newcomer's first run. Starts the local AWS stand-in in execute mode, then runs
// the bundled action against it the way a workflow would — OIDC token → role → archive → S3 →
// Braket CreateJob — and follows the job to its end: its log streamed, its metrics charted, its
// results downloaded. By default on the example algorithm; `--inputs FILE` gives one's own inputs.
// What the run leaves (results, step summary, outputs) is kept, and where is printed at the end.
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseInputsFile } from './inputs-file.js'
import { githubEnv, startAction, type ActionRun } from './run-action.js'
import { start } from './stand-in.js'

const USAGE = `Usage: npm run local -- [--inputs FILE] [--workspace DIR] [--once]

Runs dist/index.js against the local AWS stand-in, as a workflow step would, then runs it a second
time and shows how the second run compares with the first (its baseline).
  --inputs FILE     the step's inputs as YAML: a mapping of input names to values, or a step with
                    "with:" (paste it from a workflow). They replace the example's inputs of the same
                    name; the example's others stay (the stand-in's roles, wait: true, download-results).
  --workspace DIR   the checkout the inputs' paths are relative to. Default: a copy of this
                    repository's examples/ in a new temporary directory.
  --once            one run only, without the comparison.
Relative paths are taken from the directory npm was started in. Nothing is deleted afterwards.`

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The example: the VQE in examples/algorithms/vqe, followed to its end, its results downloaded. */
const EXAMPLE_INPUTS: Record<string, string> = {
  'role-to-assume': 'arn:aws:iam::123456789012:role/github-braket-submit',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'examples/algorithms/vqe',
  'entry-point': 'vqe.main:run',
  hyperparameters: 'shots: 400\niterations: 12\nlearning_rate: 0.4',
  wait: 'true',
  // Within the role's one-hour session: no re-assuming needed, and no warning about it.
  'wait-timeout-minutes': '30',
  'download-results': 'results'
}

/** The runner turns workflow commands into folds and annotations; a terminal gets the plain equivalent. */
function forTerminal(line: string): string | undefined {
  if (/^::(stop-commands::|add-mask::|debug::|endgroup::|[0-9a-f-]{36}::$)/.test(line)) return undefined
  const group = /^::group::(.*)$/.exec(line)
  if (group) return `▸ ${group[1]}`
  const annotation = /^::(notice|warning|error)(?: [^:]*)?::(.*)$/.exec(line)
  if (annotation) return `${annotation[1]}: ${annotation[2]}`
  return line
}

/** ▁▂▃▅▇ for the values of a chart's `line [...]`. */
function sparkline(values: number[]): string {
  const bars = '▁▂▃▄▅▆▇█'
  const low = Math.min(...values)
  const span = Math.max(...values) - low || 1
  return values.map((value) => bars[Math.round(((value - low) / span) * (bars.length - 1))]).join('')
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)))
}

/** Prints the step log as it happens, the way the Actions UI shows it live. */
function showLive(stream: NodeJS.ReadableStream): () => void {
  let pending = ''
  stream.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const shown = forTerminal(line)
      if (shown !== undefined) console.log(shown)
    }
  })
  return () => {
    if (pending) console.log(forTerminal(pending) ?? '')
  }
}

async function report(run: ActionRun, workspace: string, kept: string): Promise<void> {
  console.log('\nOutputs:')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(26)} ${value}`)

  const charts = [...run.summary.matchAll(/title "([^"]*)"[\s\S]*?line \[([^\]]*)\]/g)]
  if (charts.length > 0) console.log('\nMetrics (drawn as Mermaid charts in the step summary):')
  for (const [, title, values] of charts) console.log(`  ${title!.padEnd(26)} ${sparkline(values!.split(',').map(Number))}`)

  const resultsDir = run.outputs['results-dir'] ? resolve(workspace, run.outputs['results-dir']) : undefined
  if (resultsDir) {
    console.log(`\nResults, downloaded and extracted into ${resultsDir}:`)
    for (const file of await listFiles(resultsDir)) console.log(`  ${file}`)
    const resultsJson = await readFile(join(resultsDir, 'results.json'), 'utf8').catch(() => undefined)
    const lines = resultsJson?.split('\n') ?? []
    if (resultsJson) console.log(`\nresults.json:\n${lines.slice(0, 12).join('\n')}${lines.length > 12 ? '\n  …' : ''}`)
  }
  await writeFile(join(kept, 'step-summary.md'), run.summary)
  await writeFile(join(kept, 'outputs.json'), JSON.stringify(run.outputs, null, 2) + '\n')
  console.log(`\nKept in ${kept}:`)
  if (workspace.startsWith(kept)) console.log(`  workspace/        the checkout the step ran in${resultsDir ? ', with the results' : ''}`)
  console.log('  step-summary.md   the step summary (Markdown, as GitHub renders it on the run page)')
  console.log('  outputs.json      the step outputs')
}

/** The second run: the example with another learning rate, so the comparison has a setting that differs. */
function secondInputs(inputs: Record<string, string>, own: Record<string, string>): Record<string, string> {
  const results: Record<string, string> = inputs['download-results'] ? { 'download-results': `${inputs['download-results']}-second` } : {}
  if (own.hyperparameters !== undefined) return { ...inputs, ...results }
  return { ...inputs, ...results, hyperparameters: inputs.hyperparameters!.replace('learning_rate: 0.4', 'learning_rate: 0.2') }
}

/** The second run against the first, from its `comparison` output. */
async function reportComparison(run: ActionRun, kept: string): Promise<void> {
  const comparison = JSON.parse(run.outputs.comparison ?? '{"baseline":null}') as {
    baseline: { runUrl: string } | null
    reason?: string
    metrics?: Record<string, { baseline: number | null; value: number | null; delta: number | null; deltaPercent: number | null }>
    differences?: Array<{ name: string; baseline: string | null; value: string | null }>
  }
  console.log('\nThe second run, compared with the first (its baseline):')
  if (!comparison.baseline) console.log(`  no baseline: ${comparison.reason ?? 'none found'}`)
  for (const [name, metric] of Object.entries(comparison.metrics ?? {})) {
    const percent = metric.deltaPercent === null ? '' : `, ${metric.deltaPercent > 0 ? '+' : ''}${metric.deltaPercent.toFixed(1)}%`
    console.log(`  ${name.padEnd(26)} ${metric.baseline} → ${metric.value}${metric.delta === null ? '' : ` (Δ ${metric.delta}${percent})`}`)
  }
  for (const difference of comparison.differences ?? [])
    console.log(`  ${difference.name.padEnd(26)} ${difference.baseline ?? '—'} → ${difference.value ?? '—'}`)
  await writeFile(join(kept, 'second-step-summary.md'), run.summary)
  await writeFile(join(kept, 'second-outputs.json'), JSON.stringify(run.outputs, null, 2) + '\n')
  console.log("  second-step-summary.md and second-outputs.json: the second run's summary and outputs")
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      inputs: { type: 'string' },
      workspace: { type: 'string' },
      once: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) return console.log(USAGE)
  const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path)
  const own = values.inputs ? parseInputsFile(await readFile(fromUser(values.inputs), 'utf8'), values.inputs) : {}
  const inputs = { ...EXAMPLE_INPUTS, ...own }

  const kept = await mkdtemp(join(tmpdir(), 'braket-local-'))
  const workspace = values.workspace ? fromUser(values.workspace) : join(kept, 'workspace')
  if (!values.workspace) await cp(join(repositoryRoot, 'examples'), join(workspace, 'examples'), { recursive: true })

  // A manual run on main: the second run's baseline is the repository's default branch, main, where the first ran.
  const event = join(kept, 'event.json')
  await writeFile(event, JSON.stringify({ repository: { full_name: 'octo/quantum-lab', default_branch: 'main' } }))
  const identity = githubEnv({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: event, GITHUB_RUN_ID: String(Date.now()) })
  // The stand-in serves one region: the one the inputs ask for.
  const standIn = await start({ mode: 'execute', githubEnv: identity, region: inputs['aws-region'] || undefined })
  try {
    // With role-to-assume the credentials come from the OIDC exchange, as in a workflow: the stand-in's
    // static keys reach the action only when it is to use the credentials in the environment.
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...aws } = standIn.env
    const keys = inputs['role-to-assume'] ? {} : { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY }
    console.log(
      `Local AWS stand-in: ${Object.entries(standIn.endpoints)
        .map(([service, url]) => `${service} ${url}`)
        .join(', ')}\nWorkspace: ${workspace}\n`
    )
    const step = async (env: Record<string, string | undefined>, stepInputs: Record<string, string>): Promise<ActionRun> => {
      const action = await startAction({
        workspace,
        // The stand-in's jobs take seconds: poll every half second, not every five.
        env: { ...env, ...aws, ...keys, BRAKET_ACTION_POLL_INTERVAL_MS: '500,2000' },
        inputs: stepInputs,
        timeoutMs: 10 * 60_000
      })
      const flush = showLive(action.child.stdout!)
      const run = await action.finished
      flush()
      process.stderr.write(run.stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?created\)\n?/g, ''))
      return run
    }
    const run = await step(identity, inputs)
    await report(run, workspace, kept)
    process.exitCode = run.exitCode ?? 1
    if (values.once || run.exitCode !== 0) return
    console.log('\nA second run of the same step, which compares itself with the first:\n')
    const second = await step({ ...identity, GITHUB_RUN_ID: String(Number(identity.GITHUB_RUN_ID) + 1) }, secondInputs(inputs, own))
    await reportComparison(second, kept)
    process.exitCode = second.exitCode ?? 1
  } finally {
    await standIn.stop()
  }
}

await main()
