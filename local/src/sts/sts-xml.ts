// STS's XML wire format (awsQuery): <ActionResponse><ActionResult>…</ActionResult>
// <ResponseMetadata><RequestId/></ResponseMetadata></ActionResponse>, and
// <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
import { stsFacts } from '../../../src/facts/aws-facts.js'
import type { Reply } from '../core/service-server.js'
import type { ServiceError } from '../core/service-error.js'

export const STS_XML_NAMESPACE = `https://sts.amazonaws.com/doc/${stsFacts.metadata.apiVersion}/`

/** Elements in document order; a nested object is a nested element. */
export interface XmlElements {
  [name: string]: string | number | XmlElements | undefined
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

function renderElements(elements: XmlElements, indent: string): string {
  return Object.entries(elements)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) =>
      typeof value === 'object'
        ? `${indent}<${name}>\n${renderElements(value, indent + '  ')}${indent}</${name}>\n`
        : `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`
    )
    .join('')
}

function xmlReply(status: number, requestId: string, body: string): Reply {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body }
}

export function renderResult(action: string, result: XmlElements, requestId: string): Reply {
  const resultWrapper = stsFacts.operations[action]?.resultWrapper ?? `${action}Result`
  const body =
    `<${action}Response xmlns="${STS_XML_NAMESPACE}">\n` +
    renderElements({ [resultWrapper]: result, ResponseMetadata: { RequestId: requestId } }, '  ') +
    `</${action}Response>\n`
  return xmlReply(200, requestId, body)
}

export function renderErrorResponse(error: ServiceError, requestId: string): Reply {
  const body =
    `<ErrorResponse xmlns="${STS_XML_NAMESPACE}">\n` +
    renderElements(
      { Error: { Type: error.status >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message }, RequestId: requestId },
      '  '
    ) +
    `</ErrorResponse>\n`
  return xmlReply(error.status, requestId, body)
}

/** ISO 8601 in whole seconds, as STS writes timestamps. */
export function xmlTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
