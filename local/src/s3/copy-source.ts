// The source of a copy (CopyObject, UploadPartCopy): x-amz-copy-source parsed,
// its bucket checked (any region, but only the caller's account, and the one
// x-amz-source-expected-bucket-owner names), its object found and its
// x-amz-copy-source-if-* conditions met.
import type { StoredObject } from '../stores/object-store.js'
import { usableBucket } from './access.js'
import { checkCopySourceConditions } from './conditions.js'
import { header, type S3Call } from './s3-call.js'
import { s3Errors } from './s3-errors.js'

/** x-amz-copy-source: URL-encoded `bucket/key` (leading slash optional, `?versionId=` optional). */
function parseCopySource(value: string | undefined): { bucket: string; key: string } {
  const invalid = () =>
    s3Errors.invalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 'x-amz-copy-source', value)
  if (!value) throw invalid()
  const [path, query] = value.split('?', 2) as [string, string | undefined]
  const withoutSlash = path.startsWith('/') ? path.slice(1) : path
  const slash = withoutSlash.indexOf('/')
  if (slash <= 0 || slash === withoutSlash.length - 1) throw invalid()
  let bucket: string
  let key: string
  try {
    bucket = decodeURIComponent(withoutSlash.slice(0, slash))
    key = decodeURIComponent(withoutSlash.slice(slash + 1))
  } catch {
    throw invalid()
  }
  const versionId = new URLSearchParams(query ?? '').get('versionId')
  // Buckets here are unversioned: their objects' only version is "null".
  if (versionId !== null && versionId !== 'null') throw s3Errors.invalidArgument('Invalid version id specified', 'versionId', versionId)
  return { bucket, key }
}

export function copySourceObject(call: S3Call): StoredObject {
  const sourceAt = parseCopySource(header(call, 'x-amz-copy-source'))
  // A copy may read from another region, but only from a bucket the caller's account owns.
  const sourceBucket = usableBucket(call.access, sourceAt.bucket, {
    expectedOwnerHeader: 'x-amz-source-expected-bucket-owner',
    checkRegion: false
  })
  const source = call.state.objects.head(sourceBucket.name, sourceAt.key)
  if (!source) throw s3Errors.noSuchKey(sourceAt.key)
  checkCopySourceConditions(call.ctx.req, source)
  return source
}

/** x-amz-copy-source-range: `bytes=first-last`, inclusive, within the source; absent: the whole source. */
export function copySourceRange(call: S3Call, size: number): { start: number; end: number } | undefined {
  const value = header(call, 'x-amz-copy-source-range')
  if (value === undefined) return undefined
  const match = /^bytes=(\d+)-(\d+)$/.exec(value.trim())
  if (!match || Number(match[2]) < Number(match[1])) {
    throw s3Errors.invalidArgument(
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of ' +
        'the first and last bytes to copy',
      'x-amz-copy-source-range',
      value
    )
  }
  const range = { start: Number(match[1]), end: Number(match[2]) }
  if (range.end >= size)
    throw s3Errors.invalidArgument(`Range specified is not valid for source object of size: ${size}`, 'x-amz-copy-source-range', value)
  return range
}
