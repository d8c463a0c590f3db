// `npm run stand-in`: serves the local AWS stand-in and hands a shell the variables that point the
// action, the AWS CLI or boto3 at it. Serving never ends by itself, so the variables are printed
// (foreground), written to a file to `source` from another terminal (--env-file), or printed by a
// launcher that leaves the stand-in running detached (--background) until `--stop`.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, openSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'

const USAGE = `Usage: npm run stand-in -- [--mode execute|scripted] [--region us-west-2] [--port BASE]
                            [--env-file FILE] [--background [--pid-file FILE]] [--stop [--pid-file FILE]]

Serves Braket, S3, STS, CloudWatch Logs, the Price List API and a GitHub OIDC issuer on 127.0.0.1.
With --port BASE the services listen on BASE..BASE+5; otherwise on free ports.

  (no option)     serve until Ctrl-C; print "export NAME=value" lines on stdout
  --env-file F    also write those lines to F (removed on stop); in another terminal: source F
  --background    start the stand-in detached, print the export lines and how to stop it, return:
                    eval "$(npm run --silent stand-in -- --background)"
                  (its pid goes to --pid-file, default .stand-in.pid; its log to <pid file>.log)
  --stop          stop the stand-in that --background started (the one in --pid-file)

Relative paths are taken from the directory npm was started in.`

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'execute' },
    region: { type: 'string', default: 'us-west-2' },
    port: { type: 'string', default: '0' },
    'env-file': { type: 'string' },
    background: { type: 'boolean', default: false },
    'pid-file': { type: 'string', default: '.stand-in.pid' },
    stop: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false }
  }
})

/** npm runs scripts in the package root; paths the user typed are relative to where they typed them. */
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path)
const pidFile = fromUser(values['pid-file'])

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`
const exportLines = (env: Record<string, string>) =>
  Object.entries(env)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `export ${name}=${quote(value)}\n`)
    .join('')

/** Set for the detached server that --background starts: it reports readiness over IPC instead of printing. */
const LAUNCHED = 'BRAKET_STAND_IN_LAUNCHED'

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

interface Launched {
  pid: number
  envFile?: string
}

/** Serves in this process until SIGINT or SIGTERM; tells a launching parent (IPC) once it is ready. */
async function serve(): Promise<void> {
  const mode = values.mode === 'scripted' ? 'scripted' : 'execute'
  const base = Number(values.port)
  const ports = base > 0 ? { s3: base, braket: base + 1, sts: base + 2, logs: base + 3, oidc: base + 4, pricing: base + 5 } : undefined
  // Loaded here only: --stop and --help need none of the services.
  const { start } = await import('./stand-in.js')
  const standIn = await start({ mode, region: values.region, ports })
  const lines = exportLines(standIn.env)
  const envFile = values['env-file'] === undefined ? undefined : fromUser(values['env-file'])
  if (envFile) {
    // Whole or not at all: a shell sourcing it never reads half a file.
    await writeFile(`${envFile}.partial`, lines, { mode: 0o600 })
    await rename(`${envFile}.partial`, envFile)
  }

  const launched = process.env[LAUNCHED] === '1' && process.send !== undefined
  const stop = async () => {
    await standIn.stop()
    if (envFile) await rm(envFile, { force: true })
    if (launched) await rm(pidFile, { force: true })
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())

  const endpoints = Object.entries(standIn.endpoints)
    .map(([service, url]) => `${service} ${url}`)
    .join(', ')
  console.error(`stand-in: serving ${endpoints} (${mode} mode)`)
  if (launched) {
    process.send!({ lines, endpoints })
    process.disconnect()
    return
  }
  process.stdout.write(`# Local AWS stand-in (${mode} mode)\n${lines}`)
  console.error(envFile ? `stand-in: in another shell: source ${envFile}; Ctrl-C here to stop` : 'stand-in: Ctrl-C to stop')
}

/** Starts `serve()` detached, waits until it is ready, and prints what the shell needs. */
async function launchInBackground(): Promise<void> {
  const existing = await readLaunched()
  if (existing && isRunning(existing.pid)) {
    console.error(`stand-in: already running (pid ${existing.pid}, ${pidFile}); stop it with: npm run stand-in -- --stop`)
    process.exitCode = 1
    return
  }
  const logFile = `${pidFile}.log`
  const log = openSync(logFile, 'w')
  const args = process.argv.slice(2).filter((arg) => arg !== '--background')
  const child = spawn(process.execPath, [...process.execArgv, '--', process.argv[1]!, ...args], {
    detached: true,
    env: { ...process.env, [LAUNCHED]: '1' },
    stdio: ['ignore', log, log, 'ipc']
  })
  closeSync(log)
  const ready = await Promise.race([
    once(child, 'message').then(([message]) => message as { lines: string; endpoints: string }),
    once(child, 'exit').then(() => undefined),
    sleep(60_000, undefined, { ref: false })
  ])
  if (!ready) {
    console.error(`stand-in: did not start; its log (${logFile}):\n${await readFile(logFile, 'utf8')}`)
    child.kill('SIGTERM')
    process.exitCode = 1
    return
  }
  const envFile = values['env-file'] === undefined ? undefined : fromUser(values['env-file'])
  await writeFile(pidFile, JSON.stringify({ pid: child.pid!, envFile } satisfies Launched) + '\n')
  child.unref()
  child.disconnect()
  process.stdout.write(`${ready.lines}# Stop it with: npm run stand-in -- --stop\n`)
  console.error(`stand-in: serving ${ready.endpoints} in the background (pid ${child.pid}, log ${logFile})`)
  console.error('stand-in: stop it with: npm run stand-in -- --stop')
}

async function readLaunched(): Promise<Launched | undefined> {
  const text = await readFile(pidFile, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as Launched
  } catch {
    return undefined
  }
}

async function stopBackground(): Promise<void> {
  const launched = await readLaunched()
  if (!launched) {
    console.error(`stand-in: nothing to stop (no ${pidFile})`)
    return
  }
  if (isRunning(launched.pid)) {
    process.kill(launched.pid, 'SIGTERM')
    for (let waited = 0; isRunning(launched.pid) && waited < 10_000; waited += 100) await sleep(100)
    if (isRunning(launched.pid)) process.kill(launched.pid, 'SIGKILL')
  }
  await rm(pidFile, { force: true })
  if (launched.envFile) await rm(launched.envFile, { force: true })
  console.error(`stand-in: stopped (pid ${launched.pid})`)
}

if (values.help) console.log(USAGE)
else if (values.stop) await stopBackground()
else if (values.background) await launchInBackground()
else await serve()
