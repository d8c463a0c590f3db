// The job's Python on the runner: a fresh virtual environment made with the
// runner's python3, and every requirements.txt in the code installed into it with
// pip, as the container does, from the code directory. Unlike the container,
// pip's failure fails the run, with pip's last lines.
//
// The environment sees the runner's own packages (--system-site-packages): the
// job container comes with the Braket SDK and its friends installed, and a
// workflow can install them in an earlier step instead of in requirements.txt.
// That also lends the environment the runner's pip, so no pip is copied into it
// unless the runner has none. pip's own settings apply (PIP_INDEX_URL,
// PIP_FIND_LINKS, PIP_NO_INDEX, …).
import { join } from 'node:path'
import { ContainerSetupError, type InterpreterSetup, type ProcessStarter } from './container-run.js'
import { requirementsFiles } from './requirements-files.js'

/** Lines of pip's output repeated in the failure reason. */
const PIP_TAIL_LINES = 12

export interface RunnerPythonOptions {
  /** The runner's interpreter, python3 by default. */
  python: string
  /** Where the virtual environment goes (fresh: it must not exist yet). */
  venvDir: string
  /** The environment venv and pip run with. */
  env: Record<string, string>
}

export function venvPython(venvDir: string): string {
  return process.platform === 'win32' ? join(venvDir, 'Scripts', 'python.exe') : join(venvDir, 'bin', 'python')
}

interface StepResult {
  ok: boolean
  /** The last lines it printed. */
  tail: string[]
  why: string
}

/** Runs a command to its end; its lines go to the job's log, the last few are kept. */
async function runStep(
  start: ProcessStarter,
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>
): Promise<StepResult> {
  const tail: string[] = []
  const keep = (lines: string[]) => {
    tail.push(...lines)
    tail.splice(0, Math.max(0, tail.length - PIP_TAIL_LINES))
  }
  const exit = await start({ command, args, cwd, env, onLines: keep }).exited
  const why = exit.startError ?? (exit.signal ? `it was stopped by ${exit.signal}` : `it exited with code ${exit.code}`)
  return { ok: !exit.startError && !exit.signal && exit.code === 0, tail, why }
}

const failure = (what: string, step: StepResult, hint = '') =>
  new ContainerSetupError(`${what}: ${step.why}.${hint}${step.tail.length > 0 ? `\n${step.tail.join('\n')}` : ''}`)

export function runnerInterpreter(options: RunnerPythonOptions): InterpreterSetup {
  return async (workspace, start, log) => {
    const { env } = options
    const made = await runStep(
      start,
      options.python,
      ['-m', 'venv', '--system-site-packages', '--without-pip', options.venvDir],
      workspace.root,
      env
    )
    if (!made.ok)
      throw failure(
        `Could not create a virtual environment with ${options.python} -m venv`,
        made,
        ' On Debian and Ubuntu the venv module is the python3-venv package; actions/setup-python includes it.'
      )
    const python = venvPython(options.venvDir)
    log(['Checking for Additional Requirements'])
    const files = await requirementsFiles(workspace.codeDir)
    if (files.length > 0 && !(await runStep(start, python, ['-m', 'pip', '--version'], workspace.codeDir, env)).ok) {
      const bootstrapped = await runStep(start, python, ['-m', 'ensurepip', '--default-pip'], workspace.codeDir, env)
      if (!bootstrapped.ok) throw failure('The runner has no pip, and ensurepip could not add one', bootstrapped)
    }
    for (const file of files) {
      const pipArgs = ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', file]
      const installed = await runStep(start, python, pipArgs, workspace.codeDir, env)
      if (!installed.ok) throw failure(`pip could not install ${file}`, installed)
    }
    log(['Additional Requirements Check Finished'])
    return python
  }
}
