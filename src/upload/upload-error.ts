// A failed S3 call of the upload path, told the way the step log needs it:
// which call, on which object, after how many attempts, with S3's request id,
// and what to do about it.
import { ActionError, describeError } from '../common/errors.js'
import { isTransient } from '../aws/retry.js'

export class UploadError extends ActionError {}

/** The IAM action each call needs: what a 403 asks the user to grant. */
const PERMISSION: Record<string, string> = {
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
  HeadObject: 's3:GetObject'
}

interface SdkMetadata {
  httpStatusCode?: number
  requestId?: string
  attempts?: number
}

export function failedCall(operation: string, bucket: string, key: string, error: unknown): UploadError {
  const meta = (error as { $metadata?: SdkMetadata } | null)?.$metadata ?? {}
  const attempts = meta.attempts && meta.attempts > 1 ? ` after ${meta.attempts} attempts` : ''
  const requestId = meta.requestId ? ` (request id ${meta.requestId})` : ''
  const what = `S3 ${operation} on s3://${bucket}/${key} failed${attempts}: ${describeError(error)}${requestId}.`
  return new UploadError(`${what} ${advice(operation, bucket, key, error, meta)}`, { cause: error })
}

function advice(operation: string, bucket: string, key: string, error: unknown, meta: SdkMetadata): string {
  const permission = PERMISSION[operation] ?? `s3:${operation}`
  if (meta.httpStatusCode === 403) {
    const resource = operation === 'ListMultipartUploads' ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`
    return `Allow ${permission} on ${resource} in the role's policy (and kms:GenerateDataKey on the key, with kms-key-id).`
  }
  if (isTransient(error)) {
    return (
      'S3 kept failing: run the step again (the upload is content-addressed, so nothing is duplicated); if it persists, ' +
      'check https://health.aws.amazon.com/health/status.'
    )
  }
  return 'Check the bucket (its policy, encryption settings and region), then run the step again.'
}
