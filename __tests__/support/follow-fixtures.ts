// Shared by the follow-* process tests: a stand-in whose scripted jobs the
// bundled action follows with fast polling, and tar.gz results to hand it.
import { githubEnv, runAction, startAction, type ActionRun, type RunningAction } from '../../local/src/run-action.js'
import type { StandIn } from '../../local/src/stand-in.js'

export const SV1 = 'arn:aws:braket:::device/quantum-simulator/amazon/sv1'

export const followInputs = {
  'aws-region': 'us-west-2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: SV1,
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run',
  wait: 'true'
}

let runCounter = 0

/** A fresh run id per call, so every run creates its own job. */
export function nextRunId(): string {
  runCounter += 1
  return String(90_000 + process.pid * 100 + runCounter)
}

export interface FollowRunOptions {
  inputs?: Record<string, string>
  env?: Record<string, string | undefined>
  github?: Record<string, string | undefined>
  runId?: string
}

export function followOptions(standIn: StandIn, workspace: string, options: FollowRunOptions = {}) {
  return {
    workspace,
    inputs: { ...followInputs, ...options.inputs },
    env: {
      ...githubEnv({ GITHUB_RUN_ID: options.runId ?? nextRunId(), ...options.github }),
      ...standIn.env,
      // The stand-in's scripted jobs last milliseconds: poll every 20 ms, at most 100 ms.
      BRAKET_ACTION_POLL_INTERVAL_MS: '20,100',
      ...options.env
    }
  }
}

export function follow(standIn: StandIn, workspace: string, options: FollowRunOptions = {}): Promise<ActionRun> {
  return runAction(followOptions(standIn, workspace, options))
}

export function startFollowing(standIn: StandIn, workspace: string, options: FollowRunOptions = {}): Promise<RunningAction> {
  return startAction(followOptions(standIn, workspace, options))
}

/** The job's log lines as printed: without the workflow-command pauses around them. */
export function printedLines(stdout: string, pattern: RegExp): string[] {
  return stdout.split('\n').filter((line) => pattern.test(line))
}

/** stderr without the AWS SDK's notice about Node.js versions (the runner's node24 does not print it). */
export function unexpectedStderr(stderr: string): string {
  return stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?to show where the warning was created\)\n?/g, '')
}
