// Submission benchmark: the bundled action run as its own process against the
// local stand-in, for a small algorithm and for large source trees, cold (the
// archive is uploaded) and warm (already in S3 under its hash). Reports wall
// time and the action process's peak RSS, which must not grow with the tree.
import { randomBytes } from 'node:crypto'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubEnv, runAction } from '../local/src/run-action.js'
import { start } from '../local/src/stand-in.js'

const RSS_REPORTER = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss_kib='+process.resourceUsage().maxRSS+'\\n'))`

async function makeTree(root: string, megabytes: number): Promise<void> {
  const dir = join(root, 'algo')
  await mkdir(join(dir, 'data'), { recursive: true })
  await writeFile(join(dir, 'main.py'), 'def run():\n    print("hello")\n')
  const chunk = randomBytes(1024 * 1024)
  for (let i = 0; i < megabytes; i++) {
    chunk[0] = i & 0xff
    chunk[1] = i >> 8
    await writeFile(join(dir, 'data', `block-${String(i).padStart(4, '0')}.bin`), chunk)
  }
}

const startedAt = process.hrtime.bigint()
const standIn = await start()
const startMs = Number(process.hrtime.bigint() - startedAt) / 1e6
standIn.jobs.setDefaultScript({ queuedMs: 60 * 60_000 })
const rows: string[][] = []
let runId = 1000
try {
  const cases: Array<{ label: string; megabytes?: number }> = [
    { label: 'example (2 files)' },
    { label: '64 MiB tree', megabytes: 64 },
    { label: '256 MiB tree', megabytes: 256 }
  ]
  for (const testCase of cases) {
    const workspace = await mkdtemp(join(tmpdir(), 'bench-submit-'))
    try {
      let sourceDir = 'algorithms/vqe'
      let entryPoint = 'vqe.main:run'
      if (testCase.megabytes) {
        await makeTree(workspace, testCase.megabytes)
        sourceDir = 'algo'
        entryPoint = 'algo.main:run'
      } else await cp('examples/algorithms', join(workspace, 'algorithms'), { recursive: true })
      for (const phase of ['cold', 'warm'] as const) {
        runId++
        const started = process.hrtime.bigint()
        const run = await runAction({
          workspace,
          nodeArguments: ['--import', RSS_REPORTER],
          env: { ...githubEnv({ GITHUB_RUN_ID: String(runId) }), ...standIn.env },
          inputs: {
            'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
            device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
            'source-dir': sourceDir,
            'entry-point': entryPoint
          },
          timeoutMs: 5 * 60_000
        })
        const seconds = Number(process.hrtime.bigint() - started) / 1e9
        if (run.exitCode !== 0) throw new Error(`submission failed:\n${run.stdout}\n${run.stderr}`)
        const rss = Number(/maxrss_kib=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024
        rows.push([
          testCase.label,
          phase,
          seconds.toFixed(2),
          rss.toFixed(0),
          run.stdout.includes('already there') ? 'skipped' : 'uploaded'
        ])
      }
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  }
} finally {
  await standIn.stop()
}

console.log(`\nStand-in start-up: ${startMs.toFixed(0)} ms (five services listening)`)
console.log('\nSubmission (dist/index.js against the local stand-in, static credentials)')
console.log(['case', 'phase', 'seconds', 'peak RSS MiB', 'upload'].join(' | '))
for (const row of rows) console.log(row.join(' | '))
