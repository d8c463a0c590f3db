// Bucket operations: CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation,
// ListBuckets, ListObjectsV2 and ListObjects.
import type { StoredObject } from '../stores/object-store.js'
import { canonicalUserId, isValidBucketName, usableBucket } from './access.js'
import { parseAlgorithm } from './checksums.js'
import { compareKeys, coveredBy, decodeContinuationToken, encodeContinuationToken, listPage, listParameters } from './listing.js'
import { readDocument } from './payload.js'
import { bucketName, bucketOf, xmlReply, type S3Handler } from './s3-call.js'
import { s3Errors } from './s3-errors.js'
import { parseXmlDocument, xmlDocument, xmlTimestamp, type XmlElements } from './s3-xml.js'

/** Region names as S3 accepts them in LocationConstraint (plus the legacy "EU"). */
const REGION_PATTERN = /^(EU|[a-z]{2}(-gov)?-[a-z]+-\d+)$/

export const createBucket: S3Handler = async (call) => {
  const name = bucketName(call)
  if (!isValidBucketName(name)) throw s3Errors.invalidBucketName(name)
  const { text } = await readDocument(call.ctx.req, call.caller, call.state.objects)
  let constraint: string | undefined
  if (text.trim() !== '') {
    const configuration = parseXmlDocument(text, 'CreateBucketConfiguration')
    if (!configuration) throw s3Errors.malformedXml()
    call.ctx.logBody = { CreateBucketConfiguration: configuration }
    const value = configuration.LocationConstraint
    if (typeof value === 'string' && value !== '') constraint = value
  }
  // us-east-1 is the default and may not be named; every other endpoint only creates buckets in its own region.
  if (constraint !== undefined && (!REGION_PATTERN.test(constraint) || constraint === 'us-east-1'))
    throw s3Errors.invalidLocationConstraint(constraint)
  let region: string
  if (call.region === 'us-east-1') region = constraint === 'EU' ? 'eu-west-1' : (constraint ?? 'us-east-1')
  else if (constraint === call.region) region = constraint
  else throw s3Errors.illegalLocationConstraint(constraint)

  const existing = call.state.objects.bucket(name)
  if (existing) {
    if (existing.ownerAccountId !== call.caller.accountId) throw s3Errors.bucketAlreadyExists(name)
    // The legacy us-east-1 answers a repeated create of your own bucket with success.
    if (!(existing.region === 'us-east-1' && region === 'us-east-1')) throw s3Errors.bucketAlreadyOwnedByYou(name)
  } else {
    call.state.objects.createBucket(name, call.caller.accountId, region)
  }
  return { status: 200, headers: { location: `/${name}` } }
}

export const headBucket: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  return { status: 200, headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' } }
}

export const deleteBucket: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  if (call.state.objects.list(bucket.name).length > 0) throw s3Errors.bucketNotEmpty(bucket.name)
  for (const upload of call.uploads.list(bucket.name)) await call.uploads.abort(upload)
  call.state.objects.deleteBucket(bucket.name)
  return { status: 204 }
}

export const getBucketLocation: S3Handler = async (call) => {
  // Any regional endpoint answers where a bucket lives: no region check here.
  const bucket = usableBucket(call.access, bucketName(call), { checkRegion: false })
  const constraint = bucket.region === 'us-east-1' ? '' : bucket.region
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('LocationConstraint', constraint) }
}

export const listBuckets: S3Handler = async (call) => {
  const prefix = call.route.query.get('prefix') ?? ''
  const regionFilter = call.route.query.get('bucket-region')
  const buckets = call.state.objects
    .listBuckets()
    .filter(
      (b) => b.ownerAccountId === call.caller.accountId && b.name.startsWith(prefix) && (regionFilter === null || b.region === regionFilter)
    )
    .sort((a, b) => compareKeys(a.name, b.name))
  return xmlReply('ListAllMyBucketsResult', {
    Owner: { ID: canonicalUserId(call.caller.accountId) },
    Buckets: { Bucket: buckets.map((b) => ({ Name: b.name, CreationDate: xmlTimestamp(b.createdAt), BucketRegion: b.region })) },
    ...(prefix !== '' ? { Prefix: prefix } : {})
  })
}

