// Which S3 operation a path-style REST request is: `/<bucket>/<key>` plus
// method, sub-resource query parameters and a few headers.
import type { IncomingMessage } from 'node:http'

export interface S3Route {
  operation: string
  bucket?: string
  key?: string
  query: URLSearchParams
  /** Set for operations the stand-in does not imitate, naming what was asked for. */
  unsupported?: string
}

/** Sub-resources of buckets and objects that select an operation the stand-in does not imitate. */
const UNSUPPORTED_SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'attributes',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'logging',
  'metadataTable',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'renameObject',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'session',
  'tagging',
  'torrent',
  'versioning',
  'versions',
  'website'
]

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

/** Splits the raw request target; the path is taken as sent (URL parsing would collapse `..` segments inside keys). */
function splitTarget(req: IncomingMessage): { bucket?: string; key?: string; query: URLSearchParams } {
  const raw = req.url ?? '/'
  const queryStart = raw.indexOf('?')
  const path = queryStart === -1 ? raw : raw.slice(0, queryStart)
  const query = new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1))
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment)
    } catch {
      return segment
    }
  }
  // Virtual-hosted style works for `<bucket>.localhost`; IP endpoints are always path style.
  const host = (header(req, 'host') ?? '').split(':')[0] ?? ''
  const virtualHost = /^(.+)\.localhost$/.exec(host)
  if (virtualHost) {
    const key = path.slice(1)
    return { bucket: virtualHost[1], key: key === '' ? undefined : decode(key), query }
  }
  const withoutSlash = path.slice(1)
  if (withoutSlash === '') return { query }
  const slash = withoutSlash.indexOf('/')
  if (slash === -1) return { bucket: decode(withoutSlash), query }
  const key = withoutSlash.slice(slash + 1)
  return { bucket: decode(withoutSlash.slice(0, slash)), key: key === '' ? undefined : decode(key), query }
}

export function routeS3Request(req: IncomingMessage): S3Route {
  const { bucket, key, query } = splitTarget(req)
  const method = req.method ?? 'GET'
  const route = (operation: string): S3Route => ({ operation, bucket, key, query })
  const unsupported = (what: string): S3Route => ({ operation: 'NotImplemented', bucket, key, query, unsupported: what })

  const subresource = UNSUPPORTED_SUBRESOURCES.find((name) => query.has(name))
  if (subresource) return unsupported(`${method} ?${subresource}`)

  if (bucket === undefined) {
    if (method === 'GET') return route('ListBuckets')
    return unsupported(`${method} /`)
  }

  if (key === undefined) {
    switch (method) {
      case 'PUT':
        return route('CreateBucket')
      case 'HEAD':
        return route('HeadBucket')
      case 'DELETE':
        return route('DeleteBucket')
      case 'GET':
        if (query.has('location')) return route('GetBucketLocation')
        if (query.has('uploads')) return route('ListMultipartUploads')
        if (query.get('list-type') === '2') return route('ListObjectsV2')
        return route('ListObjects')
      case 'POST':
        if (query.has('delete')) return route('DeleteObjects')
        return unsupported('POST on a bucket')
      default:
        return unsupported(`${method} on a bucket`)
    }
  }

  const copySource = header(req, 'x-amz-copy-source')
  switch (method) {
    case 'PUT':
      if (query.has('uploadId') || query.has('partNumber')) return copySource ? route('UploadPartCopy') : route('UploadPart')
      return copySource ? route('CopyObject') : route('PutObject')
    case 'GET':
      if (query.has('uploadId')) return route('ListParts')
      return route('GetObject')
    case 'HEAD':
      return route('HeadObject')
    case 'DELETE':
      if (query.has('uploadId')) return route('AbortMultipartUpload')
      return route('DeleteObject')
    case 'POST':
      if (query.has('uploads')) return route('CreateMultipartUpload')
      if (query.has('uploadId')) return route('CompleteMultipartUpload')
      return unsupported('POST on an object')
    default:
      return unsupported(`${method} on an object`)
  }
}
