// Multipart upload operations: CreateMultipartUpload, UploadPart, UploadPartCopy,
// CompleteMultipartUpload, AbortMultipartUpload, ListMultipartUploads, ListParts.
import { canonicalUserId } from './access.js'
import {
  checksumHeaderName,
  FULL_OBJECT_CAPABLE,
  isWellFormedChecksum,
  parseAlgorithm,
  CHECKSUM_ALGORITHMS,
  type ChecksumAlgorithm
} from './checksums.js'
import { checkWriteConditions } from './conditions.js'
import { copySourceObject, copySourceRange } from './copy-source.js'
import { listPage, compareKeys, listParameters, parseMaxKeys } from './listing.js'
import { type ChecksumType, type MultipartUpload, type RequestedPart } from './multipart.js'
import { encryptionHeaders, requestedEncryption, requestedObjectMeta } from './object-headers.js'
import { readDocument, receivePayload } from './payload.js'
import { bucketOf, header, objectKey, xmlReply, type S3Call, type S3Handler } from './s3-call.js'
import { MAX_PART_NUMBER, s3Errors } from './s3-errors.js'
import { parseXmlDocument, xmlTimestamp, type XmlElements } from './s3-xml.js'
import { discardStaged, etagOf, stageBytes } from './staging.js'

function uploadOf(call: S3Call): MultipartUpload {
  const bucket = bucketOf(call)
  const key = objectKey(call)
  return call.uploads.get(bucket.name, key, call.route.query.get('uploadId') ?? '')
}

/** The checksum headers CreateMultipartUpload answers with. */
function uploadChecksumHeaders(upload: MultipartUpload): Record<string, string> {
  return upload.checksumAlgorithm
    ? { 'x-amz-checksum-algorithm': upload.checksumAlgorithm, 'x-amz-checksum-type': upload.checksumType! }
    : {}
}

function declaredChecksum(call: S3Call): { algorithm?: ChecksumAlgorithm; type?: ChecksumType } {
  const algorithmHeader = header(call, 'x-amz-checksum-algorithm')
  const typeHeader = header(call, 'x-amz-checksum-type')
  const algorithm = parseAlgorithm(algorithmHeader)
  if (algorithmHeader !== undefined && !algorithm) {
    throw s3Errors.invalidRequest(
      `Checksum algorithm provided is unsupported. Please try again with any of the valid types: [${CHECKSUM_ALGORITHMS.join(', ')}]`
    )
  }
  if (typeHeader === undefined) {
    if (!algorithm) return {}
    // CRC64NVME only exists as a full-object checksum; the others default to COMPOSITE.
    return { algorithm, type: algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE' }
  }
  const type = typeHeader.toUpperCase()
  if (type !== 'COMPOSITE' && type !== 'FULL_OBJECT') throw s3Errors.invalidRequest('Value for x-amz-checksum-type header is invalid.')
  if (!algorithm) throw s3Errors.invalidRequest('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.')
  if (type === 'FULL_OBJECT' && !FULL_OBJECT_CAPABLE.includes(algorithm)) {
    throw s3Errors.invalidRequest(`The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`)
  }
  if (type === 'COMPOSITE' && algorithm === 'CRC64NVME') {
    throw s3Errors.invalidRequest('The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.')
  }
  return { algorithm, type }
}

export const createMultipartUpload: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const key = objectKey(call)
  const { req } = call.ctx
  const encryption = requestedEncryption(req, bucket.ownerAccountId, bucket.region)
  const { algorithm, type } = declaredChecksum(call)
  const upload = call.uploads.create({
    bucket: bucket.name,
    key,
    initiatorAccountId: call.caller.accountId,
    initiatorArn: call.caller.arn,
    meta: { ...requestedObjectMeta(req), ...encryption },
    checksumAlgorithm: algorithm,
    checksumType: type
  })
  return xmlReply(
    'InitiateMultipartUploadResult',
    { Bucket: bucket.name, Key: key, UploadId: upload.uploadId },
    { ...encryptionHeaders(encryption), ...uploadChecksumHeaders(upload) }
  )
}

function partNumberOf(call: S3Call): number {
  const value = call.route.query.get('partNumber') ?? ''
  const number = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(number >= 1 && number <= MAX_PART_NUMBER)) {
    throw s3Errors.invalidArgument(`Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`, 'partNumber', value)
  }
  return number
}

export const uploadPart: S3Handler = async (call) => {
  const partNumber = partNumberOf(call)
  const upload = uploadOf(call)
  const declared = upload.checksumAlgorithm
  const received = await receivePayload(call.ctx.req, call.caller, call.state.objects, {
    alsoCompute: declared ? [declared] : [],
    checkChecksumChoice: (checksum) => {
      if (!declared) return
      const sent = checksum?.algorithm
      // A COMPOSITE upload needs every part's checksum; any part may only use the upload's algorithm.
      if ((sent === undefined && upload.checksumType === 'COMPOSITE') || (sent !== undefined && sent !== declared)) {
        throw s3Errors.invalidRequest(
          `Checksum Type mismatch occurred, expected checksum Type: ${declared.toLowerCase()}, actual checksum Type: ` +
            `${sent?.toLowerCase() ?? 'null'}`
        )
      }
    }
  })
  call.ctx.logBody = received.summary
  const checksum = declared ? received.checksums.get(declared) : undefined
  const etag = etagOf(received)
  await call.uploads.addPart(upload, { partNumber, staged: received, etag, checksum, lastModified: new Date() })
  return {
    status: 200,
    headers: {
      etag,
      ...encryptionHeaders(upload.meta),
      ...(declared && checksum ? { [checksumHeaderName(declared)]: checksum.toString('base64') } : {})
    }
  }
}

