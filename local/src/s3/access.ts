// Who may touch a bucket. The stand-in imitates S3 without bucket policies or
// ACLs: a bucket belongs to the account whose caller created it, and only that
// account's callers may use it. x-amz-expected-bucket-owner is checked too.
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { KnownCredentials } from '../core/credentials.js'
import type { Bucket, ObjectStore } from '../stores/object-store.js'
import { s3Errors } from './s3-errors.js'

export interface BucketAccess {
  objects: ObjectStore
  caller: KnownCredentials
  /** Region of the request's signature. */
  region: string
  req: IncomingMessage
}

/** S3's canonical user ID of an account (64 hex digits); derived, stable per account. */
export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`stand-in-account:${accountId}`).digest('hex')
}

function checkExpectedOwner(bucket: Bucket, value: string | string[] | undefined): void {
  if (value === undefined) return
  const expected = Array.isArray(value) ? value[0] : value
  if (!/^\d{12}$/.test(expected ?? '')) throw s3Errors.invalidBucketOwner()
  if (expected !== bucket.ownerAccountId) throw s3Errors.accessDenied()
}

export interface BucketCheckOptions {
  /** Header naming the expected owner: x-amz-expected-bucket-owner, or x-amz-source-expected-bucket-owner for a copy source. */
  expectedOwnerHeader?: string
  /** Whether the request must be signed for the bucket's region (not for copy sources or GetBucketLocation). */
  checkRegion?: boolean
}

/**
 * The bucket a request may use, or S3's error: NoSuchBucket, a 301
 * PermanentRedirect (with x-amz-bucket-region) when the request was signed for
 * another region than the bucket's (the signing region stands for the regional
 * endpoint reached), AccessDenied for another account's bucket or a mismatching
 * expected owner.
 */
export function usableBucket(access: BucketAccess, name: string, options: BucketCheckOptions = {}): Bucket {
  const expectedOwner = access.req.headers[options.expectedOwnerHeader ?? 'x-amz-expected-bucket-owner']
  const bucket = access.objects.bucket(name)
  if (!bucket) {
    if (expectedOwner !== undefined && !/^\d{12}$/.test(String(expectedOwner))) throw s3Errors.invalidBucketOwner()
    throw s3Errors.noSuchBucket(name)
  }
  if ((options.checkRegion ?? true) && bucket.region !== access.region)
    throw s3Errors.wrongRegion(bucket.name, bucket.region, access.req.headers.host ?? '')
  if (bucket.ownerAccountId !== access.caller.accountId) throw s3Errors.accessDenied()
  checkExpectedOwner(bucket, expectedOwner)
  return bucket
}

/** S3's bucket naming rules (general purpose buckets). */
export function isValidBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false
  if (name.includes('..')) return false
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return false
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) return false
  if (/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)) return false
  return true
}
