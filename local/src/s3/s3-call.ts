// What every S3 operation handler gets, and small helpers for answers.
import type { KnownCredentials } from '../core/credentials.js'
import type { Reply, RequestContext } from '../core/service-server.js'
import type { StandInState } from '../core/state.js'
import type { Bucket } from '../stores/object-store.js'
import { usableBucket, type BucketAccess } from './access.js'
import type { MultipartUploads } from './multipart.js'
import { s3Errors } from './s3-errors.js'
import type { S3Route } from './s3-routes.js'
import { xmlDocument, type XmlElements } from './s3-xml.js'

export interface S3Call {
  state: StandInState
  uploads: MultipartUploads
  ctx: RequestContext
  route: S3Route
  caller: KnownCredentials
  /** Region of the request's signature: the "endpoint" it was sent to. */
  region: string
  access: BucketAccess
}

export type S3Handler = (call: S3Call) => Promise<Reply>

/** S3 limits keys to 1024 bytes of UTF-8. */
const MAX_KEY_BYTES = 1024

export function header(call: S3Call, name: string): string | undefined {
  const value = call.ctx.req.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

export function bucketName(call: S3Call): string {
  return call.route.bucket!
}

export function objectKey(call: S3Call): string {
  const key = call.route.key!
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw s3Errors.keyTooLong()
  return key
}

/** The request's bucket after S3's existence, region and ownership checks. */
export function bucketOf(call: S3Call): Bucket {
  return usableBucket(call.access, bucketName(call))
}

export function xmlReply(root: string, content: XmlElements, headers: Record<string, string> = {}, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/xml', ...headers }, body: xmlDocument(root, content) }
}
