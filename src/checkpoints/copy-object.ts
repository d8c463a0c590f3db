// One object copied server-side to a key that must not exist yet: CopyObject up
// to S3's 5 GiB limit for a single copy, UploadPartCopy above it. Both name the
// expected owner of each bucket, and write with If-None-Match: *, so an object
// already at the destination (copied before, or written by the job since) is kept.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  UploadPartCopyCommand,
  type S3Client
} from '@aws-sdk/client-s3'
import { partBytesFor } from '../upload/s3-part-limits.js'
import { errorName } from '../common/errors.js'
import { inParallel } from './in-parallel.js'
import { copySource } from './s3-prefix.js'

export interface ObjectAt {
  bucket: string
  key: string
  /** The account that must own the bucket (ExpectedBucketOwner). */
  owner: string
}

export interface SourceObject extends ObjectAt {
  size: number
  etag: string
}

export interface CopyLimits {
  /** Objects above this many bytes are copied in parts (S3's CopyObject takes at most 5 GiB). */
  singleCopyMaxBytes: number
  /** Bytes per UploadPartCopy (at least S3's 5 MiB; raised when an object would need more than 10,000 parts). */
  partBytes: number
  partsInParallel: number
  kmsKeyId?: string
}

const GiB = 1024 ** 3
const MiB = 1024 ** 2
export const S3_COPY_LIMITS: CopyLimits = { singleCopyMaxBytes: 5 * GiB, partBytes: 512 * MiB, partsInParallel: 8 }

export type CopyOutcome = 'copied' | 'already-there'

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode

/** 412: the destination key exists (If-None-Match: *); kept as it is. */
function alreadyThere(error: unknown): boolean {
  return statusOf(error) === 412 || errorName(error) === 'PreconditionFailed'
}

const encryption = (limits: CopyLimits) =>
  limits.kmsKeyId ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: limits.kmsKeyId } : {}

export async function copyObject(s3: S3Client, from: SourceObject, to: ObjectAt, limits: CopyLimits): Promise<CopyOutcome> {
  if (from.size > limits.singleCopyMaxBytes) return copyInParts(s3, from, to, limits)
  try {
    await s3.send(
      new CopyObjectCommand({
        Bucket: to.bucket,
        Key: to.key,
        CopySource: copySource(from.bucket, from.key),
        IfNoneMatch: '*',
        ExpectedBucketOwner: to.owner,
        ExpectedSourceBucketOwner: from.owner,
        ...encryption(limits)
      })
    )
    return 'copied'
  } catch (error) {
    if (alreadyThere(error)) return 'already-there'
    throw error
  }
}

/** The byte ranges of the parts, inclusive, as x-amz-copy-source-range wants them. */
export function partRanges(size: number, partBytes: number): Array<{ partNumber: number; range: string }> {
  const bytes = partBytesFor(size, partBytes)
  const ranges: Array<{ partNumber: number; range: string }> = []
  for (let start = 0, partNumber = 1; start < size; start += bytes, partNumber++) {
    ranges.push({ partNumber, range: `bytes=${start}-${Math.min(size, start + bytes) - 1}` })
  }
  return ranges
}

async function copyInParts(s3: S3Client, from: SourceObject, to: ObjectAt, limits: CopyLimits): Promise<CopyOutcome> {
  // A multipart copy does not carry the source's content type and metadata by itself.
  const head = await s3.send(new HeadObjectCommand({ Bucket: from.bucket, Key: from.key, ExpectedBucketOwner: from.owner }))
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({
      Bucket: to.bucket,
      Key: to.key,
      ExpectedBucketOwner: to.owner,
      ...(head.ContentType ? { ContentType: head.ContentType } : {}),
      ...(head.Metadata ? { Metadata: head.Metadata } : {}),
      ...encryption(limits)
    })
  )
  const upload = { Bucket: to.bucket, Key: to.key, UploadId, ExpectedBucketOwner: to.owner }
  const abort = () =>
    s3.send(new AbortMultipartUploadCommand(upload)).then(
      () => undefined,
      () => undefined
    )
  try {
    const parts = await inParallel(partRanges(from.size, limits.partBytes), limits.partsInParallel, async ({ partNumber, range }) => {
      const answer = await s3.send(
        new UploadPartCopyCommand({
          ...upload,
          PartNumber: partNumber,
          CopySource: copySource(from.bucket, from.key),
          CopySourceRange: range,
          // Every part from the same version of the source.
          CopySourceIfMatch: from.etag || undefined,
          ExpectedSourceBucketOwner: from.owner
        })
      )
      return { PartNumber: partNumber, ETag: answer.CopyPartResult?.ETag }
    })
    try {
      await s3.send(new CompleteMultipartUploadCommand({ ...upload, IfNoneMatch: '*', MultipartUpload: { Parts: parts } }))
      return 'copied'
    } catch (error) {
      // Only the destination's If-None-Match can fail Complete with 412 (a part's 412 is the source changing meanwhile).
      if (!alreadyThere(error)) throw error
      await abort()
      return 'already-there'
    }
  } catch (error) {
    await abort()
    throw error
  }
}
