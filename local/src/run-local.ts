// `npm run local`: a newcomer's first run. Starts the local AWS stand-in in execute
// mode, then runs the bundled action against it on the example algorithm the way a
// workflow would — OIDC token → role → archive → S3 → Braket CreateJob — and follows
// the job to its end: its log streamed, its metrics charted, its results downloaded.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { githubEnv, startAction } from './run-action.js'
import { start } from './stand-in.js'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const identity = githubEnv({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_RUN_ID: String(Date.now()) })

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

const standIn = await start({ mode: 'execute', githubEnv: identity })
const workspace = await mkdtemp(join(tmpdir(), 'braket-local-'))
try {
  await cp(join(repositoryRoot, 'examples'), join(workspace, 'examples'), { recursive: true })
  const {
    ACTIONS_ID_TOKEN_REQUEST_URL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    AWS_ACCESS_KEY_ID: _key,
    AWS_SECRET_ACCESS_KEY: _secret,
    ...aws
  } = standIn.env
  console.log(
    `Local AWS stand-in: ${Object.entries(standIn.endpoints)
      .map(([service, url]) => `${service} ${url}`)
      .join(', ')}\n`
  )
  const action = await startAction({
    workspace,
    // The stand-in's jobs take seconds: poll every half second, not every five.
    env: { ...identity, ...aws, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, BRAKET_ACTION_POLL_INTERVAL_MS: '500,2000' },
    inputs: {
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
    },
    timeoutMs: 10 * 60_000
  })
  // The step log as it happens, the way the Actions UI shows it live.
  let pending = ''
  action.child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const shown = forTerminal(line)
      if (shown !== undefined) console.log(shown)
    }
  })
  const run = await action.finished
  if (pending) console.log(forTerminal(pending) ?? '')
  process.stderr.write(run.stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?created\)\n?/g, ''))

  console.log('\nOutputs:')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name.padEnd(26)} ${value}`)

  const charts = [...run.summary.matchAll(/title "([^"]*)"[\s\S]*?line \[([^\]]*)\]/g)]
  if (charts.length > 0) console.log('\nMetrics (drawn as Mermaid charts in the step summary):')
  for (const [, title, values] of charts) console.log(`  ${title!.padEnd(26)} ${sparkline(values!.split(',').map(Number))}`)

  const resultsDir = run.outputs['results-dir']
  if (resultsDir) {
    console.log(`\nResults, downloaded and extracted into ${resultsDir}:`)
    for (const file of await listFiles(resultsDir)) console.log(`  ${file}`)
    const resultsJson = await readFile(join(resultsDir, 'results.json'), 'utf8').catch(() => undefined)
    if (resultsJson)
      console.log(
        `\nresults.json:\n${resultsJson.split('\n').slice(0, 12).join('\n')}${resultsJson.split('\n').length > 12 ? '\n  …' : ''}`
      )
  }
  const summaryFile = join(tmpdir(), `braket-local-summary-${identity.GITHUB_RUN_ID}.md`)
  await writeFile(summaryFile, run.summary)
  console.log(`\nThe step summary (Markdown, as GitHub renders it on the run page): ${summaryFile}`)
  process.exitCode = run.exitCode ?? 1
} finally {
  await rm(workspace, { recursive: true, force: true })
  await standIn.stop()
}
