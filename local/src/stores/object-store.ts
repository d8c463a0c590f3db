// Objects of the stand-in's S3, kept on disk under a temp directory and
// streamed in and out, never held whole in memory.
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export interface Bucket {
  name: string
  ownerAccountId: string
  region: string
  createdAt: Date
}

export interface ObjectMeta {
  contentType?: string
  contentEncoding?: string
  /** x-amz-server-side-encryption: 'aws:kms' | 'AES256' */
  serverSideEncryption?: string
  kmsKeyId?: string
  /** x-amz-meta-* headers, names without the prefix. */
  metadata?: Record<string, string>
  /** Additional checksums the client sent, e.g. { CRC32: 'base64' }. */
  checksums?: Record<string, string>
  /** How `checksums` covers the object: FULL_OBJECT, or COMPOSITE (checksum of part checksums, value ends in -<parts>). */
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE'
  /** Parts of an object made by a multipart upload. */
  partsCount?: number
  /** x-amz-server-side-encryption-bucket-key-enabled as sent. */
  bucketKeyEnabled?: boolean
  /** Other representation headers as sent: cache-control, content-disposition, content-language, expires. */
  representation?: Record<string, string>
}

export interface StoredObject extends ObjectMeta {
  bucket: string
  key: string
  size: number
  etag: string
  sha256: string
  lastModified: Date
  /** File holding the bytes. */
  file: string
}

export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>()
  private readonly objects = new Map<string, StoredObject>()

  constructor(readonly root: string) {}

  private id(bucket: string, key: string): string {
    return `${bucket}\u0000${key}`
  }

  createBucket(name: string, ownerAccountId: string, region: string): Bucket {
    const bucket = { name, ownerAccountId, region, createdAt: new Date() }
    this.buckets.set(name, bucket)
    return bucket
  }

  bucket(name: string): Bucket | undefined {
    return this.buckets.get(name)
  }

  /** Removes an (empty) bucket; callers check emptiness first. */
  deleteBucket(name: string): boolean {
    return this.buckets.delete(name)
  }

  listBuckets(): Bucket[] {
    return [...this.buckets.values()]
  }

  /** A fresh file path inside the store, for staged writes (multipart parts). */
  async tempFile(): Promise<string> {
    await mkdir(join(this.root, 'tmp'), { recursive: true })
    return join(this.root, 'tmp', randomUUID())
  }

  /** Streams `source` to disk, then makes it visible atomically. */
  async write(bucket: string, key: string, source: Readable | Buffer, meta: ObjectMeta = {}): Promise<StoredObject> {
    const staged = await this.tempFile()
    const md5 = createHash('md5')
    const sha256 = createHash('sha256')
    let size = 0
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        md5.update(chunk)
        sha256.update(chunk)
        size += chunk.length
        done(null, chunk)
      }
    })
    await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, measure, createWriteStream(staged))
    return this.commitFile(bucket, key, staged, { size, etag: `"${md5.digest('hex')}"`, sha256: sha256.digest('hex') }, meta)
  }

  /**
   * Makes an already-written file an object (multipart completion, copies).
   * `precondition` sees the object about to be replaced and may throw to refuse
   * the write; it runs in the same turn as the replacement, so of two
   * conditional writes racing for one key only one can win (as in S3).
   */
  async commitFile(
    bucket: string,
    key: string,
    file: string,
    digest: { size: number; etag: string; sha256: string },
    meta: ObjectMeta = {},
    precondition?: (current: StoredObject | undefined) => void
  ): Promise<StoredObject> {
    const objectsDir = join(this.root, 'objects')
    await mkdir(objectsDir, { recursive: true })
    const target = join(objectsDir, randomUUID())
    await rename(file, target)
    const previous = this.objects.get(this.id(bucket, key))
    try {
      precondition?.(previous)
    } catch (error) {
      await rm(target, { force: true })
      throw error
    }
    const stored: StoredObject = { ...meta, bucket, key, ...digest, lastModified: new Date(), file: target }
    this.objects.set(this.id(bucket, key), stored)
    if (previous) await rm(previous.file, { force: true })
    return stored
  }

  head(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(this.id(bucket, key))
  }

  exists(bucket: string, key: string): boolean {
    return this.objects.has(this.id(bucket, key))
  }

  /** The object's bytes, or the inclusive byte range [start, end]. */
  read(bucket: string, key: string, range?: { start: number; end: number }): Readable {
    const object = this.head(bucket, key)
    if (!object) throw new Error(`no object s3://${bucket}/${key}`)
    return createReadStream(object.file, range)
  }

  list(bucket: string, prefix = ''): StoredObject[] {
    return [...this.objects.values()]
      .filter((o) => o.bucket === bucket && o.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  async delete(bucket: string, key: string): Promise<void> {
    const object = this.head(bucket, key)
    if (!object) return
    this.objects.delete(this.id(bucket, key))
    await rm(object.file, { force: true })
  }

  async fileSize(file: string): Promise<number> {
    return (await stat(file)).size
  }
}

/** Splits `s3://bucket/key` (or the https form Braket also accepts). */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri)
  if (s3) return { bucket: s3[1]!, key: s3[2]! }
  const https = /^https:\/\/([^/.]+)\.s3[.-][^/]*amazonaws\.com\/?(.*)$/.exec(uri)
  if (https) return { bucket: https[1]!, key: https[2]! }
  return undefined
}
