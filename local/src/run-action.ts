// Runs the bundled action (dist/) as its own process, the way the runner does: inputs as
// INPUT_* variables, outputs, state and summary through the GITHUB_* files.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
}

export interface ActionOptions {
  inputs: Record<string, string>
  /** GitHub and AWS variables; nothing of the test process's environment leaks in but PATH. */
  env?: Record<string, string | undefined>
  workspace: string
  /** dist/index.js by default; 'post' runs dist/post/index.js. */
  entry?: 'main' | 'post'
  /** State saved by the main step, for the post step. */
  state?: Record<string, string>
  timeoutMs?: number
  /** Extra arguments for node before the script (benchmarks use --import to measure memory). */
  nodeArguments?: string[]
  /** A command that runs node, e.g. ['/usr/bin/time', '-o', file] (benchmarks measure the process with it). */
  wrapper?: string[]
}

export interface RunningAction {
  child: ChildProcess
  /** Resolves once the given text has appeared on stdout. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>
  finished: Promise<ActionRun>
}

const DIST = fileURLToPath(new URL('../../dist', import.meta.url))

/** The file-command format @actions/core writes: `name<<delimiter\nvalue\ndelimiter`. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
    values[name!] = value.join('\n')
  }
  return values
}

export function githubEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo/quantum-lab',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'submit',
    GITHUB_ACTION: 'braket',
    GITHUB_WORKFLOW: 'experiments',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    ...overrides
  }
}

export async function startAction(options: ActionOptions): Promise<RunningAction> {
  const files = await mkdtemp(join(tmpdir(), 'action-files-'))
  const paths = {
    output: join(files, 'output'),
    state: join(files, 'state'),
    summary: join(files, 'summary'),
    env: join(files, 'env'),
    path: join(files, 'path')
  }
  await Promise.all(Object.values(paths).map((path) => writeFile(path, '')))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: files,
    // No shared config or credentials of the machine may change what the action does.
    AWS_CONFIG_FILE: join(files, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(files, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    RUNNER_TEMP: files,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: paths.output,
    GITHUB_STATE: paths.state,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_ENV: paths.env,
    GITHUB_PATH: paths.path
  }
  for (const [name, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[name] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value

  const script = options.entry === 'post' ? join(DIST, 'post', 'index.js') : join(DIST, 'index.js')
  const [command = process.execPath, ...wrapperArguments] = [...(options.wrapper ?? []), process.execPath]
  const child = spawn(command, [...wrapperArguments, ...(options.nodeArguments ?? []), script], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  const watchers: Array<() => void> = []
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
    for (const watcher of [...watchers]) watcher()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))

  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const finished = new Promise<ActionRun>((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      clearTimeout(timeout)
      Promise.all([readFile(paths.output, 'utf8'), readFile(paths.state, 'utf8'), readFile(paths.summary, 'utf8')]).then(
        ([outputs, state, summary]) =>
          resolvePromise({
            exitCode,
            signal,
            stdout,
            stderr,
            outputs: parseFileCommands(outputs),
            state: parseFileCommands(state),
            summary
          }),
        reject
      )
    })
  })

  const waitForOutput = (text: string | RegExp, timeoutMs = 20_000) =>
    new Promise<void>((resolvePromise, reject) => {
      const seen = () => (typeof text === 'string' ? stdout.includes(text) : text.test(stdout))
      if (seen()) return resolvePromise()
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(text)} in:\n${stdout}`)), timeoutMs)
      const watcher = () => {
        if (!seen()) return
        clearTimeout(timer)
        watchers.splice(watchers.indexOf(watcher), 1)
        resolvePromise()
      }
      watchers.push(watcher)
    })

  return { child, waitForOutput, finished }
}

export async function runAction(options: ActionOptions): Promise<ActionRun> {
  return (await startAction(options)).finished
}
