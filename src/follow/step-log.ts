// What the follower prints into the step log: one collapsible group per phase of
// the job (its title is the transition, with its time), the job's events and
// queue moves, and the job's own log lines, kept from issuing workflow commands.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import type { ProgressLine } from './job-progress.js'
import type { LogLine } from './log-streams.js'
import { logText } from '../common/untrusted.js'

const PHASE_HINTS: Record<string, string> = {
  QUEUED: 'waiting for the device and an instance',
  RUNNING: "the job's log",
  CANCELLING: 'stopping'
}

/** Last lines kept, to repeat outside the groups when the job fails. */
const TAIL_LINES = 30

/** Prints text that is not ours with workflow commands paused, so a `::set-output` or `::add-mask` in it does nothing. */
export function printVerbatim(texts: readonly string[]): void {
  if (texts.length === 0) return
  const resume = randomUUID()
  core.info(`::stop-commands::${resume}`)
  for (const text of texts) core.info(text)
  core.info(`::${resume}::`)
}

export class StepLog {
  private groupOpen = false
  private readonly tail: string[] = []

  constructor(
    /** Instance prefixes only mean something with more than one instance. */
    private readonly multiInstance: boolean,
    private readonly printLogs: boolean
  ) {}

  progress(lines: readonly ProgressLine[]): void {
    for (const line of lines) {
      // Events, queue notes and statuses are Braket's text.
      if (line.kind !== 'transition') {
        core.info(logText(line.text, 1000))
        continue
      }
      this.closeGroup()
      const hint = PHASE_HINTS[line.to]
      if (hint) {
        core.startGroup(`${line.text} — ${hint}`)
        this.groupOpen = true
      } else {
        core.info(logText(line.text, 1000))
      }
    }
  }

  /** The job's own lines. They are someone else's text: no `::` line of theirs may act as a workflow command. */
  logLines(lines: readonly LogLine[]): void {
    if (lines.length === 0) return
    const texts = lines.map((line) => (this.multiInstance ? `[${line.instance}] ${line.message}` : line.message))
    for (const text of texts) {
      this.tail.push(text)
      if (this.tail.length > TAIL_LINES) this.tail.shift()
    }
    if (!this.printLogs) return
    if (!this.groupOpen) {
      core.startGroup("The job's log")
      this.groupOpen = true
    }
    printVerbatim(texts)
  }

  closeGroup(): void {
    if (this.groupOpen) core.endGroup()
    this.groupOpen = false
  }

  lastLines(): string[] {
    return [...this.tail]
  }
}
