// STS's errors. Those the model declares take code and status from stsFacts;
// the rest are STS's common errors (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
// and what STS answers on the wire), which no model carries.
import { stsFacts } from '../../../src/facts/aws-facts.js'
import { ServiceError } from '../core/service-error.js'

function modeled(shapeName: string, message: string): ServiceError {
  const error = stsFacts.shapes[shapeName]?.error
  if (!error?.code || !error.httpStatusCode) throw new Error(`${shapeName} is not an error shape of STS`)
  return new ServiceError(error.code, message, error.httpStatusCode)
}

export const stsErrors = {
  invalidIdentityToken: (message: string) => modeled('InvalidIdentityTokenException', message),
  expiredIdentityToken: (message: string) => modeled('ExpiredTokenException', message),

  accessDenied: (message: string) => new ServiceError('AccessDenied', message, 403),
  validation: (message: string) => new ServiceError('ValidationError', message, 400),
  missingAction: () => new ServiceError('MissingAction', 'Missing Action', 400),
  invalidAction: (action: string, version: string) =>
    new ServiceError('InvalidAction', `Could not find operation ${action} for version ${version}`, 400),
  throttling: () => new ServiceError('Throttling', 'Rate exceeded', 400),
  internalFailure: () =>
    new ServiceError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500),

  missingAuthenticationToken: () => new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403),
  invalidClientTokenId: () => new ServiceError('InvalidClientTokenId', 'The security token included in the request is invalid', 403),
  signatureDoesNotMatch: (message: string) => new ServiceError('SignatureDoesNotMatch', message, 403),
  // 403 on the wire (aws/aws-sdk-java-v2#1649 shows STS answering an expired session with Status Code 403).
  expiredToken: () => new ServiceError('ExpiredToken', 'The security token included in the request is expired', 403)
}

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
  'Consult the service documentation for details.'
