// `npm run stand-in`: the forms local/README.md documents, run as written there, in a shell,
// against the stand-in on 127.0.0.1 only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { awsCliReadsEndpointVariables, blockWith, fencedBlocks } from './support/doc-blocks.js'

const DOC = 'local/README.md'
const SV1 = 'arn:aws:braket:::device/quantum-simulator/amazon/sv1'
const withAwsCli = awsCliReadsEndpointVariables()

function exportsOf(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const match of text.matchAll(/^export ([A-Z0-9_]+)='((?:[^']|'\\'')*)'$/gm)) values[match[1]!] = match[2]!.replace(/'\\''/g, "'")
  return values
}

/**
 * The documented lines; where this machine's AWS CLI would not find the stand-in, each `aws` line
 * becomes a probe that the Braket endpoint in the shell's variables answers.
 */
const runnable = (block: string) =>
  withAwsCli ? block : block.replace(/^aws .*$/gm, `node -e 'await fetch(process.env.AWS_ENDPOINT_URL_BRAKET)' --input-type=module`)

// Inside the repository (git ignores .scratch/), so `npm run` finds the package as it does for a reader.
let scratch: string
let shellEnv: NodeJS.ProcessEnv

beforeAll(async () => {
  mkdirSync('.scratch', { recursive: true })
  scratch = await mkdtemp(resolve('.scratch', 'stand-in-docs-'))
  const { NODE_OPTIONS: _jestNodeOptions, ...inherited } = process.env
  shellEnv = {
    ...inherited,
    // Nothing leaves the machine: a tool that ignored the endpoint variables would meet a dead proxy.
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
    AWS_CONFIG_FILE: join(scratch, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'no-aws-credentials'),
    AWS_PAGER: ''
  }
})

afterAll(() => {
  // A failed test may leave a background stand-in behind: stop it by its recorded pid.
  for (const pidFile of [join(scratch, '.stand-in.pid')]) {
    if (!existsSync(pidFile)) continue
    const { pid } = JSON.parse(readFileSync(pidFile, 'utf8')) as { pid: number }
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  rmSync(scratch, { recursive: true, force: true })
})

const VARIABLES = '=== the shell variables now ==='

/** Runs a documented block in bash (exit on the first failing line), then prints the variables it left. */
function shell(block: string): { stdout: string; stderr: string; variables: Record<string, string> } {
  const script = `set -eo pipefail\n${block}\necho "${VARIABLES}"\nexport -p | grep -E ' (AWS_|ACTIONS_ID_TOKEN_)' || true\n`
  const result = spawnSync('bash', ['-c', script], { cwd: scratch, env: shellEnv, encoding: 'utf8', timeout: 90_000 })
  if (result.status !== 0) throw new Error(`the documented block failed (${result.status}):\n${block}\n${result.stderr}`)
  const at = result.stdout.lastIndexOf(`${VARIABLES}\n`)
  const [stdout, declared] = [result.stdout.slice(0, at), result.stdout.slice(at)]
  const variables: Record<string, string> = {}
  for (const match of declared.matchAll(/^declare -x ([A-Z0-9_]+)="(.*)"$/gm)) variables[match[1]!] = match[2]!
  return { stdout, stderr: result.stderr, variables }
}

async function answersOnSts(variables: Record<string, string>): Promise<string | undefined> {
  const sts = new STSClient({
    region: variables.AWS_REGION,
    endpoint: variables.AWS_ENDPOINT_URL_STS,
    credentials: { accessKeyId: variables.AWS_ACCESS_KEY_ID!, secretAccessKey: variables.AWS_SECRET_ACCESS_KEY! },
    maxAttempts: 1
  })
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Account
  } catch {
    return undefined
  } finally {
    sts.destroy()
  }
}

async function waitFor(file: string, timeoutMs = 60_000): Promise<void> {
  for (const started = Date.now(); !existsSync(file); await sleep(100))
    if (Date.now() - started > timeoutMs) throw new Error(`${file} did not appear`)
}

