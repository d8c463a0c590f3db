// CloudWatch Logs errors as the JSON 1.1 protocol carries them: `__type` and
// `message` in the body. Status codes as the real service answers them: every
// client error, the auth ones included, is 400; only server faults are 5xx.
import { ServiceError } from '../core/service-error.js'
import type { AuthFailure } from '../core/sigv4.js'

export const resourceNotFound = (message: string) => new ServiceError('ResourceNotFoundException', message, 400)

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message, 400)

export const serializationError = (message: string) => new ServiceError('SerializationException', message, 400)

export const unknownOperation = (target: string) =>
  new ServiceError('UnknownOperationException', `The stand-in does not imitate the operation ${JSON.stringify(target)}.`, 400)

export const throttling = () => new ServiceError('ThrottlingException', 'Rate exceeded', 400)

export const serviceUnavailable = () => new ServiceError('ServiceUnavailableException', 'The service cannot complete the request.', 500)

const AUTH_ERRORS: Record<AuthFailure, string> = {
  missing: 'MissingAuthenticationTokenException',
  'unknown-key': 'UnrecognizedClientException',
  expired: 'ExpiredTokenException',
  'bad-signature': 'InvalidSignatureException',
  'wrong-service': 'InvalidSignatureException'
}

export const authError = (failure: AuthFailure, detail: string) => new ServiceError(AUTH_ERRORS[failure], detail, 400)

export const LOG_GROUP_NOT_FOUND = 'The specified log group does not exist.'
export const LOG_STREAM_NOT_FOUND = 'The specified log stream does not exist.'
export const INVALID_NEXT_TOKEN = 'The specified nextToken is invalid.'
