// One run of a hybrid job the way the Braket job container runs it, wherever the
// code comes from and the outputs go: the workspace laid out, the code and the
// inputs put in place by the caller's storage, checkpoints restored, the
// interpreter prepared (requirements), the launcher run in its own process group
// with the container's environment, its output turned into log lines as it is
// printed; then the outputs saved whatever the outcome, and the workspace removed.
// The stand-in's execute mode and the action's run-on-runner both run jobs here.
import { readFile, writeFile } from 'node:fs/promises'
import { braketFacts } from '../facts/aws-facts.js'
import { ActionError, errorMessage } from '../common/errors.js'
import { containerVariables, type ContainerJob } from './container-environment.js'
import { writeLauncher } from './container-launcher.js'
import { startProcess, type ProcessExit, type ProcessSpec, type RunningProcess } from './container-process.js'
import { createWorkspace, removeWorkspace, type ContainerWorkspace } from './container-workspace.js'

/** A step that failed the way the container reports it: the text goes to the log and becomes the failure reason. */
export class ContainerSetupError extends ActionError {}

/** Checkpoints the job keeps across runs (checkpointConfig); the place where syncing them slots in. */
export interface CheckpointStore {
  /** Before the entry point starts: what an earlier run left. */
  restore(workspace: ContainerWorkspace): Promise<void>
  /** After the run, whatever its outcome, and every `syncEveryMs` while it runs when that is set. */
  save(workspace: ContainerWorkspace): Promise<void>
  syncEveryMs?: number
}

/** Where the job's code and inputs come from and its results go. */
export interface ContainerStorage {
  /** Fills workspace.codeDir; throws ContainerSetupError with the container's words when it cannot. */
  installCode(workspace: ContainerWorkspace): Promise<void>
  /** One folder per input channel under workspace.inputDataDir. */
  provideInputs(workspace: ContainerWorkspace): Promise<void>
  /** The results directory, after the run whatever its outcome; throws ContainerSetupError to fail the job. */
  saveResults(workspace: ContainerWorkspace): Promise<void>
  checkpoints?: CheckpointStore
}

/** Starts a process of the run (stoppable with it) whose lines go to the job's log, and to `spec.onLines` too when given. */
export type ProcessStarter = (spec: Omit<ProcessSpec, 'onLines'> & Partial<Pick<ProcessSpec, 'onLines'>>) => RunningProcess

/** Returns the python to run the launcher with, after installing what the code needs; throws ContainerSetupError. */
export type InterpreterSetup = (workspace: ContainerWorkspace, start: ProcessStarter, log: (lines: string[]) => void) => Promise<string>

export interface ContainerRunOptions {
  job: ContainerJob
  /** The workspace folder to create (and remove at the end). */
  workspaceRoot: string
  storage: ContainerStorage
  interpreter: InterpreterSetup
  /** The environment under the container's variables (inherited variables, credentials, endpoints). */
  environment: (workspace: ContainerWorkspace) => Record<string, string>
  /** The job's log lines, stdout and stderr, as they are printed. */
  onLines: (lines: string[]) => void
  /** Between SIGTERM and SIGKILL when the run is stopped. */
  stopGraceMs: number
}

export interface ContainerOutcome {
  outcome: 'COMPLETED' | 'FAILED'
  failureReason?: string
  /** Set when stop() ended the run: the reason it was given. */
  stoppedBecause?: string
}

export interface ContainerRun {
  /** Stops the run: SIGTERM to the process group (pip's or the entry point's), SIGKILL after the grace. */
  stop(reason: string): void
  /** Settles once the process is gone, the outputs are saved and the workspace removed; never rejects. */
  finished: Promise<ContainerOutcome>
}

const FAILURE_REASON_MAX = braketFacts.shapes[braketFacts.shapes.GetJobResponse!.members!.failureReason!.shape]!.max!

export const failedWith = (reason: string): ContainerOutcome => ({
  outcome: 'FAILED',
  failureReason: reason.length > FAILURE_REASON_MAX ? `${reason.slice(0, FAILURE_REASON_MAX - 1)}…` : reason
})

