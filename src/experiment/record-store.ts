// Experiment records in S3: small JSON objects read with their ETag, written
// (conditionally when asked) and listed newest first. Every call names the
// expected bucket owner, so another account's bucket is never read or written,
// and a failed call says which one (awsCall).
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { awsCall, AwsCallError, type AwsCall } from '../aws/aws-call.js'
import { ActionError, describeError, errorName } from '../common/errors.js'

export interface RecordBucket {
  bucket: string
  accountId: string
  kmsKeyId?: string
}

export interface StoredText {
  text: string
  etag: string
}

/** Write only over the version read (If-Match), or only where nothing is (If-None-Match: *). */
export type WriteCondition = { ifMatch: string } | { ifAbsent: true }

/** A conditional write lost to another writer: read again and decide again. */
export class LostRaceError extends ActionError {}

export function lostRace(error: unknown): boolean {
  return error instanceof LostRaceError
}

function isLostRace(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode
  // 412: the ETag moved on. 409 ConditionalRequestConflict: a write raced ours. 404: If-Match on a key deleted meanwhile.
  return status === 412 || status === 409 || errorName(error) === 'NoSuchKey'
}

class RecordTooLargeError extends ActionError {}

/** Which call failed and how (`S3 PutObject (s3://…) failed after 3 attempts: …`), for a warning that gives its own advice. */
export function failedCallText(error: unknown): string {
  return error instanceof AwsCallError ? error.summary : describeError(error)
}

/** A record is a few kilobytes; more is not one of ours. */
const MAX_RECORD_BYTES = 1024 * 1024

export class RecordStore {
  constructor(
    private readonly s3: S3Client,
    readonly target: RecordBucket
  ) {}

  private get owner() {
    return { Bucket: this.target.bucket, ExpectedBucketOwner: this.target.accountId }
  }

  private call(operation: string, key: string, permission: string): AwsCall {
    return { service: 'S3', operation, target: `s3://${this.target.bucket}/${key}`, permission }
  }

  /** The object's text and ETag; undefined when there is none. */
  read(key: string): Promise<StoredText | undefined> {
    return awsCall(this.call('GetObject', key, 's3:GetObject'), async () => {
      let answer
      try {
        answer = await this.s3.send(new GetObjectCommand({ ...this.owner, Key: key }))
      } catch (error) {
        if (errorName(error) === 'NoSuchKey') return undefined
        throw error
      }
      if ((answer.ContentLength ?? 0) > MAX_RECORD_BYTES) {
        await answer.Body?.transformToString()
        throw new RecordTooLargeError(
          `s3://${this.target.bucket}/${key} is ${answer.ContentLength} bytes, too large for an experiment record`
        )
      }
      return { text: (await answer.Body?.transformToString('utf8')) ?? '', etag: answer.ETag ?? '' }
    })
  }

  /** Writes the JSON; the new ETag. A lost conditional write throws a LostRaceError. */
  write(key: string, value: unknown, condition?: WriteCondition): Promise<string> {
    const request = new PutObjectCommand({
      ...this.owner,
      Key: key,
      Body: `${JSON.stringify(value, null, 1)}\n`,
      ContentType: 'application/json',
      ...(condition && 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : {}),
      ...(condition && 'ifAbsent' in condition ? { IfNoneMatch: '*' } : {}),
      ...(this.target.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: this.target.kmsKeyId } : {})
    })
    return awsCall(this.call('PutObject', key, 's3:PutObject'), async () => {
      try {
        return (await this.s3.send(request)).ETag ?? ''
      } catch (error) {
        if (condition && isLostRace(error)) throw new LostRaceError(`another run wrote s3://${this.target.bucket}/${key} first`)
        throw error
      }
    })
  }

  /** The first `max` keys under the folder, in S3's (ascending) order. */
  async keys(folder: string, max: number): Promise<string[]> {
    const answer = await awsCall(this.call('ListObjectsV2', folder, 's3:ListBucket'), () =>
      this.s3.send(new ListObjectsV2Command({ ...this.owner, Prefix: folder, MaxKeys: max }))
    )
    return (answer.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []))
  }
}
