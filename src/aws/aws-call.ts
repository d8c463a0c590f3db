// Every AWS call the action makes fails the same way: saying which call failed
// (service, operation, and what it was about), after how many attempts, with
// AWS's request id to quote to AWS Support, and what to do about it.
import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry'
import type { Pluggable, SdkError } from '@smithy/types'
import { ActionError, errorMessage, errorName } from '../common/errors.js'
import { logText } from '../common/untrusted.js'

export type AwsService = 'S3' | 'Braket' | 'STS' | 'CloudWatch Logs'

export interface AwsCall {
  service: AwsService
  /** The API operation, as AWS names it (HeadBucket, CreateJob, …). */
  operation: string
  /** What the call was about, as a person would look it up: `bucket x`, `s3://bucket/key`, a job ARN. */
  target?: string
  /** The IAM action a denial means is missing, e.g. `s3:PutObject`. */
  permission?: string
}

/**
 * - throttled: AWS asked to slow down, through every retry
 * - server: a 5xx, through every retry
 * - network: no answer (connection reset or refused, timeout, DNS)
 * - denied: the caller may not make the call
 * - credentials: the credentials themselves were not accepted
 * - rejected: AWS refused the request as it was (a 4xx)
 */
export type FailureKind = 'throttled' | 'server' | 'network' | 'denied' | 'credentials' | 'rejected'

export interface CallFailure {
  kind: FailureKind
  /** AWS's error code (the SDK's error name), or the system error code. */
  code: string
  message: string
  status?: number
  /** How many times the SDK (or the action) sent it. */
  attempts?: number
  requestId?: string
  extendedRequestId?: string
}

/** A failed AWS call, its message written for the step log. `cause` is what the SDK threw. */
export class AwsCallError extends ActionError {
  constructor(
    readonly call: AwsCall,
    readonly failure: CallFailure,
    message: string,
    options?: ErrorOptions
  ) {
    super(message, options)
  }

  /** The call and how it failed, without the advice: for a warning about a call that is tried again later. */
  get summary(): string {
    return `${describeCall(this.call)} ${describeFailure(this.failure)}`
  }
}

export const AWS_HEALTH_DASHBOARD = 'https://health.aws.amazon.com/health/status'
export const RERUN_IS_SAFE =
  'Re-running the step is safe: uploads are content-addressed, and the same clientToken gives back the same job instead of creating ' +
  'a second one.'

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH'
])
const NETWORK_TEXT = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|socket hang up|TimeoutError/
const CREDENTIAL_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'CredentialsProviderError'
])
/** What the SDK calls an error whose answer had no body to name it (S3's HEAD requests). */
const UNNAMED = new Set(['Unknown', 'UnknownError'])
const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'Forbidden', 'AllAccessDisabled'])

interface ErrorShape {
  code?: unknown
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string; extendedRequestId?: string }
}

/** No answer at all: a reset or refused connection, a timeout, a name that did not resolve. */
export function isNetworkFailure(error: unknown): boolean {
  const code = (error as ErrorShape | null)?.code
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true
  return NETWORK_TEXT.test(`${errorName(error)}: ${errorMessage(error)}`)
}

function kindOf(error: unknown, code: string, status: number | undefined): FailureKind {
  if (CREDENTIAL_CODES.has(code)) return 'credentials'
  if (DENIED_CODES.has(code) || status === 403) return 'denied'
  const sdkError = error as SdkError
  if (isThrottlingError(sdkError)) return 'throttled'
  if (isServerError(sdkError) || (status !== undefined && status >= 500)) return 'server'
  if (isNetworkFailure(error) || (status === undefined && isTransientError(sdkError))) return 'network'
  return 'rejected'
}

/** What the SDK's error tells about a failed call. */
export function callFailure(error: unknown): CallFailure {
  const metadata = (error as ErrorShape | null)?.$metadata ?? {}
  const status = metadata.httpStatusCode
  const systemCode = (error as ErrorShape | null)?.code
  const name = errorName(error)
  const code = logText(name === 'Error' && typeof systemCode === 'string' ? systemCode : name, 100)
  // S3 answers HEAD requests without a body: the SDK then says only "UnknownError".
  const raw = errorMessage(error)
  const message = raw === 'UnknownError' || raw === '' ? (status ? `HTTP ${status}` : '') : raw
  return {
    kind: kindOf(error, code, status),
    code,
    message: logText(message, 300),
    ...(status !== undefined ? { status } : {}),
    ...(metadata.attempts !== undefined ? { attempts: metadata.attempts } : {}),
    ...(metadata.requestId ? { requestId: logText(metadata.requestId, 200) } : {}),
    ...(metadata.extendedRequestId ? { extendedRequestId: logText(metadata.extendedRequestId, 200) } : {})
  }
}