function objectEntry(object: StoredObject, encode: (key: string) => string, owner: string | undefined): XmlElements {
  const algorithm = Object.keys(object.checksums ?? {})
    .map((name) => parseAlgorithm(name))
    .find((a) => a !== undefined)
  return {
    Key: encode(object.key),
    LastModified: xmlTimestamp(object.lastModified),
    ETag: object.etag,
    ...(algorithm ? { ChecksumAlgorithm: algorithm, ChecksumType: object.checksumType ?? 'FULL_OBJECT' } : {}),
    Size: object.size,
    ...(owner ? { Owner: { ID: owner } } : {}),
    StorageClass: 'STANDARD'
  }
}

function sortedObjects(call: Parameters<S3Handler>[0], bucket: string): StoredObject[] {
  return call.state.objects.list(bucket).sort((a, b) => compareKeys(a.key, b.key))
}

export const listObjectsV2: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const query = call.route.query
  const { prefix, delimiter, limit: maxKeys, encode } = listParameters(query, 'max-keys')
  const token = query.get('continuation-token')
  const startAfter = query.get('start-after')
  const marker = token !== null ? decodeContinuationToken(token) : startAfter ? { value: startAfter, isPrefix: false } : undefined
  const owner = query.get('fetch-owner') === 'true' ? canonicalUserId(bucket.ownerAccountId) : undefined

  const page = listPage({
    entries: sortedObjects(call, bucket.name),
    keyOf: (o) => o.key,
    prefix,
    delimiter,
    maxKeys,
    skip: (o) => coveredBy(o.key, marker)
  })
  return xmlReply('ListBucketResult', {
    Name: bucket.name,
    Prefix: encode(prefix),
    ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
    MaxKeys: maxKeys,
    ...(query.get('encoding-type') ? { EncodingType: 'url' } : {}),
    KeyCount: page.contents.length + page.commonPrefixes.length,
    IsTruncated: page.isTruncated,
    ...(token !== null ? { ContinuationToken: token } : {}),
    ...(page.isTruncated && page.last ? { NextContinuationToken: encodeContinuationToken(page.last) } : {}),
    ...(startAfter ? { StartAfter: encode(startAfter) } : {}),
    Contents: page.contents.map((o) => objectEntry(o, encode, owner)),
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) }))
  })
}

export const listObjects: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const query = call.route.query
  const { prefix, delimiter, limit: maxKeys, encode } = listParameters(query, 'max-keys')
  const marker = query.get('marker') ?? ''
  // A NextMarker that is a common prefix stands for every key under it.
  const markerPosition = marker === '' ? undefined : { value: marker, isPrefix: delimiter !== undefined && marker.endsWith(delimiter) }
  const owner = canonicalUserId(bucket.ownerAccountId)

  const page = listPage({
    entries: sortedObjects(call, bucket.name),
    keyOf: (o) => o.key,
    prefix,
    delimiter,
    maxKeys,
    skip: (o) => coveredBy(o.key, markerPosition)
  })
  return xmlReply('ListBucketResult', {
    Name: bucket.name,
    Prefix: encode(prefix),
    Marker: encode(marker),
    // V1 names the next marker only when a delimiter is used; otherwise it is the last key.
    ...(page.isTruncated && delimiter && page.last ? { NextMarker: encode(page.last.value) } : {}),
    MaxKeys: maxKeys,
    ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
    ...(query.get('encoding-type') ? { EncodingType: 'url' } : {}),
    IsTruncated: page.isTruncated,
    Contents: page.contents.map((o) => objectEntry(o, encode, owner)),
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) }))
  })
}