/** S3 copies at most 5 GiB in one request, a part included. */
const MAX_COPY_BYTES = 5 * 1024 ** 3

/** A part whose bytes come from (a range of) an existing object, server-side. */
export const uploadPartCopy: S3Handler = async (call) => {
  const partNumber = partNumberOf(call)
  const upload = uploadOf(call)
  const source = copySourceObject(call)
  const range = copySourceRange(call, source.size)
  const size = range ? range.end - range.start + 1 : source.size
  if (size > MAX_COPY_BYTES)
    throw s3Errors.invalidRequest(
      `The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_COPY_BYTES}`
    )
  const declared = upload.checksumAlgorithm
  const staged = await stageBytes(
    call.state.objects,
    call.state.objects.read(source.bucket, source.key, range),
    [],
    declared ? [declared] : []
  )
  const checksum = declared ? staged.checksums.get(declared) : undefined
  const etag = etagOf(staged)
  const lastModified = new Date()
  await call.uploads.addPart(upload, { partNumber, staged, etag, checksum, lastModified })
  return xmlReply(
    'CopyPartResult',
    {
      ETag: etag,
      LastModified: xmlTimestamp(lastModified),
      ...(declared && checksum ? { [`Checksum${declared}`]: checksum.toString('base64') } : {})
    },
    encryptionHeaders(upload.meta)
  )
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The part list of a CompleteMultipartUpload document; MalformedXML when it is not one. */
function requestedParts(document: string): RequestedPart[] {
  const parsed = parseXmlDocument(document, 'CompleteMultipartUpload')
  const entries = parsed?.Part
  if (!Array.isArray(entries) || entries.length === 0) throw s3Errors.malformedXml()
  return entries.map((entry: Record<string, unknown>) => {
    const number = text(entry?.PartNumber)
    const etag = text(entry?.ETag)
    if (number === undefined || !/^\d+$/.test(number) || etag === undefined) throw s3Errors.malformedXml()
    const checksums: RequestedPart['checksums'] = {}
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const value = text(entry[`Checksum${algorithm}`])
      if (value !== undefined) checksums[algorithm] = value
    }
    return { partNumber: Number(number), etag, checksums }
  })
}

function objectLocation(call: S3Call, bucket: string, key: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/')
  return `${call.state.endpoints.s3}/${bucket}/${path}`
}

export const completeMultipartUpload: S3Handler = async (call) => {
  const upload = uploadOf(call)
  const { req } = call.ctx
  const objects = call.state.objects
  const { text: document } = await readDocument(req, call.caller, objects)
  const parts = requestedParts(document)
  call.ctx.logBody = {
    CompleteMultipartUpload: {
      Part: parts.map((p) => ({
        PartNumber: p.partNumber,
        ETag: p.etag,
        ...Object.fromEntries(Object.entries(p.checksums).map(([algorithm, value]) => [`Checksum${algorithm}`, value]))
      }))
    }
  }
  checkWriteConditions(req, upload.key, objects.head(upload.bucket, upload.key))

  const assembled = await call.uploads.assemble(upload, parts)
  try {
    const declaredSize = header(call, 'x-amz-mp-object-size')
    if (declaredSize !== undefined && Number(declaredSize) !== assembled.staged.size) {
      throw s3Errors.invalidRequest("The provided 'x-amz-mp-object-size' header value does not match what was computed.")
    }
    // A full-object checksum the client computed itself must match the assembled object.
    const [algorithm, value] = Object.entries(assembled.checksums)[0] as [ChecksumAlgorithm, string]
    const sent = header(call, checksumHeaderName(algorithm))
    if (sent !== undefined && assembled.checksumType === 'FULL_OBJECT') {
      if (!isWellFormedChecksum(algorithm, sent)) throw s3Errors.invalidChecksumValue(checksumHeaderName(algorithm), false)
      if (sent !== value) throw s3Errors.badChecksum(algorithm)
    }
  } catch (error) {
    await discardStaged(assembled.staged)
    throw error
  }
  const stored = await objects.commitFile(
    upload.bucket,
    upload.key,
    assembled.staged.file,
    { size: assembled.staged.size, etag: assembled.etag, sha256: assembled.staged.sha256Hex },
    { ...upload.meta, checksums: assembled.checksums, checksumType: assembled.checksumType, partsCount: assembled.partsCount },
    (current) => checkWriteConditions(req, upload.key, current)
  )
  await call.uploads.finish(upload)
  const checksumElements: XmlElements = {}
  // S3 reports the object's checksum only for uploads that declared an algorithm.
  if (upload.checksumAlgorithm) {
    for (const [algorithm, value] of Object.entries(assembled.checksums)) checksumElements[`Checksum${algorithm}`] = value
    checksumElements.ChecksumType = assembled.checksumType
  }
  return xmlReply(
    'CompleteMultipartUploadResult',
    {
      Location: objectLocation(call, upload.bucket, upload.key),
      Bucket: upload.bucket,
      Key: upload.key,
      ETag: stored.etag,
      ...checksumElements
    },
    encryptionHeaders(stored)
  )
}

