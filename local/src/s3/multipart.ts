// Multipart uploads in progress: their parts live as staged files until the
// upload is completed (parts concatenated into one object) or aborted.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { ObjectMeta, ObjectStore } from '../stores/object-store.js'
import { createChecksum, type ChecksumAlgorithm } from './checksums.js'
import { MIN_PART_SIZE, s3Errors } from './s3-errors.js'
import { discardStaged, stageBytes, type StagedBytes } from './staging.js'

export type ChecksumType = 'COMPOSITE' | 'FULL_OBJECT'

export interface UploadedPart {
  partNumber: number
  staged: StagedBytes
  etag: string
  /** Raw checksum of the part in the upload's algorithm, when it has one. */
  checksum?: Buffer
  lastModified: Date
}

export interface MultipartUpload {
  uploadId: string
  bucket: string
  key: string
  initiated: Date
  initiatorAccountId: string
  initiatorArn: string
  /** What the completed object is written with (content type, metadata, encryption). */
  meta: ObjectMeta
  checksumAlgorithm?: ChecksumAlgorithm
  checksumType?: ChecksumType
  parts: Map<number, UploadedPart>
}

/** One entry of a CompleteMultipartUpload request. */
export interface RequestedPart {
  partNumber: number
  etag: string
  /** Checksum<ALG> values given for the part, by algorithm. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>
}

export interface AssembledObject {
  staged: StagedBytes
  etag: string
  checksums: Record<string, string>
  checksumType: ChecksumType
  partsCount: number
}

function unquote(etag: string): string {
  return etag.trim().replace(/^"(.*)"$/, '$1')
}

export class MultipartUploads {
  private readonly uploads = new Map<string, MultipartUpload>()

  constructor(private readonly objects: ObjectStore) {}

  create(init: Omit<MultipartUpload, 'uploadId' | 'initiated' | 'parts'>): MultipartUpload {
    const upload: MultipartUpload = { ...init, uploadId: randomBytes(48).toString('base64url'), initiated: new Date(), parts: new Map() }
    this.uploads.set(upload.uploadId, upload)
    return upload
  }

  /** The upload, or NoSuchUpload (also for a completed or aborted one, or one of another key). */
  get(bucket: string, key: string, uploadId: string): MultipartUpload {
    const upload = this.uploads.get(uploadId)
    if (!upload || upload.bucket !== bucket || upload.key !== key) throw s3Errors.noSuchUpload(uploadId)
    return upload
  }

  /** Uploads in progress in a bucket, in S3's order: by key, then by initiation. */
  list(bucket: string): MultipartUpload[] {
    return [...this.uploads.values()]
      .filter((upload) => upload.bucket === bucket)
      .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)) || a.initiated.getTime() - b.initiated.getTime())
  }

  hasUploadsIn(bucket: string): boolean {
    return [...this.uploads.values()].some((upload) => upload.bucket === bucket)
  }

  /** Records a part (replacing an earlier upload of the same number). */
  async addPart(upload: MultipartUpload, part: UploadedPart): Promise<void> {
    if (this.uploads.get(upload.uploadId) !== upload) {
      // Aborted or completed while the part was arriving.
      await discardStaged(part.staged)
      throw s3Errors.noSuchUpload(upload.uploadId)
    }
    const previous = upload.parts.get(part.partNumber)
    upload.parts.set(part.partNumber, part)
    if (previous) await discardStaged(previous.staged)
  }

  async abort(upload: MultipartUpload): Promise<void> {
    this.uploads.delete(upload.uploadId)
    await Promise.all([...upload.parts.values()].map((part) => discardStaged(part.staged)))
  }

  /**
   * Checks the requested part list as S3 does (order, ETags, part checksums,
   * minimum part size) and concatenates the parts into one staged file.
   */
  async assemble(upload: MultipartUpload, requested: RequestedPart[]): Promise<AssembledObject> {
    const chosen: UploadedPart[] = []
    let previousNumber = 0
    for (const entry of requested) {
      if (entry.partNumber <= previousNumber) throw s3Errors.invalidPartOrder(upload.uploadId)
      previousNumber = entry.partNumber
      const part = upload.parts.get(entry.partNumber)
      if (!part || unquote(part.etag) !== unquote(entry.etag)) throw s3Errors.invalidPart(upload.uploadId, entry.partNumber, entry.etag)
      this.checkPartChecksum(upload, part, entry)
      chosen.push(part)
    }
    chosen.forEach((part, index) => {
      if (index < chosen.length - 1 && part.staged.size < MIN_PART_SIZE)
        throw s3Errors.entityTooSmall(part.staged.size, part.partNumber, part.etag)
    })

    // Without a declared algorithm S3 still gives the object a full-object CRC64NVME.
    const declared = upload.checksumAlgorithm
    const objectAlgorithm: ChecksumAlgorithm = declared ?? 'CRC64NVME'
    const fullObject = declared === undefined || upload.checksumType === 'FULL_OBJECT'
    async function* concatenated() {
      for (const part of chosen) yield* createReadStream(part.staged.file)
    }
    const staged = await stageBytes(this.objects, Readable.from(concatenated()), [], fullObject ? [objectAlgorithm] : [])

    // S3's multipart ETag: MD5 of the parts' binary MD5s, then "-<part count>".
    const etagHash = createHash('md5')
    for (const part of chosen) etagHash.update(Buffer.from(part.staged.md5Hex, 'hex'))
    const etag = `"${etagHash.digest('hex')}-${chosen.length}"`

    let checksums: Record<string, string>
    let checksumType: ChecksumType
    if (fullObject) {
      checksums = { [objectAlgorithm]: staged.checksums.get(objectAlgorithm)!.toString('base64') }
      checksumType = 'FULL_OBJECT'
    } else {
      // COMPOSITE: the checksum of the parts' raw checksums, then "-<part count>".
      const composite = createChecksum(objectAlgorithm)
      for (const part of chosen) composite.update(part.checksum!)
      checksums = { [objectAlgorithm]: `${composite.digest().toString('base64')}-${chosen.length}` }
      checksumType = 'COMPOSITE'
    }
    return { staged, etag, checksums, checksumType, partsCount: chosen.length }
  }

  /** After the object is committed: the upload is gone and its parts' files removed. */
  async finish(upload: MultipartUpload): Promise<void> {
    await this.abort(upload)
  }

  private checkPartChecksum(upload: MultipartUpload, part: UploadedPart, entry: RequestedPart): void {
    const algorithm = upload.checksumAlgorithm
    for (const [given, value] of Object.entries(entry.checksums) as Array<[ChecksumAlgorithm, string]>) {
      if (given !== algorithm || !part.checksum || part.checksum.toString('base64') !== value) {
        throw s3Errors.invalidPart(upload.uploadId, entry.partNumber, entry.etag)
      }
    }
    if (algorithm && upload.checksumType === 'COMPOSITE' && entry.checksums[algorithm] === undefined) {
      throw s3Errors.invalidRequest(
        `The upload was created using a ${algorithm.toLowerCase()} checksum. The complete request must include the checksum for each ` +
          `part. It was missing for part ${entry.partNumber} in the request.`
      )
    }
  }
}
