// Runs the pre-flight's Python program with the runner's python3: the request
// on stdin, the findings as JSON on stdout. Isolated (-I: no PYTHON* variables,
// no user site, no script or working folder on sys.path), without site (-S) and
// without writing bytecode (-B), from a folder of its own, so nothing of the
// user's tree can be imported by the checker itself.
import { spawn } from 'node:child_process'
import { errorMessage } from '../common/errors.js'
import type { InputName } from '../inputs/action-inputs.js'
import { CHECKER_SOURCE } from './checker-source.js'

export interface CheckerRequest {
  /** The unpacked archive, as the container's code directory. */
  root: string
  module: string
  function?: string
  hyperparameters: Record<string, string>
  mustBind: boolean
}

export interface Finding {
  level: 'error' | 'warning' | 'note'
  input: InputName
  message: string
}

export type CheckerAnswer = { kind: 'checked'; findings: Finding[] } | { kind: 'no-python' } | { kind: 'broken'; why: string }

/** Far more than reading one module needs; a checker that takes longer is stopped rather than trusted. */
const CHECK_TIMEOUT_MS = 30_000
const LEVELS = new Set(['error', 'warning', 'note'])
const INPUTS = new Set<string>(['entry-point', 'hyperparameters'])

export async function runChecker(python: string, request: CheckerRequest, cwd: string): Promise<CheckerAnswer> {
  const child = spawn(python, ['-I', '-S', '-B', '-c', CHECKER_SOURCE], { cwd, stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), CHECK_TIMEOUT_MS)
  const ended = new Promise<{ code: number | null; error?: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, error }))
    child.once('close', (code) => resolve({ code }))
  })
  child.stdin.on('error', () => undefined)
  child.stdin.end(JSON.stringify(request))
  const { code, error } = await ended
  clearTimeout(timer)
  if (error?.code === 'ENOENT') return { kind: 'no-python' }
  if (error) return { kind: 'broken', why: errorMessage(error) }
  if (code !== 0) return { kind: 'broken', why: `${python} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}` }
  try {
    return { kind: 'checked', findings: readFindings(JSON.parse(stdout)) }
  } catch (parseError) {
    return { kind: 'broken', why: `unreadable answer: ${errorMessage(parseError)}` }
  }
}

function readFindings(answer: unknown): Finding[] {
  const list = (answer as { findings?: unknown } | null)?.findings
  if (!Array.isArray(list)) throw new Error('no findings list')
  return list.map((item) => {
    const { level, input, message } = item as Record<string, unknown>
    if (typeof level !== 'string' || !LEVELS.has(level) || typeof input !== 'string' || !INPUTS.has(input) || typeof message !== 'string')
      throw new Error('a finding of an unknown form')
    return { level: level as Finding['level'], input: input as InputName, message }
  })
}
