// One debug line per AWS call, shown when the runner's debug logging is on (a
// re-run with "Enable debug logging", or ACTIONS_STEP_DEBUG): which call, its
// HTTP status, attempts, time and request id — what a user needs to tell a slow
// or throttled run from a broken one, and what AWS Support asks for. Never the
// request or response bodies: they carry credentials and the repository's data.
import * as core from '@actions/core'
import type { Pluggable, ResponseMetadata } from '@smithy/types'
import { errorName } from '../common/errors.js'
import { logText } from '../common/untrusted.js'

function metadataOf(value: unknown): ResponseMetadata {
  const metadata = (value as { $metadata?: ResponseMetadata } | undefined)?.$metadata
  return typeof metadata === 'object' && metadata !== null ? metadata : {}
}

/** `S3 HeadObject: HTTP 404 (NotFound), 1 attempt, 12 ms, request id ABC`. */
export function describeTrace(call: string, metadata: ResponseMetadata, elapsedMs: number, errorCode?: string): string {
  const parts = [
    `HTTP ${metadata.httpStatusCode ?? '—'}${errorCode ? ` (${errorCode})` : ''}`,
    `${metadata.attempts ?? 1} attempt${(metadata.attempts ?? 1) === 1 ? '' : 's'}`,
    `${Math.round(elapsedMs)} ms${metadata.totalRetryDelay ? ` (${metadata.totalRetryDelay} ms of it waiting to retry)` : ''}`,
    ...(metadata.requestId ? [`request id ${metadata.requestId}`] : [])
  ]
  return logText(`${call}: ${parts.join(', ')}`, 400)
}

export function traceCalls<Input extends object, Output extends object>(service: string): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          if (!core.isDebug()) return next(args)
          const call = `${service} ${context.commandName?.replace(/Command$/, '') ?? 'call'}`
          const started = performance.now()
          try {
            const result = await next(args)
            core.debug(describeTrace(call, metadataOf(result.output), performance.now() - started))
            return result
          } catch (error) {
            core.debug(describeTrace(call, metadataOf(error), performance.now() - started, errorName(error)))
            throw error
          }
        },
        // Outside the retries, as nameFailedCalls: one line per call, with its attempts counted.
        { step: 'initialize', name: 'traceCalls', override: true }
      )
    }
  }
}
