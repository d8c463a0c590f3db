import { INPUT_NAMES, type InputName, type RawInputs } from '../../src/inputs/action-inputs.js'
import { InputError, problemText } from '../../src/inputs/input-error.js'
import type { PathProbe } from '../../src/inputs/path-probe.js'
import type { RunIdentity } from '../../src/plan/run-identity.js'

/** A complete, valid set of inputs as the runner would pass them, with overrides. */
export function rawInputs(overrides: Partial<Record<InputName, string>> = {}): RawInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<InputName, string>
  return {
    ...raw,
    'aws-region': 'us-west-2',
    'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
    device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
    'source-dir': 'algorithms/vqe',
    'entry-point': 'vqe.main:run',
    ...overrides
  }
}

export function runIdentity(overrides: Partial<RunIdentity> = {}): RunIdentity {
  return {
    repository: 'octo/quantum-lab',
    runId: '4242',
    runAttempt: 1,
    job: 'submit',
    step: 'braket',
    workflow: 'experiments',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    eventName: 'push',
    serverUrl: 'https://github.com',
    actor: 'octocat',
    workspace: '/home/runner/work/quantum-lab/quantum-lab',
    ...overrides
  }
}

/**
 * A checkout as the input checks see it, without touching the disk: every path is a
 * directory, but for .py files and the paths named in `missing`.
 */
export function fakeCheckout(missing: readonly string[] = []): PathProbe {
  return (absolutePath) =>
    missing.some((path) => absolutePath.endsWith(path))
      ? { kind: 'missing' }
      : absolutePath.endsWith('.py')
        ? { kind: 'file' }
        : { kind: 'directory' }
}

/** The text of each problem the inputs are refused with; an error when they are accepted. */
export function inputProblems(build: () => unknown): string[] {
  try {
    build()
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(problemText)
    throw error
  }
  throw new Error('expected the inputs to be rejected')
}
