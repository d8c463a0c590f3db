// Shared by the attach and checkpoint process tests: the bundled action following a
// job it did not submit (job-arn, attach), and the region a request was signed for.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubEnv, runAction, startAction, type ActionRun, type RunningAction } from '../../local/src/run-action.js'
import type { StandIn } from '../../local/src/stand-in.js'
import { nextRunId } from './follow-fixtures.js'

export interface AttachRunOptions {
  env?: Record<string, string | undefined>
  github?: Record<string, string | undefined>
}

/** Another workflow job (its own run id and job id) that follows with only the inputs given. */
export function attachOptions(standIn: StandIn, workspace: string, inputs: Record<string, string>, options: AttachRunOptions = {}) {
  return {
    workspace,
    inputs,
    env: {
      ...githubEnv({ GITHUB_RUN_ID: nextRunId(), GITHUB_JOB: 'follow', ...options.github }),
      ...standIn.env,
      BRAKET_ACTION_POLL_INTERVAL_MS: '20,100',
      ...options.env
    }
  }
}

export function attach(
  standIn: StandIn,
  workspace: string,
  inputs: Record<string, string>,
  options: AttachRunOptions = {}
): Promise<ActionRun> {
  return runAction(attachOptions(standIn, workspace, inputs, options))
}

export function startAttaching(
  standIn: StandIn,
  workspace: string,
  inputs: Record<string, string>,
  options: AttachRunOptions = {}
): Promise<RunningAction> {
  return startAction(attachOptions(standIn, workspace, inputs, options))
}

/** A pull_request event's payload file, for GITHUB_EVENT_PATH. */
export async function pullRequestEvent(repository: string, number: number): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'event-')), 'event.json')
  await writeFile(path, JSON.stringify({ number, pull_request: { number }, repository: { full_name: repository } }))
  return path
}
