// An s3:// URI taken as a "directory": its bucket and a key prefix without the
// trailing slash, and the keys below it.

export interface S3Prefix {
  bucket: string
  /** Without leading or trailing slashes; '' for the bucket's root. */
  prefix: string
}

export function parseS3Prefix(uri: string): S3Prefix | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri)
  return match ? { bucket: match[1]!, prefix: match[2]!.replace(/^\/+|\/+$/g, '') } : undefined
}

/** What ListObjectsV2 is asked for: everything below the prefix, not its siblings (`checkpoints` must not match `checkpoints-old/…`). */
export function listPrefix(location: S3Prefix): string {
  return location.prefix === '' ? '' : `${location.prefix}/`
}

export function keyBelow(location: S3Prefix, relativeKey: string): string {
  return `${listPrefix(location)}${relativeKey}`
}

export function showS3Prefix(location: S3Prefix): string {
  return `s3://${location.bucket}/${listPrefix(location)}`
}

/** x-amz-copy-source: `bucket/key`, the key's segments URL-encoded. */
export function copySource(bucket: string, key: string): string {
  return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
}