export const abortMultipartUpload: S3Handler = async (call) => {
  await call.uploads.abort(uploadOf(call))
  return { status: 204 }
}

function uploadEntry(upload: MultipartUpload, encode: (key: string) => string): XmlElements {
  return {
    Key: encode(upload.key),
    UploadId: upload.uploadId,
    Initiator: { ID: upload.initiatorArn, DisplayName: upload.initiatorArn.split('/').pop() },
    Owner: { ID: canonicalUserId(upload.initiatorAccountId) },
    StorageClass: 'STANDARD',
    Initiated: xmlTimestamp(upload.initiated),
    ...(upload.checksumAlgorithm ? { ChecksumAlgorithm: upload.checksumAlgorithm, ChecksumType: upload.checksumType } : {})
  }
}

export const listMultipartUploads: S3Handler = async (call) => {
  const bucket = bucketOf(call)
  const query = call.route.query
  const { prefix, delimiter, limit: maxUploads, encode } = listParameters(query, 'max-uploads')
  const keyMarker = query.get('key-marker') ?? ''
  const uploadIdMarker = query.get('upload-id-marker') ?? ''
  const entries = call.uploads.list(bucket.name)
  const markerIndex = uploadIdMarker === '' ? -1 : entries.findIndex((u) => u.key === keyMarker && u.uploadId === uploadIdMarker)

  const page = listPage({
    entries,
    keyOf: (u) => u.key,
    prefix,
    delimiter,
    maxKeys: maxUploads,
    skip: (u) => {
      if (keyMarker === '') return false
      const order = compareKeys(u.key, keyMarker)
      // With an upload-id-marker, the key-marker's own uploads after that upload still come.
      if (uploadIdMarker !== '' && order === 0) return entries.indexOf(u) <= markerIndex
      return order <= 0
    }
  })
  const lastUpload = page.contents.at(-1)
  const next: XmlElements = page.isTruncated
    ? page.last?.isPrefix
      ? { NextKeyMarker: encode(page.last.value) }
      : { NextKeyMarker: encode(lastUpload?.key ?? ''), NextUploadIdMarker: lastUpload?.uploadId ?? '' }
    : {}
  return xmlReply('ListMultipartUploadsResult', {
    Bucket: bucket.name,
    KeyMarker: encode(keyMarker),
    UploadIdMarker: uploadIdMarker,
    ...next,
    ...(prefix !== '' ? { Prefix: encode(prefix) } : {}),
    ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
    MaxUploads: maxUploads,
    ...(query.get('encoding-type') ? { EncodingType: 'url' } : {}),
    IsTruncated: page.isTruncated,
    Upload: page.contents.map((u) => uploadEntry(u, encode)),
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) }))
  })
}

export const listParts: S3Handler = async (call) => {
  const upload = uploadOf(call)
  const query = call.route.query
  const maxParts = parseMaxKeys(query.get('max-parts'), 'max-parts')
  const markerValue = query.get('part-number-marker') ?? '0'
  if (!/^\d+$/.test(markerValue))
    throw s3Errors.invalidArgument('Provided part-number-marker not an integer or within integer range', 'part-number-marker', markerValue)
  const marker = Number(markerValue)
  const after = [...upload.parts.values()].filter((p) => p.partNumber > marker).sort((a, b) => a.partNumber - b.partNumber)
  const shown = after.slice(0, maxParts)
  const isTruncated = after.length > shown.length
  const algorithm = upload.checksumAlgorithm
  return xmlReply('ListPartsResult', {
    Bucket: upload.bucket,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: marker,
    ...(shown.length > 0 ? { NextPartNumberMarker: shown.at(-1)!.partNumber } : {}),
    MaxParts: maxParts,
    IsTruncated: isTruncated,
    Part: shown.map((part) => ({
      PartNumber: part.partNumber,
      LastModified: xmlTimestamp(part.lastModified),
      ETag: part.etag,
      Size: part.staged.size,
      ...(algorithm && part.checksum ? { [`Checksum${algorithm}`]: part.checksum.toString('base64') } : {})
    })),
    Initiator: { ID: upload.initiatorArn },
    Owner: { ID: canonicalUserId(upload.initiatorAccountId) },
    StorageClass: 'STANDARD',
    ...(algorithm ? { ChecksumAlgorithm: algorithm, ChecksumType: upload.checksumType } : {})
  })
}
