// A job's checkpoint "directory" copied server-side into another job's: every
// object below the source prefix that the destination does not have yet, in
// parallel. Idempotent: what is already at the destination (an earlier copy, or
// what the new job has written since) is counted and kept, never overwritten.
import type { S3Client } from '@aws-sdk/client-s3'
import { awsCall, awsCallError, callFailure, type AwsCall, type CallFailure } from '../aws/aws-call.js'
import { copyObject, S3_COPY_LIMITS, type CopyLimits } from './copy-object.js'
import { inParallel } from './in-parallel.js'
import { listBelow, type ListedObject } from './object-listing.js'
import { keyBelow, showS3Prefix, type S3Prefix } from './s3-prefix.js'

export interface CopyEnd {
  /** A client for the bucket's region. */
  s3: S3Client
  location: S3Prefix
  /** The account that must own the bucket. */
  owner: string
}

export interface PrefixCopy {
  /** Objects below the source prefix. */
  found: number
  foundBytes: number
  copied: number
  copiedBytes: number
  /** Already at the destination: kept as they are. */
  kept: number
  /** The source's newest object: the checkpoint the job starts from. */
  newest?: ListedObject
}

const OBJECTS_IN_PARALLEL = 16

export async function copyPrefix(from: CopyEnd, to: CopyEnd, limits: CopyLimits = S3_COPY_LIMITS): Promise<PrefixCopy> {
  const sources = await listed(from, 'the checkpoints to copy')
  const present = new Set((await listed(to, 'the new job’s checkpoint location')).map((o) => o.relativeKey))
  const missing = sources.filter((object) => !present.has(object.relativeKey))
  const outcomes = await inParallel(missing, OBJECTS_IN_PARALLEL, async (object) => {
    const source = { bucket: from.location.bucket, key: keyBelow(from.location, object.relativeKey), owner: from.owner }
    const target = { bucket: to.location.bucket, key: keyBelow(to.location, object.relativeKey), owner: to.owner }
    try {
      return { object, outcome: await copyObject(to.s3, { ...source, size: object.size, etag: object.etag }, target, limits) }
    } catch (error) {
      // The middleware names the call that failed (CopyObject, or a part of a multipart copy).
      const call: AwsCall = {
        service: 'S3',
        operation: 'CopyObject',
        target: `s3://${source.bucket}/${source.key} to s3://${target.bucket}/${target.key}`
      }
      throw awsCallError(call, error, { advice: copyAdvice(callFailure(error)) })
    }
  })
  const copied = outcomes.filter((o) => o.outcome === 'copied').map((o) => o.object)
  const newest = sources.reduce<ListedObject | undefined>(
    (latest, object) => ((object.lastModified?.getTime() ?? 0) >= (latest?.lastModified?.getTime() ?? -1) ? object : latest),
    undefined
  )
  return {
    found: sources.length,
    foundBytes: sources.reduce((sum, o) => sum + o.size, 0),
    copied: copied.length,
    copiedBytes: copied.reduce((sum, o) => sum + o.size, 0),
    kept: sources.length - copied.length,
    ...(newest ? { newest } : {})
  }
}

async function listed(end: CopyEnd, what: string): Promise<ListedObject[]> {
  const call: AwsCall = {
    service: 'S3',
    operation: 'ListObjectsV2',
    target: `${what} at ${showS3Prefix(end.location)}`,
    permission: 's3:ListBucket'
  }
  return awsCall(
    call,
    () => listBelow(end.s3, end.location, end.owner),
    (failure) =>
      failure.kind === 'denied'
        ? `The bucket must belong to account ${end.owner}, and the role the step uses needs s3:ListBucket on it.`
        : failure.code === 'NoSuchBucket'
          ? 'The bucket does not exist.'
          : undefined
  )
}

function copyAdvice(failure: CallFailure): string | undefined {
  switch (failure.kind) {
    case 'denied':
      return (
        'The role the step uses needs s3:GetObject on the source checkpoints and s3:PutObject on the new job’s checkpoint location, and ' +
        'each bucket must belong to the account expected (the source job’s, and this one).'
      )
    case 'rejected':
      return failure.code === 'PreconditionFailed'
        ? 'The source object changed while it was copied: re-run the step (objects copied so far are kept, not copied again).'
        : undefined
    default:
      return undefined
  }
}
