// Runs the launcher as a child process and turns its stdout and stderr into
// log lines as they come, the way the container's log driver feeds CloudWatch.
import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'

export interface ProcessExit {
  code: number | null
  signal: NodeJS.Signals | null
  /** Set when the process could not be started at all. */
  startError?: string
}

export interface RunningProcess {
  exited: Promise<ProcessExit>
  /** SIGTERM to the whole process group, then SIGKILL if it is still there after `graceMs`. */
  terminate(graceMs: number): void
}

export interface ProcessSpec {
  command: string
  args: string[]
  cwd: string
  env: Record<string, string>
  onLines: (lines: string[]) => void
}

/** Splits a byte stream into lines, holding back a partial last line until it completes or the stream ends. */
function forwardLines(stream: Readable, onLines: (lines: string[]) => void): Promise<void> {
  let pending = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n')
    pending = parts.pop() ?? ''
    if (parts.length > 0) onLines(parts.map((line) => line.replace(/\r$/, '')))
  })
  return new Promise((resolve) => {
    stream.on('close', () => {
      if (pending !== '') onLines([pending.replace(/\r$/, '')])
      pending = ''
      resolve()
    })
  })
}

/** How long to wait, once the launcher exited, for the last output still in the pipes. */
const OUTPUT_DRAIN_MS = 1000

export function startProcess(spec: ProcessSpec): RunningProcess {
  // Its own process group, so a stop reaches whatever the entry point started too.
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const output = Promise.all([forwardLines(child.stdout, spec.onLines), forwardLines(child.stderr, spec.onLines)])
  let running = true
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return
    try {
      process.kill(-child.pid, signal)
    } catch {
      // The group is gone already.
    }
  }

  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      running = false
      resolve({ code: null, signal: null, startError: `Could not start ${spec.command}: ${error.message}` })
    })
    child.once('exit', (code, signal) => {
      running = false
      // When the container's main process ends, the container and all it started go with it.
      signalGroup('SIGKILL')
      const drained = new Promise<void>((done) => setTimeout(done, OUTPUT_DRAIN_MS).unref())
      void Promise.race([output, drained]).then(() => {
        child.stdout.destroy()
        child.stderr.destroy()
        resolve({ code, signal })
      })
    })
  })

  return {
    exited,
    terminate(graceMs) {
      if (!running) return
      signalGroup('SIGTERM')
      const kill = setTimeout(() => running && signalGroup('SIGKILL'), graceMs)
      kill.unref()
      void exited.then(() => clearTimeout(kill))
    }
  }
}
