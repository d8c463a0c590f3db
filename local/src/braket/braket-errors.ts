// Braket's errors: codes and HTTP statuses from the API model's error shapes,
// rendered in the rest-json wire format (x-amzn-errortype + JSON body).
import { randomUUID } from 'node:crypto'
import { braketFacts } from '../../../src/facts/aws-facts.js'
import type { Reply } from '../core/service-server.js'
import { ServiceError } from '../core/service-error.js'
import type { AuthFailure } from '../core/sigv4.js'

export type BraketErrorCode =
  | 'ValidationException'
  | 'ConflictException'
  | 'ResourceNotFoundException'
  | 'AccessDeniedException'
  | 'ThrottlingException'
  | 'InternalServiceException'
  | 'DeviceOfflineException'
  | 'DeviceRetiredException'
  | 'ServiceQuotaExceededException'

/** An error of the model, with the status its shape declares. */
export function braketError(code: BraketErrorCode, message: string, extra: Record<string, string> = {}): ServiceError {
  const status = braketFacts.shapes[code]?.error?.httpStatusCode
  if (status === undefined) throw new Error(`the Braket model has no error shape ${code}`)
  return new ServiceError(code, message, status, extra)
}

/** Authentication errors come from AWS's front door, not the Braket model; all are 403. */
const AUTH_CODES: Record<AuthFailure, string> = {
  missing: 'MissingAuthenticationTokenException',
  'unknown-key': 'UnrecognizedClientException',
  expired: 'ExpiredTokenException',
  'bad-signature': 'InvalidSignatureException',
  'wrong-service': 'InvalidSignatureException'
}

export function authError(failure: AuthFailure, detail: string): ServiceError {
  return new ServiceError(AUTH_CODES[failure], detail, 403)
}

export function jsonHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() }
}

/** `{"message": …}` plus only the members the error's shape has (e.g. ValidationException's `reason`). */
export function renderBraketError(error: ServiceError): Reply {
  const members = braketFacts.shapes[error.code]?.members ?? {}
  const body: Record<string, string> = { message: error.message }
  for (const [name, value] of Object.entries(error.extra)) if (name in members && name !== 'message') body[name] = value
  return { status: error.status, headers: { ...jsonHeaders(), 'x-amzn-errortype': error.code }, body: JSON.stringify(body) }
}
