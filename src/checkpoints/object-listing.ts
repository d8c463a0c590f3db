// Every object below a prefix, page by page (ListObjectsV2), with its owner checked.
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import { listPrefix, type S3Prefix } from './s3-prefix.js'

export interface ListedObject {
  /** Below the prefix: `vqe-checkpoint.json`, `epoch-3/state.pt`. */
  relativeKey: string
  size: number
  etag: string
  lastModified?: Date
}

export async function listBelow(s3: S3Client, location: S3Prefix, owner: string): Promise<ListedObject[]> {
  const prefix = listPrefix(location)
  const objects: ListedObject[] = []
  let ContinuationToken: string | undefined
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: location.bucket, Prefix: prefix, ExpectedBucketOwner: owner, ContinuationToken })
    )
    for (const object of page.Contents ?? []) {
      if (!object.Key || object.Key.length <= prefix.length) continue
      objects.push({
        relativeKey: object.Key.slice(prefix.length),
        size: object.Size ?? 0,
        etag: object.ETag ?? '',
        ...(object.LastModified ? { lastModified: object.LastModified } : {})
      })
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (ContinuationToken)
  return objects
}