describe('the stand-in CLI, as local/README.md says to use it', () => {
  it('serves in one terminal with --env-file; another terminal sources the file and reaches it', async () => {
    const serve = spawn('bash', ['-c', blockWith(DOC, 'sh', '--env-file')], { cwd: scratch, env: shellEnv, detached: true })
    let served = ''
    serve.stdout.on('data', (chunk: Buffer) => (served += chunk.toString()))
    const envFile = join(scratch, '.stand-in.env')
    try {
      await waitFor(envFile)
      const other = shell(runnable(blockWith(DOC, 'sh', 'source .stand-in.env')))
      for (const name of [
        'AWS_ENDPOINT_URL_S3',
        'AWS_ENDPOINT_URL_BRAKET',
        'AWS_ENDPOINT_URL_STS',
        'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
        'AWS_REGION',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'ACTIONS_ID_TOKEN_REQUEST_URL',
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
      ])
        expect(other.variables[name]).toBeTruthy()
      for (const name of Object.keys(other.variables).filter((n) => n.startsWith('AWS_ENDPOINT_URL_')))
        expect(other.variables[name]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      // The serving terminal shows the same lines it wrote to the file (its output may arrive after the file does).
      const written = exportsOf(readFileSync(envFile, 'utf8'))
      for (const started = Date.now(); Object.keys(exportsOf(served)).length < Object.keys(written).length; await sleep(50))
        if (Date.now() - started > 10_000) break
      expect(exportsOf(served)).toEqual(written)
      expect(await answersOnSts(other.variables)).toBe('123456789012')
      if (withAwsCli) {
        expect(other.stdout).toContain(`"deviceArn": "${SV1}"`)
        expect(other.stdout).toContain('"Account": "123456789012"')
      }
    } finally {
      process.kill(-serve.pid!, 'SIGINT')
      await once(serve, 'exit')
    }
    // Stopping removes the file: nobody sources the variables of a stand-in that is gone.
    expect(existsSync(envFile)).toBe(false)
  })

  it('--background returns with the variables for eval, and --stop ends it', async () => {
    const run = shell(runnable(blockWith(DOC, 'sh', '--background')))
    const pid = Number(/in the background \(pid (\d+)/.exec(run.stderr)?.[1])
    expect(run.stderr).toContain(`stand-in: stopped (pid ${pid})`)
    if (withAwsCli) {
      // The AWS CLI's JSON, before npm's banner of the --stop line.
      const { devices } = JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf('}') + 1)) as { devices: Array<{ deviceArn: string }> }
      expect(devices.map((device) => device.deviceArn)).toContain(SV1)
    }
    expect(run.variables.AWS_ENDPOINT_URL_BRAKET).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(existsSync(join(scratch, '.stand-in.pid'))).toBe(false)
    expect(() => process.kill(pid, 0)).toThrow()
    expect(await answersOnSts(run.variables)).toBeUndefined()
  })

  it('refuses a second --background while one runs, and --stop without one says there is nothing to stop', () => {
    const block = blockWith(DOC, 'sh', '--background')
    const launch = block.split('\n')[0]!
    shell(launch)
    // eval of nothing succeeds: the refusal shows on stderr, and no variables are printed.
    const second = shell(launch)
    expect(second.stderr).toMatch(/already running \(pid \d+/)
    expect(second.stdout).toBe('')
    shell('npm run stand-in -- --stop')
    expect(shell('npm run stand-in -- --stop').stderr).toContain('nothing to stop')
  })

  it('the README gives the same stand-in commands', () => {
    const documented = fencedBlocks(DOC, 'sh').join('\n')
    const readmeLines = fencedBlocks('README.md', 'sh')
      .flatMap((block) => block.split('\n'))
      .filter((line) => line.includes('stand-in'))
    expect(readmeLines.length).toBeGreaterThan(0)
    for (const line of readmeLines) expect(documented).toContain(line.replace(/\s+#.*$/, ''))
  })
})
