// Streams bytes of unknown length into one S3 object: parts are uploaded while
// later bytes are still being produced, with a bounded number of parts in
// memory; a body shorter than one part is a single PutObject.
//
// Written on the S3 calls rather than with @aws-sdk/lib-storage's Upload,
// because of how that behaves under faults (measured by injecting each fault
// on each call): a CreateMultipartUpload whose response is lost is retried by
// the SDK and the first upload is left open for good (storage billed, never
// visible); a CompleteMultipartUpload whose response is lost fails the upload
// although the object is complete; and its errors do not say which call
// failed. Here, on any failure the upload is aborted, uploads of the same key
// that this run started (or that are long stale) are listed and aborted too,
// and the object is looked at with HeadObject before giving up.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client
} from '@aws-sdk/client-s3'
import { fixedSizeBlocks } from '../archive/bounded-pipeline.js'
import { objectExists, type StagingTarget } from '../aws/s3-staging.js'
import { errorName } from '../common/errors.js'
import { partBytesFor } from './s3-part-limits.js'
import { failedCall, isUploadFailure, UploadError } from './upload-error.js'

export interface StreamUploadOptions {
  contentType: string
  /**
   * The most bytes the body can have, when known: parts are then S3's minimum, 5 MiB, or larger when
   * the body would otherwise need more than 10,000. Without it, 5 MiB parts (48.8 GiB at most).
   */
  sizeBound?: number
  /** Bytes per part, at least S3's minimum; overrides sizeBound (tests use it). */
  partBytes?: number
  /** Parts uploading at once; default 2. Memory is about (partsInFlight + 1) × partBytes. */
  partsInFlight?: number
}

export interface StreamUploadResult {
  bytes: number
  /** 0 for a single PutObject. */
  parts: number
  /** Uploads of the same key left open by earlier runs or lost responses, aborted now. */
  abortedLeftovers: number
  /** What could not be cleaned up, for the log; the upload itself succeeded. */
  cleanupProblem?: string
}

const DEFAULT_PARTS_IN_FLIGHT = 2
/** An upload of this key started this long before ours is another live uploader's, unless older than STALE_AFTER_MS. */
const CLOCK_SLACK_MS = 5 * 60_000
const STALE_AFTER_MS = 60 * 60_000

export async function uploadStream(
  s3: S3Client,
  target: StagingTarget,
  key: string,
  body: AsyncIterable<Buffer>,
  options: StreamUploadOptions
): Promise<StreamUploadResult> {
  return new StreamUpload(s3, target, key, options).run(body)
}

class StreamUpload {
  private uploadId: string | undefined
  private readonly startedAt = Date.now()
  private readonly completed: CompletedPart[] = []
  private readonly inFlight = new Set<Promise<void>>()
  /** Part buffers whose upload has ended, for the next parts. */
  private readonly spare: Buffer[] = []
  private partFailure: { error: unknown } | undefined
  private createAttempted = false
  private readonly partBytes: number
  private readonly partsInFlight: number

  constructor(
    private readonly s3: S3Client,
    private readonly target: StagingTarget,
    private readonly key: string,
    private readonly options: StreamUploadOptions
  ) {
    // The smallest parts S3 takes: memory is (partsInFlight + 1) parts, and parts in flight keep the connection busy.
    this.partBytes = options.partBytes ?? partBytesFor(options.sizeBound ?? 0)
    this.partsInFlight = options.partsInFlight ?? DEFAULT_PARTS_IN_FLIGHT
  }

  async run(body: AsyncIterable<Buffer>): Promise<StreamUploadResult> {
    let bytes = 0
    let parts = 0
    try {
      for await (const part of fixedSizeBlocks(body, this.partBytes, this.spare)) {
        bytes += part.length
        // A first part shorter than a part is the whole body.
        if (part.length < this.partBytes && parts === 0) return await this.putWhole(part)
        this.uploadId ??= await this.create()
        this.startPart(++parts, part)
        while (this.inFlight.size >= this.partsInFlight) await Promise.race(this.inFlight)
        if (this.partFailure) throw this.partFailure.error
      }
      // An empty body is still an object (an empty file is a valid source).
      if (parts === 0) return await this.putWhole(Buffer.alloc(0))
      await Promise.all(this.inFlight)
      if (this.partFailure) throw this.partFailure.error
      await this.complete()
    } catch (error) {
      return this.recover(error, bytes, parts)
    }
    // Done: any other upload of this key is redundant now (a lost CreateMultipartUpload response's, a crashed run's).
    return { bytes, parts, ...(await this.abortLeftovers(() => true, false)) }
  }

  /** After a failure: the object may be complete all the same (lost Complete response, or another run's upload). */
  private async recover(error: unknown, bytes: number, parts: number): Promise<StreamUploadResult> {
    await Promise.all(this.inFlight)
    const complete = isUploadFailure(error) && (await objectExists(this.s3, this.target, this.key).catch(() => false))
    const cleanup = await this.abortLeftovers((initiated) => complete || this.startedByThisRun(initiated), !complete)
    if (complete) return { bytes, parts, ...cleanup }
    if (cleanup.cleanupProblem) throw new UploadError(`${errorMessageOf(error)} ${cleanup.cleanupProblem}`, { cause: error })
    throw error
  }

  private async putWhole(body: Buffer): Promise<StreamUploadResult> {
    await this.call('PutObject', () => this.s3.send(new PutObjectCommand({ ...this.objectParams(), Body: body })))
    return { bytes: body.length, parts: 0, abortedLeftovers: 0 }
  }

