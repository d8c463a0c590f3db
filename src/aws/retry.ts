// Retry with exponential backoff for the calls the SDK doesn't retry for us
// (the web identity exchange needs a fresh OIDC token per attempt).

export type Sleep = (ms: number) => Promise<void>
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export interface RetryOptions {
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  sleep: Sleep
  isRetryable(error: unknown): boolean
  onRetry?(error: unknown, attempt: number, delayMs: number): void
}

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error)) throw error
      const delayMs = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
      options.onRetry?.(error, attempt, delayMs)
      await options.sleep(delayMs)
    }
  }
}

const RETRYABLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'IDPCommunicationError',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'TimeoutError'
])

/** Throttling, server faults and network failures: what can succeed when tried again. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const details = error as Error & { code?: string; $fault?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown }
  if (RETRYABLE_CODES.has(error.name) || (details.code !== undefined && RETRYABLE_CODES.has(details.code))) return true
  if (details.$retryable) return true
  const status = details.$metadata?.httpStatusCode
  return details.$fault === 'server' || (status !== undefined && status >= 500)
}
