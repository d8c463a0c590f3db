// `npm run bench [-- --size-mib 209] [--large-mib 1024]`: one table from one run.
// The action (packaging only, first submit, unchanged re-run, dry run of the
// example) against GNU `tar czf` and the Braket SDK's method (Python tarfile
// w:gz, then an upload with the AWS CLI when it is installed), on the same
// generated tree, against the local stand-in. Every row is its own process,
// measured by GNU time (wall, CPU, peak RSS of that process alone); then the
// ratios the goals are stated in.
//
// Needs /usr/bin/time (Debian: apt-get install -y time), python3 and tar.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { githubEnv, runAction } from '../local/src/run-action.js'
import { start, type StandIn } from '../local/src/stand-in.js'
import { generateTree } from './source-tree.js'

const MiB = 1024 * 1024
const TIME = '/usr/bin/time'
const BUCKET = 'amazon-braket-us-west-2-123456789012'

interface Row {
  label: string
  wall: number
  cpu: number
  rssMiB: number
  archiveMiB?: number
  note?: string
}

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}

/** Runs a command under GNU time; answers its measurements. Never synchronously: the stand-in shares this event loop. */
async function measured(label: string, command: string[], env: NodeJS.ProcessEnv = process.env): Promise<Row> {
  const report = join(tmpdir(), `bench-time-${process.pid}`)
  const child = spawn(TIME, ['-o', report, '-f', '%e %U %S %M', ...command], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const [code] = (await once(child, 'close')) as [number | null]
  if (code !== 0) throw new Error(`${label} failed:\n${stderr}`)
  return parseTime(label, await readFile(report, 'utf8'))
}

function parseTime(label: string, text: string): Row {
  const [wall, user, system, rssKiB] = text.trim().split('\n').at(-1)!.split(' ').map(Number)
  return { label, wall: wall!, cpu: user! + system!, rssMiB: rssKiB! / 1024 }
}

/** Two processes one after the other (package, then upload): times add up, the peak is the larger. */
function sequence(label: string, first: Row, second: Row | undefined, note?: string): Row {
  if (!second) return { ...first, label, note: note ?? 'no AWS CLI: packaging only' }
  return { label, wall: first.wall + second.wall, cpu: first.cpu + second.cpu, rssMiB: Math.max(first.rssMiB, second.rssMiB), note }
}

async function actionRow(
  label: string,
  standIn: StandIn,
  workspace: string,
  sourceDir: string,
  entryPoint: string,
  runId: number,
  extra: Record<string, string> = {}
): Promise<Row> {
  const report = join(tmpdir(), `bench-action-${process.pid}`)
  const run = await runAction({
    workspace,
    wrapper: [TIME, '-o', report, '-f', '%e %U %S %M'],
    inputs: {
      'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
      device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
      'source-dir': sourceDir,
      'entry-point': entryPoint,
      ...extra
    },
    env: { ...githubEnv({ GITHUB_RUN_ID: String(runId) }), ...standIn.env },
    timeoutMs: 30 * 60_000
  })
  if (run.exitCode !== 0) throw new Error(`${label} failed:\n${run.stdout}\n${run.stderr}`)
  return { ...parseTime(label, await readFile(report, 'utf8')), note: /\(uploaded: ([^)]+)\)/.exec(run.stdout)?.[1] }
}

/** Requests that upload the source (its content-addressed key); the run's small experiment record is not one. */
function sourceUploads(standIn: StandIn): number {
  return [...standIn.requests.of('s3', 'UploadPart'), ...standIn.requests.of('s3', 'PutObject')].filter((request) =>
    request.path.includes('/sources/')
  ).length
}