function exitReason(entryPoint: string, exit: ProcessExit): string | undefined {
  if (exit.startError) return exit.startError
  if (exit.signal) return `Job at ${entryPoint} was stopped by ${exit.signal}`
  if (exit.code !== 0) return `Job at ${entryPoint} exited with exit code: ${exit.code}`
  return undefined
}

export function runContainerJob(options: ContainerRunOptions): ContainerRun {
  const { job, storage, onLines } = options
  let stoppedBecause: string | undefined
  let current: RunningProcess | undefined
  const start: ProcessStarter = (spec) => {
    const also = spec.onLines
    current = startProcess({ ...spec, onLines: also ? (lines) => (onLines(lines), also(lines)) : onLines })
    // A stop that raced the start.
    if (stoppedBecause !== undefined) current.terminate(options.stopGraceMs)
    return current
  }
  const stopped = (): ContainerOutcome => ({ ...failedWith(stoppedBecause ?? ''), stoppedBecause })

  const setUp = async (workspace: ContainerWorkspace): Promise<string> => {
    await storage.installCode(workspace)
    await writeFile(workspace.hyperparametersFile, JSON.stringify(job.hyperParameters))
    await storage.provideInputs(workspace)
    await storage.checkpoints?.restore(workspace)
    return options.interpreter(workspace, start, onLines)
  }

  const run = async (workspace: ContainerWorkspace): Promise<ContainerOutcome> => {
    let python: string
    try {
      python = await setUp(workspace)
    } catch (error) {
      if (stoppedBecause !== undefined) return stopped()
      if (!(error instanceof ContainerSetupError)) throw error
      onLines(error.message.split('\n'))
      return failedWith(error.message)
    }
    if (stoppedBecause !== undefined) return stopped()

    const launcher = await writeLauncher(workspace.launcherDir)
    const environment = { ...options.environment(workspace), ...containerVariables(job, workspace) }
    const running = start({ command: python, args: ['-u', launcher], cwd: workspace.codeDir, env: environment })
    const sync = periodicSync(storage.checkpoints, workspace)
    const exit = await running.exited
    await sync.stop()
    if (exit.startError) onLines([exit.startError])

    const failureText = (await readFile(workspace.failureFile, 'utf8').catch(() => '')).trim()
    try {
      // Stopped jobs keep what they saved, as SageMaker uploads the model directory on a stop too.
      await storage.saveResults(workspace)
      await storage.checkpoints?.save(workspace)
    } catch (error) {
      if (!(error instanceof ContainerSetupError)) throw error
      onLines(error.message.split('\n'))
      if (stoppedBecause === undefined && !failureText) return failedWith(error.message)
    }

    if (stoppedBecause !== undefined) return stopped()
    // The container exits 0 after writing the failure file for its own errors: the file decides.
    if (failureText) return failedWith(failureText)
    const reason = exitReason(job.entryPoint, exit)
    return reason ? failedWith(reason) : { outcome: 'COMPLETED' }
  }

  const finished = (async (): Promise<ContainerOutcome> => {
    let workspace: ContainerWorkspace | undefined
    try {
      workspace = await createWorkspace(options.workspaceRoot)
      return await run(workspace)
    } catch (error) {
      const reason = `The job could not be run: ${errorMessage(error)}`
      onLines([reason])
      return failedWith(reason)
    } finally {
      if (workspace) await removeWorkspace(workspace).catch(() => undefined)
    }
  })()

  return {
    stop(reason) {
      stoppedBecause ??= reason
      current?.terminate(options.stopGraceMs)
    },
    finished
  }
}

/** Saves checkpoints every `syncEveryMs` while the entry point runs, one save at a time. */
function periodicSync(store: CheckpointStore | undefined, workspace: ContainerWorkspace): { stop(): Promise<void> } {
  if (!store?.syncEveryMs) return { stop: async () => undefined }
  let saving: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    saving = saving.then(() => store.save(workspace)).catch(() => undefined)
  }, store.syncEveryMs)
  return {
    async stop() {
      clearInterval(timer)
      await saving
    }
  }
}
