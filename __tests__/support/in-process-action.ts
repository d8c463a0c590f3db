// Runs the action's entry points (run(), runPost()) inside the test process, as the runner would run dist/:
// inputs as INPUT_* and state as STATE_* variables, the GitHub and AWS variables in process.env (the AWS SDK
// reads AWS_ENDPOINT_URL_<SERVICE> and the credentials from there), and @actions/core replaced by
// __tests__/fixtures/core.ts, whose calls say what was logged, output, saved and failed. The step summary is
// the real one, written to a file that is emptied before each run.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jest } from '@jest/globals'
import { githubEnv } from '../../local/src/run-action.js'
import * as core from '../fixtures/core.js'

export interface InProcessOptions {
  workspace: string
  inputs?: Record<string, string>
  /** GitHub variables over githubEnv()'s. */
  github?: Record<string, string | undefined>
  /** AWS and other variables (undefined: unset for the run). */
  env?: Record<string, string | undefined>
  /** State saved by the main step, for the post step. */
  state?: Record<string, string>
}

export interface InProcessRun {
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** core.setFailed's messages: empty when the step succeeded. */
  failed: string[]
  errors: string[]
  warnings: string[]
  /** Every core.info line, joined by newlines. */
  log: string
}

let summaryFile: string | undefined

/** Sets the process's environment for one run, runs `entry`, and restores the environment after. */
export async function runInProcess(entry: (env: NodeJS.ProcessEnv) => Promise<void>, options: InProcessOptions): Promise<InProcessRun> {
  // @actions/core's summary keeps the first file it was given: one file per test file, emptied per run.
  summaryFile ??= join(await mkdtemp(join(tmpdir(), 'summary-')), 'summary.md')
  await writeFile(summaryFile, '')
  const saved = { ...process.env }
  for (const name of Object.keys(process.env))
    if (/^(INPUT_|STATE_|GITHUB_|AWS_|ACTIONS_|BRAKET_ACTION_)/.test(name)) delete process.env[name]
  const variables: Record<string, string | undefined> = {
    ...githubEnv(options.github),
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    // No shared config or credentials of the machine may change what the action does.
    AWS_CONFIG_FILE: join(options.workspace, '.no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(options.workspace, '.no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.env
  }
  for (const [name, value] of Object.entries(variables)) if (value !== undefined) process.env[name] = value
  for (const [name, value] of Object.entries(options.state ?? {})) process.env[`STATE_${name}`] = value
  for (const [name, value] of Object.entries(options.inputs ?? {})) process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  jest.clearAllMocks()
  try {
    await entry(process.env)
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
  const messages = (mock: { mock: { calls: unknown[][] } }) => mock.mock.calls.map((call) => String(call[0]))
  return {
    outputs: Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)])),
    state: Object.fromEntries(core.saveState.mock.calls.map(([name, value]) => [name, String(value)])),
    summary: await readFile(summaryFile, 'utf8'),
    failed: messages(core.setFailed),
    errors: messages(core.error),
    warnings: messages(core.warning),
    log: messages(core.info).join('\n')
  }
}
