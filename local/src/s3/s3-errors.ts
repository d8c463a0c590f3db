// S3's errors with the codes, statuses and messages S3 itself answers with.
// (There is no S3 model in shared/aws-models; codes and texts follow S3's
// error-code reference and what real S3 returns on the wire.)
import { ServiceError } from '../core/service-error.js'
import type { ChecksumAlgorithm } from './checksums.js'

/** An S3 error that may also set response headers (e.g. x-amz-bucket-region, Content-Range). */
export class S3Error extends ServiceError {
  constructor(
    code: string,
    message: string,
    status: number,
    extra: Record<string, string> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(code, message, status, extra)
  }
}

export const MIN_PART_SIZE = 5 * 1024 * 1024
export const MAX_PART_NUMBER = 10_000
export const MAX_SINGLE_PUT_SIZE = 5 * 1024 * 1024 * 1024
export const MIN_CHUNK_SIZE = 8192

export const s3Errors = {
  noSuchBucket: (bucket: string) => new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket }),
  noSuchKey: (key: string) => new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }),
  noSuchUpload: (uploadId: string) =>
    new S3Error(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { UploadId: uploadId }
    ),
  accessDenied: () => new S3Error('AccessDenied', 'Access Denied', 403),
  invalidBucketName: (bucket: string) =>
    new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket }),
  bucketAlreadyOwnedByYou: (bucket: string) =>
    new S3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, {
      BucketName: bucket
    }),
  bucketAlreadyExists: (bucket: string) =>
    new S3Error(
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different ' +
        'name and try again.',
      409,
      { BucketName: bucket }
    ),
  bucketNotEmpty: (bucket: string) =>
    new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket }),
  invalidLocationConstraint: (constraint: string) =>
    new S3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { LocationConstraint: constraint }),
  illegalLocationConstraint: (constraint: string | undefined) =>
    new S3Error(
      'IllegalLocationConstraintException',
      `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400
    ),
  /** The request reached (was signed for) another region's endpoint than the bucket's. */
  wrongRegion: (bucket: string, bucketRegion: string, endpointHost: string) =>
    new S3Error(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this ' +
        'endpoint.',
      301,
      { Endpoint: endpointHost, Bucket: bucket },
      { 'x-amz-bucket-region': bucketRegion }
    ),
  malformedXml: () =>
    new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400),
  invalidArgument: (message: string, argumentName?: string, argumentValue?: string) =>
    new S3Error('InvalidArgument', message, 400, {
      ...(argumentName !== undefined ? { ArgumentName: argumentName } : {}),
      ...(argumentValue !== undefined ? { ArgumentValue: argumentValue } : {})
    }),
  invalidRequest: (message: string) => new S3Error('InvalidRequest', message, 400),
  invalidBucketOwner: () =>
    new S3Error(
      'InvalidBucketOwnerAWSAccountID',
      'The value of the expected bucket owner parameter must be an AWS Account ID... [a 12-digit number]',
      400
    ),
  metadataTooLarge: (size: number, max: number) =>
    new S3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400, {
      Size: String(size),
      MaxSizeAllowed: String(max)
    }),
  keyTooLong: () => new S3Error('KeyTooLongError', 'Your key is too long', 400),
  missingContentLength: () => new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411),
  entityTooLarge: (proposed: number, max: number) =>
    new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
      ProposedSize: String(proposed),
      MaxSizeAllowed: String(max)
    }),
  entityTooSmall: (proposed: number, partNumber: number, etag: string) =>
    new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', 400, {
      ProposedSize: String(proposed),
      MinSizeAllowed: String(MIN_PART_SIZE),
      PartNumber: String(partNumber),
      ETag: etag
    }),
  invalidPart: (uploadId: string, partNumber: number, etag: string) =>
    new S3Error(
      'InvalidPart',
      'One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not ' +
        "match the part's entity tag.",
      400,
      { UploadId: uploadId, PartNumber: String(partNumber), ETag: etag }
    ),
  invalidPartOrder: (uploadId: string) =>
    new S3Error(
      'InvalidPartOrder',
      'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
      400,
      {
        UploadId: uploadId
      }
    ),
  invalidRange: (size: number, range: string) =>
    new S3Error(
      'InvalidRange',
      'The requested range is not satisfiable',
      416,
      { RangeRequested: range, ActualObjectSize: String(size) },
      { 'content-range': `bytes */${size}` }
    ),
  preconditionFailed: (condition: string) =>
    new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { Condition: condition }),
  // Payload integrity.
  contentSha256Mismatch: (clientComputed: string, computed: string) =>
    new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
      ClientComputedContentSHA256: clientComputed,
      S3ComputedContentSHA256: computed
    }),
  invalidContentSha256: () =>
    s3Errors.invalidArgument(
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, ' +
        'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, ' +
        'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
      'x-amz-content-sha256'
    ),
  invalidDigest: (contentMd5: string) =>
    new S3Error('InvalidDigest', 'The Content-MD5 you specified was not valid.', 400, { 'Content-MD5': contentMd5 }),
  badDigestMd5: (expected: string, calculated: string) =>
    new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
      ExpectedDigest: expected,
      CalculatedDigest: calculated
    }),
  badChecksum: (algorithm: ChecksumAlgorithm) =>
    new S3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400),
  invalidChecksumValue: (headerName: string, trailing: boolean) =>
    s3Errors.invalidRequest(`Value for ${headerName} ${trailing ? 'trailing header' : 'header'} is invalid.`),
  incompleteBody: () => new S3Error('IncompleteBody', 'The request body terminated unexpectedly', 400),
  decodedLengthMismatch: (expected: number, provided: number) =>
    new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400, {
      NumberBytesExpected: String(expected),
      NumberBytesProvided: String(provided)
    }),
  invalidChunkSize: (chunk: number, badSize: number) =>
    new S3Error('InvalidChunkSizeError', `Only the last chunk is allowed to have a size less than ${MIN_CHUNK_SIZE} bytes`, 400, {
      Chunk: String(chunk),
      BadChunkSize: String(badSize)
    }),
  malformedTrailer: () =>
    new S3Error(
      'MalformedTrailerError',
      'The request contained trailing data that was not well-formed or did not conform to our published schema.',
      400
    ),
  signatureDoesNotMatch: () =>
    new S3Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403
    ),
  notImplemented: (what: string) =>
    new S3Error('NotImplemented', `A header or operation you provided implies functionality that is not implemented: ${what}`, 501),
  slowDown: () => new S3Error('SlowDown', 'Please reduce your request rate.', 503),
  internalError: () => new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500)
}
