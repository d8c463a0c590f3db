// The stand-in's S3: REST-XML, path style (`/<bucket>/<key>`), SigV4-signed,
// bodies streamed to disk. Requests arrive through the shared pipeline
// (faults, signature check, request log); this routes them to the handlers.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Reply, RequestContext, ServiceDefinition } from '../core/service-server.js'
import type { ServiceError } from '../core/service-error.js'
import type { AuthFailure } from '../core/sigv4.js'
import { accessKeyOf } from '../core/sigv4.js'
import type { StandInState } from '../core/state.js'
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets, listObjects, listObjectsV2 } from './bucket-handlers.js'
import { MultipartUploads } from './multipart.js'
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
  uploadPartCopy
} from './multipart-handlers.js'
import { copyObject, deleteObject, deleteObjects, getObject, headObject, putObject } from './object-handlers.js'
import type { S3Call, S3Handler } from './s3-call.js'
import { S3Error, s3Errors } from './s3-errors.js'
import { routeS3Request, type S3Route } from './s3-routes.js'
import { errorDocument } from './s3-xml.js'

const HANDLERS: Record<string, S3Handler> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
  GetBucketLocation: getBucketLocation,
  ListObjectsV2: listObjectsV2,
  ListObjects: listObjects,
  PutObject: putObject,
  HeadObject: headObject,
  GetObject: getObject,
  CopyObject: copyObject,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListMultipartUploads: listMultipartUploads,
  ListParts: listParts
}

/** Operations whose handler reads the request body; the others let it drain. */
const READS_BODY = new Set(['CreateBucket', 'PutObject', 'UploadPart', 'CompleteMultipartUpload', 'DeleteObjects'])

const AUTH_ERRORS: Record<AuthFailure, (detail: string) => S3Error> = {
  missing: () => s3Errors.accessDenied(),
  'unknown-key': () => new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403),
  expired: () => new S3Error('ExpiredToken', 'The provided token has expired.', 400),
  'bad-signature': () => s3Errors.signatureDoesNotMatch(),
  'wrong-service': (detail) => new S3Error('AuthorizationHeaderMalformed', `The authorization header is malformed; ${detail}`, 400)
}

export function s3Service(state: StandInState): ServiceDefinition {
  const uploads = new MultipartUploads(state.objects)
  const routes = new WeakMap<IncomingMessage, S3Route>()
  const requestIds = new WeakMap<IncomingMessage, { requestId: string; hostId: string }>()

  /** S3's x-amz-request-id and x-amz-id-2, the same for a request's answer and its log. */
  const idsOf = (req: IncomingMessage) => {
    let ids = requestIds.get(req)
    if (!ids) {
      ids = { requestId: randomBytes(8).toString('hex').toUpperCase(), hostId: randomBytes(48).toString('base64') }
      requestIds.set(req, ids)
    }
    return ids
  }
  const idHeaders = (req: IncomingMessage) => {
    const { requestId, hostId } = idsOf(req)
    return { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId }
  }

  return {
    name: 's3',
    signingName: 's3',
    streamsBodies: true,

    identify(ctx: RequestContext): string {
      const route = routeS3Request(ctx.req)
      routes.set(ctx.req, route)
      return route.operation
    },

    async handle(operation: string, ctx: RequestContext): Promise<Reply> {
      const route = routes.get(ctx.req) ?? routeS3Request(ctx.req)
      const handler = HANDLERS[operation]
      if (route.unsupported || !handler) throw s3Errors.notImplemented(route.unsupported ?? operation)
      // Every S3 operation here is signed, so the pipeline has verified a caller.
      const caller = ctx.caller!
      const region = ctx.region ?? state.options.region
      if (!READS_BODY.has(operation)) ctx.req.resume()
      const call: S3Call = { state, uploads, ctx, route, caller, region, access: { objects: state.objects, caller, region, req: ctx.req } }
      const reply = await handler(call)
      return { ...reply, headers: { ...idHeaders(ctx.req), ...(reply.headers ?? {}) } }
    },

    renderError(error: ServiceError, ctx: RequestContext): Reply {
      const { requestId, hostId } = idsOf(ctx.req)
      const headers: Record<string, string> = { ...idHeaders(ctx.req), ...(error instanceof S3Error ? error.headers : {}) }
      // HEAD answers carry no body, errors included: clients see only the status.
      if (ctx.req.method === 'HEAD') return { status: error.status, headers }
      const extra = { ...error.extra }
      const accessKeyId = accessKeyOf(ctx.req)
      if ((error.code === 'InvalidAccessKeyId' || error.code === 'SignatureDoesNotMatch') && accessKeyId) extra.AWSAccessKeyId = accessKeyId
      return {
        status: error.status,
        headers: { ...headers, 'content-type': 'application/xml' },
        body: errorDocument(error.code, error.message, extra, requestId, hostId)
      }
    },

    throttleError: () => s3Errors.slowDown(),
    internalError: () => s3Errors.internalError(),
    authError: (failure: AuthFailure, detail: string) => AUTH_ERRORS[failure](detail)
  }
}
