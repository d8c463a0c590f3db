// run-on-runner: the job run on the workflow's runner the way the Braket job
// container runs it, with no credentials and no AWS call (pull requests from
// forks get no OIDC token). The job's output streams into the step log, its
// max-runtime-seconds is enforced, a workflow cancel stops its whole process
// tree, and its end is reported as a followed job's is.
import * as core from '@actions/core'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PackagedSource } from '../archive/package-source.js'
import { resolveInputChannels } from '../aws/input-channels.js'
import { parseMetricLine } from '../follow/metric-lines.js'
import { MetricCollector } from '../follow/metric-series.js'
import { StepLog } from '../follow/step-log.js'
import { WorkflowSignals, type SignalTarget } from '../follow/workflow-signals.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { defaultBucket, planJob } from '../plan/job-plan.js'
import type { RunIdentity } from '../plan/run-identity.js'
import { inheritedEnvironment } from './container-environment.js'
import { runContainerJob, type ContainerOutcome } from './container-run.js'
import { reportRunnerOutcome } from './runner-report.js'
import { runnerInterpreter } from './runner-interpreter.js'
import { runnerStorage } from './runner-storage.js'

export interface RunOnRunnerRequest {
  spec: JobSpec
  identity: RunIdentity
  source: PackagedSource
  env: NodeJS.ProcessEnv
  /** The runner's interpreter; python3 by default. */
  python?: string
  signals?: SignalTarget
}

/** Between SIGTERM and SIGKILL: the runner itself sends SIGTERM 7.5 s after SIGINT on a cancel. */
const STOP_GRACE_MS = 2_000

export const CANCELLED_REASON = 'The workflow run was cancelled.'

export function maxRuntimeReason(seconds: number): string {
  return `MaxRuntimeExceeded: The job ran longer than its maximum runtime of ${seconds} seconds (max-runtime-seconds) and was stopped.`
}

/** A local: device runs as given; any other is replaced by local-device, which the job's code must run itself. */
export function runnerDevice(spec: Pick<JobSpec, 'device' | 'localDevice'>): string {
  if (spec.device.startsWith('local:')) return spec.device
  core.notice(
    `device ${spec.device} needs AWS; on the runner the job gets AMZN_BRAKET_DEVICE_ARN=${spec.localDevice} (local-device) instead. ` +
      `The code must run local: devices itself with LocalSimulator, as Braket's embedded-simulator jobs do.`,
    { title: 'run-on-runner' }
  )
  return spec.localDevice
}

export async function runOnRunner(request: RunOnRunnerRequest): Promise<void> {
  const { spec, identity, source, env } = request
  const python = request.python ?? 'python3'
  if (spec.follow.commentOnPr && spec.follow.githubToken) core.setSecret(spec.follow.githubToken)
  const device = runnerDevice(spec)
  // The name a real run of this request would get (the account left as a placeholder, as in a dry run).
  const channels = await resolveInputChannels(spec, spec.bucket ?? defaultBucket(spec.region, '{account-id}'), undefined)
  const { jobName } = planJob(spec, identity, source, channels, '{account-id}', identity.runAttempt)
  const temp = env.RUNNER_TEMP || tmpdir()
  const root = await mkdtemp(join(temp, 'braket-runner-'))
  const resultsDir = spec.follow.downloadResults ?? join(temp, 'braket-results', jobName)

  core.info(`Running ${jobName} on this runner as the Braket job container would: no credentials, no AWS call.`)
  const stepLog = new StepLog(false, spec.follow.streamLogs)
  const metrics = new MetricCollector()
  const onLines = (lines: string[]) => {
    const timestamp = Date.now()
    stepLog.logLines(lines.map((message) => ({ timestamp, message, instance: 'algo-1' })))
    for (const line of lines) metrics.add(parseMetricLine(line))
  }
  const inherited = inheritedEnvironment(env)
  const run = runContainerJob({
    job: {
      jobName,
      entryPoint: spec.entryPoint,
      deviceArn: device,
      hyperParameters: spec.hyperParameters,
      compressionType: source.compressionType
    },
    workspaceRoot: join(root, 'job'),
    storage: runnerStorage(source, spec.inputChannels, resultsDir),
    interpreter: runnerInterpreter({ python, venvDir: join(root, 'venv'), env: inherited }),
    environment: () => inherited,
    onLines,
    stopGraceMs: STOP_GRACE_MS
  })

  const startedAt = new Date()
  const signals = new WorkflowSignals(request.signals)
  signals.signal.addEventListener('abort', () => run.stop(CANCELLED_REASON))
  const overrun = setTimeout(() => run.stop(maxRuntimeReason(spec.maxRuntimeInSeconds)), spec.maxRuntimeInSeconds * 1000)
  let outcome: ContainerOutcome
  try {
    outcome = await run.finished
  } finally {
    clearTimeout(overrun)
    signals.dispose()
    stepLog.closeGroup()
    await rm(root, { recursive: true, force: true })
  }
  await reportRunnerOutcome({
    spec,
    identity,
    env,
    jobName,
    device,
    python,
    outcome,
    ...(signals.received ? { signal: signals.received } : {}),
    startedAt,
    endedAt: new Date(),
    metrics,
    lastLines: stepLog.lastLines(),
    resultsDir
  })
}
