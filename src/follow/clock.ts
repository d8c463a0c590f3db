// Time for the follower, injectable so unit tests run a six-hour wait in milliseconds.
import { setTimeout as delay } from 'node:timers/promises'
import { errorName } from '../common/errors.js'

export interface Clock {
  now(): number
  /** Resolves after `ms`, or early (never rejecting) once `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  async sleep(ms, signal) {
    if (signal?.aborted) return
    try {
      await delay(Math.max(0, ms), undefined, { signal })
    } catch (error) {
      if (errorName(error) !== 'AbortError') throw error
    }
  }
}
