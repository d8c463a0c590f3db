// S3's XML: documents the stand-in answers with, and the few it reads
// (CreateBucketConfiguration, CompleteMultipartUpload, Delete).
import { XMLParser } from 'fast-xml-parser'

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/'

/** An element's content: text, nested elements (arrays repeat the element), or absent. */
export type XmlValue = string | number | boolean | XmlElements | XmlElements[] | string[] | undefined
export interface XmlElements {
  [name: string]: XmlValue
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

function render(name: string, value: XmlValue): string {
  if (value === undefined) return ''
  if (Array.isArray(value)) return (value as XmlValue[]).map((item) => render(name, item)).join('')
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([child, v]) => render(child, v))
      .join('')}</${name}>`
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

/** A whole S3 XML document, e.g. xmlDocument('ListBucketResult', {...}). */
export function xmlDocument(root: string, content: XmlElements | string, namespace: string | undefined = S3_NAMESPACE): string {
  const inner =
    typeof content === 'string'
      ? escapeXml(content)
      : Object.entries(content)
          .map(([name, v]) => render(name, v))
          .join('')
  const attributes = namespace ? ` xmlns="${namespace}"` : ''
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attributes}>${inner}</${root}>`
}

/** S3's error document: Code, Message, the error's own fields, then RequestId and HostId. */
export function errorDocument(code: string, message: string, extra: Record<string, string>, requestId: string, hostId: string): string {
  return xmlDocument('Error', { Code: code, Message: message, ...extra, RequestId: requestId, HostId: hostId }, undefined)
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Repeated elements are read as arrays even when there is one.
  isArray: (name) => name === 'Part' || name === 'Object'
})

/** Parses a request document; undefined when it is not well-formed XML with the expected root. */
export function parseXmlDocument(text: string, root: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined
  try {
    const parsed = parser.parse(text, true) as Record<string, unknown>
    const content = parsed[root]
    if (content === undefined) return undefined
    return typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : {}
  } catch {
    return undefined
  }
}

/** S3's timestamps in XML: ISO 8601 with milliseconds. */
export function xmlTimestamp(date: Date): string {
  return date.toISOString()
}
