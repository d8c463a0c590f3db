// A failed S3 call of the upload path, named as every failed AWS call is (src/aws/aws-call.ts),
// with the IAM action each call needs: what a denial asks the user to grant.
import { ActionError } from '../common/errors.js'
import { AwsCallError, awsCallError, type AwsCall } from '../aws/aws-call.js'

/** The upload went wrong in a way that is not one failed call (e.g. S3 answered without an upload id). */
export class UploadError extends ActionError {}

const PERMISSION: Record<string, string> = {
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
  HeadObject: 's3:GetObject'
}

export function failedCall(operation: string, bucket: string, key: string, error: unknown): Error {
  const call: AwsCall = {
    service: 'S3',
    operation,
    target: `s3://${bucket}/${key}`,
    permission: PERMISSION[operation] ?? `s3:${operation}`
  }
  return awsCallError(call, error)
}

/** Whether a failure is one the upload knows (a named call, or its own): then the object may be complete all the same. */
export function isUploadFailure(error: unknown): boolean {
  return error instanceof AwsCallError || error instanceof UploadError
}