async function main(): Promise<void> {
  const sizeMiB = flag('size-mib', 209)
  const largeMiB = flag('large-mib', 0)
  for (const tool of [TIME, 'python3', 'tar']) {
    if (tool.startsWith('/') ? !existsSync(tool) : spawnSync('which', [tool]).status !== 0) {
      throw new Error(`${tool} is needed${tool === TIME ? ": install Debian's time package (apt-get install -y time)" : ''}`)
    }
  }
  // python3 may be a version manager's shim that takes a second to start (pyenv's does); runners start the interpreter
  // itself. Its own folder goes first on PATH, for the action's pre-flight and for the SDK method alike.
  const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()
  process.env.PATH = `${dirname(python)}${delimiter}${process.env.PATH ?? ''}`
  const hasAwsCli = spawnSync('aws', ['--version']).status === 0
  console.log('building dist/ and the packaging-only bundle …')
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' })
  const scratch = await mkdtemp(join(tmpdir(), 'bench-'))
  const packager = join(scratch, 'packager')
  execFileSync('npx', ['ncc', 'build', 'bench/package-only.ts', '-o', packager, '-q'], { stdio: 'ignore' })
  const standIn = await start({ dataDir: join(scratch, 'stand-in') })
  standIn.jobs.setDefaultScript({ queuedMs: 60 * 60_000 })
  standIn.objects.createBucket(BUCKET, '123456789012', 'us-west-2')
  try {
    const workspace = join(scratch, 'workspace')
    const tree = join(workspace, 'bench_src')
    const written = await generateTree(tree, sizeMiB * MiB)
    await cp('examples/algorithms', join(workspace, 'algorithms'), { recursive: true })
    console.log(`tree: ${(written / MiB).toFixed(0)} MiB; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}\n`)
    const out = (name: string) => join(scratch, name)
    const size = async (path: string) => (await stat(path)).size / MiB
    // Warm the page cache for everyone alike.
    execFileSync('tar', ['cf', '/dev/null', '-C', workspace, 'bench_src'])

    const rows: Row[] = []
    const ours = await measured('the action, packaging only', [
      'node',
      join(packager, 'index.js'),
      tree,
      out('ours.tar.gz'),
      'bench_src.main:run'
    ])
    rows.push({ ...ours, archiveMiB: await size(out('ours.tar.gz')) })
    const tar = await measured('GNU tar czf', ['tar', 'czf', out('tar.tar.gz'), '-C', workspace, 'bench_src'])
    rows.push({ ...tar, archiveMiB: await size(out('tar.tar.gz')) })
    const sdkScript = "import sys, tarfile\nwith tarfile.open(sys.argv[1], 'w:gz') as t: t.add(sys.argv[2], arcname='bench_src')"
    const sdk = await measured('Braket SDK method (tarfile w:gz)', ['python3', '-c', sdkScript, out('sdk.tar.gz'), tree])
    rows.push({ ...sdk, archiveMiB: await size(out('sdk.tar.gz')) })

    standIn.requests.clear()
    const first = await actionRow('the action, first submit', standIn, workspace, 'bench_src', 'bench_src.main:run', 1)
    rows.push(first)
    standIn.requests.clear()
    const again = await actionRow('the action, unchanged re-run', standIn, workspace, 'bench_src', 'bench_src.main:run', 2)
    const requestsSent = sourceUploads(standIn)
    rows.push({ ...again, note: `${requestsSent} source upload requests` })

    const awsEnv = { ...process.env, ...standIn.env, AWS_DEFAULT_REGION: 'us-west-2' }
    const cliUpload = async (label: string, file: string, key: string) =>
      hasAwsCli
        ? await measured(
            label,
            ['aws', 's3', 'cp', file, `s3://${BUCKET}/${key}`, '--endpoint-url', standIn.env.AWS_ENDPOINT_URL_S3!, '--only-show-errors'],
            awsEnv
          )
        : undefined
    rows.push(sequence('tar czf + AWS CLI upload', tar, await cliUpload('upload', out('tar.tar.gz'), 'bench/tar.tar.gz')))
    rows.push(sequence('SDK tarfile + AWS CLI upload', sdk, await cliUpload('upload', out('sdk.tar.gz'), 'bench/sdk.tar.gz')))
    rows.push(
      await actionRow('the action, dry run of the example', standIn, workspace, 'algorithms/vqe', 'vqe.main:run', 3, { 'dry-run': 'true' })
    )
    if (largeMiB > 0) rows.push(await largeRow(standIn, scratch, largeMiB))

    printTable(rows)
    printGoals(rows, requestsSent)
  } finally {
    await standIn.stop()
    await rm(scratch, { recursive: true, force: true })
  }
}

async function largeRow(standIn: StandIn, scratch: string, sizeMiB: number): Promise<Row> {
  const workspace = join(scratch, 'large')
  await mkdir(workspace)
  await generateTree(join(workspace, 'big_src'), sizeMiB * MiB)
  return actionRow(`the action, first submit, ${sizeMiB} MiB tree`, standIn, workspace, 'big_src', 'big_src.main:run', 4)
}

function printTable(rows: Row[]): void {
  console.log('| | wall s | CPU s | peak RSS MiB | archive MiB | |')
  console.log('|---|---:|---:|---:|---:|---|')
  for (const row of rows) {
    const archive = row.archiveMiB === undefined ? '' : row.archiveMiB.toFixed(1)
    console.log(
      `| ${row.label} | ${row.wall.toFixed(2)} | ${row.cpu.toFixed(2)} | ${row.rssMiB.toFixed(0)} | ${archive} | ${row.note ?? ''} |`
    )
  }
}

function printGoals(rows: Row[], reRunUploads: number): void {
  const row = (prefix: string) => rows.find((r) => r.label.startsWith(prefix))!
  const ours = row('the action, packaging only')
  const tar = row('GNU tar czf')
  const sdk = row('Braket SDK method')
  const first = row('the action, first submit')
  const again = row('the action, unchanged re-run')
  const sdkUpload = row('SDK tarfile + AWS CLI upload')
  const peak = Math.max(...rows.filter((r) => r.label.startsWith('the action')).map((r) => r.rssMiB))
  const goals: Array<[string, number, string, boolean]> = [
    [
      'unchanged re-run / first submit',
      again.wall / first.wall,
      '≤ 0.30, 0 uploaded',
      again.wall / first.wall <= 0.3 && reRunUploads === 0
    ],
    ['packaging / SDK method', ours.wall / sdk.wall, '≤ 0.50', ours.wall / sdk.wall <= 0.5],
    ['packaging / tar czf', ours.wall / tar.wall, '≤ 0.70', ours.wall / tar.wall <= 0.7],
    ['archive size / tar czf', ours.archiveMiB! / tar.archiveMiB!, '≤ 1.02', ours.archiveMiB! / tar.archiveMiB! <= 1.02],
    ['first submit / SDK tarfile + upload', first.wall / sdkUpload.wall, '≤ 0.60', first.wall / sdkUpload.wall <= 0.6],
    ['peak RSS of the action, MiB', peak, '≤ 120', peak <= 120],
    ['dry run of the example, s', row('the action, dry run').wall, '≤ 0.25', row('the action, dry run').wall <= 0.25]
  ]
  console.log('\n| goal | measured | target | met |')
  console.log('|---|---:|---|---|')
  for (const [name, value, target, met] of goals) console.log(`| ${name} | ${value.toFixed(2)} | ${target} | ${met ? 'yes' : 'NO'} |`)
}

await main()
