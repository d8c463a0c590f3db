// Execute mode: runs a hybrid job's entry point on this machine the way the
// Braket job container does. The source comes from the stand-in's S3 and is
// unpacked safely into a per-job workspace; python runs container-launcher.py
// there with the container's environment; its output becomes the job's log
// lines as it is printed; on exit the results directory is uploaded as
// <outputDataConfig.s3Path>/output/model.tar.gz and the workspace removed.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { braketFacts } from '../../../src/facts/aws-facts.js'
import type { StandInState } from '../core/state.js'
import { CODE_DIR_VARIABLE, FAILURE_FILE_VARIABLE, containerEnvironment } from './container-environment.js'
import { ContainerSetupError, downloadChannels, installSource, restoreCheckpoints, writeHyperparameters } from './container-inputs.js'
import { readJobSpec, type ContainerJobSpec } from './container-job-spec.js'
import { uploadCheckpoints, uploadResults } from './container-outputs.js'
import { startProcess, type ProcessExit, type RunningProcess } from './container-process.js'
import { createWorkspace, removeWorkspace, type ContainerWorkspace } from './container-workspace.js'

export { CODE_DIR_VARIABLE, FAILURE_FILE_VARIABLE }

export interface JobRunContext {
  state: StandInState
  jobArn: string
  /** The UUID part of the job ARN. */
  jobId: string
  jobName: string
  /** The CreateJob request body. */
  request: Record<string, unknown>
  /** `<jobName>/<uuid>/`: where the job's log streams live in /aws/braket/jobs. */
  logStreamPrefix: string
  /** Appends lines to the log stream of instance `instance` (1-based). */
  appendLog(instance: number, lines: string[]): void
}

export interface JobRunOutcome {
  outcome: 'COMPLETED' | 'FAILED'
  failureReason?: string
}

export interface JobRun {
  /** Stops the entry point: SIGTERM to its process group, SIGKILL after a short grace. */
  cancel(): void
  /** Settles once the process is gone, results are uploaded and the workspace removed; never rejects. */
  finished: Promise<JobRunOutcome>
}

/** Next to this module, found the same way under tsx and jest. */
export const LAUNCHER_PATH = fileURLToPath(new URL('./container-launcher.py', import.meta.url))

/** SageMaker allows 120 s between SIGTERM and SIGKILL; locally a short grace is enough. */
export const CANCEL_GRACE_MS = 2000

export const CANCELLED_REASON = 'The job was cancelled.'

const FAILURE_REASON_MAX = braketFacts.shapes[braketFacts.shapes.GetJobResponse!.members!.failureReason!.shape]!.max!

const failed = (reason: string): JobRunOutcome => ({
  outcome: 'FAILED',
  failureReason: reason.length > FAILURE_REASON_MAX ? `${reason.slice(0, FAILURE_REASON_MAX - 1)}…` : reason
})

function exitReason(spec: ContainerJobSpec, exit: ProcessExit): string | undefined {
  if (exit.startError) return exit.startError
  if (exit.signal) return `Job at ${spec.entryPoint} was stopped by ${exit.signal}`
  if (exit.code !== 0) return `Job at ${spec.entryPoint} exited with exit code: ${exit.code}`
  return undefined
}

export function runPythonJob(context: JobRunContext): JobRun {
  const { state } = context
  const log = (lines: string[]) => context.appendLog(1, lines)
  let cancelled = false
  let running: RunningProcess | undefined

  const run = async (): Promise<JobRunOutcome> => {
    const read = readJobSpec(context.request, context.jobName)
    if (!read.ok) {
      log([read.reason])
      return failed(read.reason)
    }
    const spec = read.spec
    let workspace: ContainerWorkspace | undefined
    try {
      workspace = await createWorkspace(state.options.dataDir, context.jobId)
      try {
        await installSource(state.objects, spec, workspace)
        await writeHyperparameters(spec, workspace)
        await downloadChannels(state.objects, spec, workspace)
        await restoreCheckpoints(state.objects, spec, workspace)
      } catch (error) {
        if (!(error instanceof ContainerSetupError)) throw error
        log(error.message.split('\n'))
        return failed(error.message)
      }
      if (cancelled) return failed(CANCELLED_REASON)
      if (!existsSync(LAUNCHER_PATH)) return failed(`The stand-in's job launcher is missing: ${LAUNCHER_PATH}`)

      running = startProcess({
        command: state.options.python,
        args: ['-u', LAUNCHER_PATH],
        cwd: workspace.codeDir,
        env: containerEnvironment(state, spec, workspace, state.jobs.get(context.jobArn)?.jobToken),
        onLines: log
      })
      // A cancel that raced the start.
      if (cancelled) running.terminate(CANCEL_GRACE_MS)
      const exit = await running.exited
      if (exit.startError) log([exit.startError])

      const failureText = (await readFile(workspace.failureFile, 'utf8').catch(() => '')).trim()
      try {
        // Stopped jobs keep what they saved, as SageMaker uploads the model directory on a stop too.
        await uploadResults(state, spec.outputS3Path, workspace.resultsDir)
        await uploadCheckpoints(state, spec.checkpointS3Uri, workspace.checkpointDir)
      } catch (error) {
        const reason = `Unable to upload results to ${spec.outputS3Path}.\nException: ${(error as Error).message}`
        log(reason.split('\n'))
        if (!cancelled && !failureText) return failed(reason)
      }

      if (cancelled) return failed(CANCELLED_REASON)
      // The container exits 0 after writing the failure file for its own errors: the file decides.
      if (failureText) return failed(failureText)
      const reason = exitReason(spec, exit)
      return reason ? failed(reason) : { outcome: 'COMPLETED' }
    } finally {
      if (workspace) await removeWorkspace(workspace).catch(() => undefined)
    }
  }

  const finished = run().catch((error: unknown) => {
    const reason = `The stand-in could not run the job: ${(error as Error)?.message ?? String(error)}`
    log([reason])
    return failed(reason)
  })

  return {
    cancel() {
      cancelled = true
      running?.terminate(CANCEL_GRACE_MS)
    },
    finished
  }
}