/** `S3 HeadBucket (bucket amazon-braket-…)`. */
export function describeCall(call: AwsCall): string {
  return `${call.service} ${call.operation}${call.target ? ` (${call.target})` : ''}`
}

/** `failed after 6 attempts: SlowDown: Please reduce your request rate (request id …)`. */
export function describeFailure(failure: CallFailure): string {
  const tries = failure.attempts ? ` after ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}` : ''
  const ids = [
    failure.requestId ? `request id ${failure.requestId}` : '',
    failure.extendedRequestId ? `extended request id ${failure.extendedRequestId}` : ''
  ].filter((id) => id !== '')
  const text =
    !failure.message || failure.message === failure.code
      ? failure.code
      : UNNAMED.has(failure.code)
        ? failure.message
        : `${failure.code}: ${failure.message}`
  return `failed${tries}: ${text}${ids.length > 0 ? ` (${ids.join(', ')})` : ''}`
}

/** What to do, by what went wrong. */
export function adviceFor(call: AwsCall, failure: CallFailure): string {
  switch (failure.kind) {
    case 'throttled':
      return `AWS throttled it through every retry: re-run the step in a few minutes. ${RERUN_IS_SAFE}`
    case 'server':
      return (
        `${call.service} answered with a server error every time: re-run the step. ${RERUN_IS_SAFE} If it keeps failing, look for ` +
        `${call.service} in your region on the AWS Health Dashboard (${AWS_HEALTH_DASHBOARD}).`
      )
    case 'network':
      return `The connection to ${call.service} failed every time (the runner's network, proxy or DNS): re-run the step. ${RERUN_IS_SAFE}`
    case 'denied':
      return call.permission
        ? `Allow ${call.permission}${call.target ? ` on ${call.target}` : ''} in the policy of the role the step uses (the README lists ` +
            `the policy the action needs).`
        : `The role the step uses may not make this call: add it to the role's policy (the README lists the policy the action needs).`
    case 'credentials':
      return (
        `AWS did not accept the credentials (expired, revoked or not this account's): re-run the step for fresh ones, or check the ` +
        `credentials an earlier step configured.`
      )
    case 'rejected':
      return 'AWS refused the request as it was; its message above says what it did not accept.'
  }
}

export interface CallErrorOptions {
  /** Advice that knows the call better than the generic one (e.g. one per CreateJob error). */
  advice?: string
  /** Attempts made by the action itself, when it (not the SDK) retried. */
  attempts?: number
}

/** The error to throw for a failed call. An error the action already explained passes through unchanged. */
export function awsCallError(call: AwsCall, error: unknown, options: CallErrorOptions = {}): Error {
  if (error instanceof ActionError) return error
  const failure = callFailure(error)
  if (options.attempts !== undefined) failure.attempts = options.attempts
  // lib-storage's Upload makes several calls; the one that failed is named on its error.
  const operation = failedOperation(error) ?? call.operation
  const named = { ...call, operation }
  const message = `${describeCall(named)} ${describeFailure(failure)}. ${options.advice ?? adviceFor(named, failure)}`
  return new AwsCallError(named, failure, message, { cause: error })
}

/**
 * Sends one call; a failure becomes an AwsCallError. `advise` may give advice of
 * its own for a failure it recognises.
 */
export async function awsCall<T>(call: AwsCall, send: () => Promise<T>, advise?: (failure: CallFailure) => string | undefined): Promise<T> {
  try {
    return await send()
  } catch (error) {
    const advice = advise?.(callFailure(error))
    throw awsCallError(call, error, advice ? { advice } : {})
  }
}

const OPERATION_KEY = '$failedOperation'

/** The operation an SDK error came from, when the client carries the `nameFailedCalls` middleware. */
export function failedOperation(error: unknown): string | undefined {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[OPERATION_KEY] : undefined
  return typeof value === 'string' ? value : undefined
}

/**
 * A client middleware that writes the failed operation's name on the error, outside
 * the SDK's retries (so the error is the final one): calls made on the action's
 * behalf, such as lib-storage's UploadPart, can then be named too.
 */
export function nameFailedCalls<Input extends object, Output extends object>(): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          try {
            return await next(args)
          } catch (error) {
            const operation = context.commandName?.replace(/Command$/, '')
            if (operation && typeof error === 'object' && error !== null && failedOperation(error) === undefined)
              Object.defineProperty(error, OPERATION_KEY, { value: operation, enumerable: false })
            throw error
          }
        },
        { step: 'initialize', name: 'nameFailedCalls', override: true }
      )
    }
  }
}
