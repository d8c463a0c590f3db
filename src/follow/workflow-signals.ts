// When a workflow run is cancelled the runner sends SIGINT, then SIGTERM about
// 7.5 s later, then kills the step. While the action follows a job, either
// signal aborts the wait instead of ending the process, so the job can be
// cancelled and the outcome reported within that window.

export type SignalTarget = Pick<NodeJS.Process, 'on' | 'off'>

export class WorkflowSignals {
  private readonly controller = new AbortController()
  /** The first signal received. */
  received?: NodeJS.Signals
  private readonly handler = (signal: NodeJS.Signals) => {
    this.received ??= signal
    this.controller.abort()
  }

  constructor(
    private readonly target: SignalTarget = process,
    private readonly signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
  ) {
    for (const signal of this.signals) this.target.on(signal, this.handler)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** Back to the default (ending the process) once the action no longer waits. */
  dispose(): void {
    for (const signal of this.signals) this.target.off(signal, this.handler)
  }
}
