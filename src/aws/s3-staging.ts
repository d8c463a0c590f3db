// The bucket the job's source and input data are staged in, and whether an
// object is already there (uploads live in src/upload/). Every call names the
// expected bucket owner, so another account's bucket is never written to.
import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3'
import { logRow } from '../report/log-layout.js'
import { ActionError } from '../common/errors.js'

export interface StagingTarget {
  bucket: string
  accountId: string
  region: string
  kmsKeyId?: string
  /** The bucket is the action's default one, which is created when missing (as the Braket SDK does). */
  createIfMissing: boolean
}

export class StagingError extends ActionError {}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode
}

export async function ensureBucket(s3: S3Client, target: StagingTarget): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: target.bucket, ExpectedBucketOwner: target.accountId }))
    return
  } catch (error) {
    const status = statusOf(error)
    if (status === 403) {
      throw new StagingError(
        `Bucket ${target.bucket} is not writable by account ${target.accountId}: it belongs to another account, or the role lacks ` +
          `s3:ListBucket on it. Set s3-bucket to a bucket of account ${target.accountId}.`
      )
    }
    if (status !== 404) throw error
  }
  if (!target.createIfMissing)
    throw new StagingError(
      `Bucket ${target.bucket} (input s3-bucket) does not exist in account ${target.accountId}. Create it, or leave s3-bucket empty to ` +
        `use amazon-braket-${target.region}-${target.accountId}.`
    )
  logRow('bucket', `${target.bucket} did not exist: creating it in ${target.region}`)
  await s3.send(
    new CreateBucketCommand({
      Bucket: target.bucket,
      ...(target.region === 'us-east-1'
        ? {}
        : { CreateBucketConfiguration: { LocationConstraint: target.region as BucketLocationConstraint } })
    })
  )
}

/** True when the object is already there (same key = same content). */
export async function objectExists(s3: S3Client, target: StagingTarget, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: key, ExpectedBucketOwner: target.accountId }))
    return true
  } catch (error) {
    if (statusOf(error) === 404) return false
    throw error
  }
}
