// The bucket the job's source and input data are staged in, and whether an
// object is already there (uploads live in src/upload/). Every call names the
// expected bucket owner, so another account's bucket is never written to.
import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3'
import * as core from '@actions/core'
import { logRow } from '../report/log-layout.js'
import { ActionError, errorName } from '../common/errors.js'
import { awsCallError, type AwsCall } from './aws-call.js'

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

export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`
}

function otherAccountAdvice(target: StagingTarget): string {
  return (
    `Bucket ${target.bucket} is not writable by account ${target.accountId}: it belongs to another account, or the role lacks ` +
    `s3:ListBucket on it. Set s3-bucket to a bucket of account ${target.accountId}.`
  )
}

/** The staging bucket exists and is this account's: checked, and the default one created on first use. */
export async function ensureBucket(s3: S3Client, target: StagingTarget): Promise<void> {
  const head: AwsCall = { service: 'S3', operation: 'HeadBucket', target: `bucket ${target.bucket}`, permission: 's3:ListBucket' }
  try {
    await s3.send(new HeadBucketCommand({ Bucket: target.bucket, ExpectedBucketOwner: target.accountId }))
    core.debug(`Bucket ${target.bucket} exists and belongs to account ${target.accountId}.`)
    return
  } catch (error) {
    const status = statusOf(error)
    if (status === 403) throw awsCallError(head, error, { advice: otherAccountAdvice(target) })
    if (status !== 404) throw awsCallError(head, error)
  }
  if (!target.createIfMissing)
    throw new StagingError(
      `Bucket ${target.bucket} (input s3-bucket) does not exist in account ${target.accountId} (S3 HeadBucket: 404). Create it, or ` +
        `leave s3-bucket empty to use amazon-braket-${target.region}-${target.accountId}.`
    )
  await createBucket(s3, target)
}

/**
 * Creates the default bucket. Legs of a matrix starting together all find it missing
 * and all create it: S3 answers all but the first with BucketAlreadyOwnedByYou, as it
 * answers a create retried after its response was lost. Both mean the bucket is ours.
 */
async function createBucket(s3: S3Client, target: StagingTarget): Promise<void> {
  const create: AwsCall = { service: 'S3', operation: 'CreateBucket', target: `bucket ${target.bucket}`, permission: 's3:CreateBucket' }
  logRow('bucket', `${target.bucket} did not exist: creating it in ${target.region}`)
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: target.bucket,
        ...(target.region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: target.region as BucketLocationConstraint } })
      })
    )
  } catch (error) {
    const code = errorName(error)
    if (code === 'BucketAlreadyOwnedByYou') {
      logRow('bucket', `${target.bucket} is this account's already (created meanwhile by another run, or by a retried request)`)
      return
    }
    // Bucket names are global: someone else holds this one.
    if (code === 'BucketAlreadyExists') throw awsCallError(create, error, { advice: otherAccountAdvice(target) })
    throw awsCallError(create, error)
  }
}

/** True when the object is already there (same key = same content). */
export async function objectExists(s3: S3Client, target: StagingTarget, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: key, ExpectedBucketOwner: target.accountId }))
    return true
  } catch (error) {
    if (statusOf(error) === 404) return false
    const call: AwsCall = { service: 'S3', operation: 'HeadObject', target: s3Uri(target.bucket, key), permission: 's3:GetObject' }
    throw awsCallError(call, error)
  }
}
