// How often the follower asks: quick at first (a short job ends soon), then settling,
// so a six-hour job costs a few hundred GetJob calls, not thousands.

export interface PollIntervals {
  initialMs: number
  maxMs: number
}

export const DEFAULT_INTERVALS: PollIntervals = { initialMs: 5_000, maxMs: 30_000 }
const GROWTH = 1.5

/**
 * BRAKET_ACTION_POLL_INTERVAL_MS="initial,max" (or "initial"): meant for the local
 * stand-in, whose scripted jobs last milliseconds. It only ever lowers the intervals,
 * so it can't make a real workflow notice a job's end later than documented.
 */
export function pollIntervals(env: NodeJS.ProcessEnv, defaults: PollIntervals = DEFAULT_INTERVALS): PollIntervals {
  const raw = env.BRAKET_ACTION_POLL_INTERVAL_MS?.trim()
  if (!raw) return defaults
  const [initial, max] = raw.split(',').map((part) => Number(part.trim()))
  if (initial === undefined || !Number.isFinite(initial) || initial <= 0) return defaults
  const initialMs = Math.min(defaults.initialMs, initial)
  const maxMs = Math.max(initialMs, Math.min(defaults.maxMs, max !== undefined && Number.isFinite(max) && max > 0 ? max : defaults.maxMs))
  return { initialMs, maxMs }
}

/** Delays that grow ×1.5 from the initial interval up to the maximum; reset() starts over (on a status change). */
export class PollSchedule {
  private current: number

  constructor(private readonly intervals: PollIntervals) {
    this.current = intervals.initialMs
  }

  /** The next delay, at most `capMs` (e.g. tighter while log lines are streaming). */
  next(capMs = this.intervals.maxMs): number {
    const delay = Math.min(this.current, capMs, this.intervals.maxMs)
    this.current = Math.min(this.intervals.maxMs, Math.round(this.current * GROWTH))
    return delay
  }

  reset(): void {
    this.current = this.intervals.initialMs
  }
}
