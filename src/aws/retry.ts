// Retry with exponential back-off and full jitter for the calls the SDK doesn't
// retry for us (the web identity exchange needs a fresh OIDC token per attempt).
// Jitter as in the SDK's standard mode: each delay is drawn between zero and the
// exponential bound, so matrix legs that failed together don't retry in lock-step.
import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry'
import type { SdkError } from '@smithy/types'
import { isNetworkFailure } from './aws-call.js'

export type Sleep = (ms: number) => Promise<void>
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export interface RetryOptions {
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  sleep: Sleep
  isRetryable(error: unknown): boolean
  onRetry?(error: unknown, attempt: number, delayMs: number): void
  /** A number in [0, 1); tests pin it. */
  random?: () => number
}

/** The delay before retry number `retry` (1 for the first): random below min(max, base × 2^(retry-1)). */
export function backoffDelay(retry: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const bound = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1))
  return Math.floor((options.random ?? Math.random)() * bound)
}

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error)) throw error
      const delayMs = backoffDelay(attempt, options)
      options.onRetry?.(error, attempt, delayMs)
      await options.sleep(delayMs)
    }
  }
}

/** STS's answer when it could not reach the identity provider: worth another try. */
const RETRYABLE_CODES = new Set(['IDPCommunicationError', 'IDPCommunicationErrorException'])

/** Throttling, server faults and network failures: what can succeed when tried again (the SDK's own classification). */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const sdkError = error as SdkError
  if (isThrottlingError(sdkError) || isTransientError(sdkError) || isServerError(sdkError)) return true
  if (RETRYABLE_CODES.has(sdkError.name)) return true
  // A network failure can reach us re-wrapped as a plain Error; its text still names it.
  return isNetworkFailure(error)
}
