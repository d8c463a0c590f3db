// The algorithm checked before anything is spent: the source's tree laid out as
// the container will unpack it (check-tree.ts), every requirements.txt in it is read as
// pip reads it, and the entry point is read with python3's ast (never imported
// or run) to see that it exists and that the hyperparameters bind to it and cast
// as the container binds and casts them. Errors stop the step before anything is
// uploaded or created, each naming its input; warnings and notes are printed.
import * as core from '@actions/core'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { PackagedSource } from '../archive/package-source.js'
import { logText } from '../common/untrusted.js'
import { InputError, problemText, type InputProblem } from '../inputs/input-error.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { logHeading, logRow } from '../report/log-layout.js'
import { requirementsFiles } from '../runner/requirements-files.js'
import { layOutForCheck } from './check-tree.js'
import { runChecker, type CheckerAnswer } from './python-checker.js'
import { RequirementsChecker, type RequirementsListing } from './requirements-check.js'

export type PreflightSpec = Pick<JobSpec, 'entryModule' | 'hyperParameters' | 'hyperParametersMustBind'>

export interface PreflightResult {
  requirements: RequirementsListing[]
  /** Whether python3 read the entry point (false: it is not on the runner). */
  entryPointChecked: boolean
}

const MESSAGE_MAX = 2000

/** The archive as the container will unpack it, in a folder of its own under `dir`. */
async function treeForCheck(source: PackagedSource, dir: string): Promise<string> {
  const tree = join(dir, 'code')
  await mkdir(tree, { recursive: true })
  if (source.content.kind === 'archive') await layOutForCheck(source.content.manifest, tree)
  else await copyFile(source.content.path, join(tree, basename(source.content.path)))
  return tree
}

/** Unpacks `source` under RUNNER_TEMP and checks it; throws InputError listing every error found. */
export async function preflightAlgorithm(
  spec: PreflightSpec,
  source: PackagedSource,
  env: NodeJS.ProcessEnv,
  python = 'python3'
): Promise<PreflightResult> {
  const workDir = await mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'braket-preflight-'))
  try {
    return await checkTree(spec, await treeForCheck(source, workDir), workDir, python)
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

async function checkTree(spec: PreflightSpec, tree: string, workDir: string, python: string): Promise<PreflightResult> {
  const requirements = new RequirementsChecker(tree)
  for (const file of await requirementsFiles(tree)) await requirements.check(file)
  const { entryModule } = spec
  const answer = await runChecker(
    python,
    {
      root: tree,
      module: entryModule.moduleName,
      ...(entryModule.functionName ? { function: entryModule.functionName } : {}),
      hyperparameters: spec.hyperParameters,
      mustBind: spec.hyperParametersMustBind
    },
    workDir
  )
  const result = { requirements: requirements.listings(), entryPointChecked: answer.kind === 'checked' }
  logPreflight(result, answer, python)

  const errors: InputProblem[] = [...requirements.problems]
  if (answer.kind === 'checked') {
    for (const finding of answer.findings) {
      const problem = { input: finding.input, message: logText(finding.message, MESSAGE_MAX) }
      if (finding.level === 'error') errors.push(problem)
      else if (finding.level === 'warning') core.warning(problemText(problem), { title: `Input "${problem.input}"` })
      else core.info(`  note: ${problemText(problem)}`)
    }
  }
  if (errors.length > 0) throw new InputError(errors.map((problem) => ({ ...problem, message: logText(problem.message, MESSAGE_MAX) })))
  return result
}

function logPreflight(result: PreflightResult, answer: CheckerAnswer, python: string): void {
  logHeading('Pre-flight')
  const files = result.requirements
  logRow(
    'requirements',
    files.length === 0
      ? '(no requirements.txt)'
      : files.map((file) => `${logText(file.path)} (${file.requirements} requirement${file.requirements === 1 ? '' : 's'})`).join(', ')
  )
  switch (answer.kind) {
    case 'checked':
      logRow('entry point', `read with ${python}'s ast (not run): module, function, hyperparameter binding and casts`)
      return
    case 'no-python':
      core.notice(`${python} is not on the runner: the entry point and hyperparameters were not checked (actions/setup-python adds it).`, {
        title: 'Pre-flight'
      })
      return
    case 'broken':
      core.warning(`The entry point could not be checked: ${logText(answer.why)}`, { title: 'Pre-flight' })
  }
}