  private objectParams() {
    return {
      Bucket: this.target.bucket,
      Key: this.key,
      ContentType: this.options.contentType,
      ExpectedBucketOwner: this.target.accountId,
      ...(this.target.kmsKeyId ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: this.target.kmsKeyId } : {})
    }
  }

  private async create(): Promise<string> {
    this.createAttempted = true
    const created = await this.call('CreateMultipartUpload', () =>
      this.s3.send(new CreateMultipartUploadCommand({ ...this.objectParams(), ChecksumAlgorithm: 'CRC32' }))
    )
    if (!created.UploadId) throw new UploadError(`S3 CreateMultipartUpload on s3://${this.target.bucket}/${this.key} returned no UploadId.`)
    return created.UploadId
  }

  private startPart(partNumber: number, data: Buffer): void {
    const job = this.call('UploadPart', () =>
      this.s3.send(
        new UploadPartCommand({
          Bucket: this.target.bucket,
          Key: this.key,
          UploadId: this.uploadId,
          PartNumber: partNumber,
          Body: data,
          ContentLength: data.length,
          ChecksumAlgorithm: 'CRC32',
          ExpectedBucketOwner: this.target.accountId
        })
      )
    ).then(
      (uploaded) => void this.completed.push({ PartNumber: partNumber, ETag: uploaded.ETag, ChecksumCRC32: uploaded.ChecksumCRC32 }),
      (error: unknown) => void (this.partFailure ??= { error })
    )
    const tracked = job.finally(() => {
      this.inFlight.delete(tracked)
      if (data.length === this.partBytes) this.spare.push(data)
    })
    this.inFlight.add(tracked)
  }

  private async complete(): Promise<void> {
    const parts = [...this.completed].sort((a, b) => a.PartNumber! - b.PartNumber!)
    await this.call('CompleteMultipartUpload', () =>
      this.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.target.bucket,
          Key: this.key,
          UploadId: this.uploadId,
          MultipartUpload: { Parts: parts },
          ExpectedBucketOwner: this.target.accountId
        })
      )
    )
  }

  private startedByThisRun(initiated: Date | undefined): boolean {
    const at = initiated?.getTime() ?? 0
    return at >= this.startedAt - CLOCK_SLACK_MS || at < Date.now() - STALE_AFTER_MS
  }

  /**
   * Aborts this run's own upload (when `includeOwn`) and the uploads of this
   * key that `pick` chooses. Listing finds the uploads whose
   * CreateMultipartUpload response never arrived, whose ids nobody knows.
   */
  private async abortLeftovers(
    pick: (initiated: Date | undefined) => boolean,
    includeOwn: boolean
  ): Promise<Pick<StreamUploadResult, 'abortedLeftovers' | 'cleanupProblem'>> {
    if (!this.createAttempted) return { abortedLeftovers: 0 }
    const own = this.uploadId
    const ids = new Set<string>(includeOwn && own ? [own] : [])
    const problems: string[] = []
    try {
      for (const upload of await this.listUploads()) if (upload.uploadId !== own && pick(upload.initiated)) ids.add(upload.uploadId)
    } catch (error) {
      problems.push(`Uploads of this key left open could not be listed: ${errorMessageOf(error)}`)
    }
    let aborted = 0
    for (const uploadId of ids) {
      const problem = await this.abort(uploadId)
      if (problem) problems.push(problem)
      else if (uploadId !== own) aborted++
    }
    return { abortedLeftovers: aborted, ...(problems.length ? { cleanupProblem: problems.join(' ') } : {}) }
  }

  private async abort(uploadId: string): Promise<string | undefined> {
    try {
      await this.call('AbortMultipartUpload', () =>
        this.s3.send(
          new AbortMultipartUploadCommand({
            Bucket: this.target.bucket,
            Key: this.key,
            UploadId: uploadId,
            ExpectedBucketOwner: this.target.accountId
          })
        )
      )
      return undefined
    } catch (error) {
      // Already gone (completed, or aborted by a retried request whose answer was lost): nothing is left open.
      if (errorName((error as { cause?: unknown }).cause) === 'NoSuchUpload') return undefined
      return (
        `${errorMessageOf(error)} The upload ${uploadId} is still open: abort it with ` +
        `"aws s3api abort-multipart-upload --bucket ${this.target.bucket} --key ${this.key} --upload-id ${uploadId}", ` +
        'or let a lifecycle rule with AbortIncompleteMultipartUpload remove it.'
      )
    }
  }

  private async listUploads(): Promise<Array<{ uploadId: string; initiated?: Date }>> {
    const found: Array<{ uploadId: string; initiated?: Date }> = []
    let keyMarker: string | undefined
    let uploadIdMarker: string | undefined
    for (;;) {
      const page = await this.call('ListMultipartUploads', () =>
        this.s3.send(
          new ListMultipartUploadsCommand({
            Bucket: this.target.bucket,
            Prefix: this.key,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
            ExpectedBucketOwner: this.target.accountId
          })
        )
      )
      for (const upload of page.Uploads ?? [])
        if (upload.Key === this.key && upload.UploadId) found.push({ uploadId: upload.UploadId, initiated: upload.Initiated })
      if (!page.IsTruncated) return found
      keyMarker = page.NextKeyMarker
      uploadIdMarker = page.NextUploadIdMarker
    }
  }

  private async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send()
    } catch (error) {
      throw failedCall(operation, this.target.bucket, this.key, error)
    }
  }
}

function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
