// The AWS Price List Query API (service code AmazonBraket only): GetProducts
// and GetAttributeValues over JSON 1.1 (`POST /`,
// `X-Amz-Target: AWSPriceListService.<Operation>`), SigV4 signing name
// `pricing`. Requests are validated against the model's facts; products come
// from price-list.ts, whose rates are the stand-in's own (stand-in-rates.ts).
import { randomUUID } from 'node:crypto'
import { pricingFacts } from '../../../src/facts/aws-facts.js'
import { validateShape } from '../../../src/facts/validate-shape.js'
import { validationMessage } from '../braket/validation-message.js'
import { decodePageToken, pageOf } from '../core/page-tokens.js'
import type { Reply, RequestContext, ServiceDefinition } from '../core/service-server.js'
import { ServiceError } from '../core/service-error.js'
import type { StandInState } from '../core/state.js'
import { authError } from '../logs/logs-errors.js'
import { fieldValue, priceListItem, standInProducts, type Product } from './price-list.js'
import { STAND_IN_RATES } from './stand-in-rates.js'

const TARGET_PREFIX = `${pricingFacts.metadata.targetPrefix}.`
const CONTENT_TYPE = 'application/x-amz-json-1.1'
const FORMAT_VERSION = 'aws_v1'
/** Page sizes when MaxResults is absent. */
const DEFAULT_PAGE = { GetProducts: 100, GetAttributeValues: 100 } as const

/** JSON-protocol errors: 400 for the caller's faults, 500 for the model's `fault` shapes. */
export function pricingError(code: string, message: string): ServiceError {
  const shape = pricingFacts.shapes[code]
  if (!shape?.exception) throw new Error(`the Price List model has no error shape ${code}`)
  return new ServiceError(code, message, shape.fault ? 500 : 400)
}

interface Filter {
  Type: 'TERM_MATCH' | 'EQUALS' | 'CONTAINS' | 'ANY_OF' | 'NONE_OF'
  Field: string
  Value: string
}

/** Each filter type as the API reference describes it; ANY_OF and NONE_OF take a comma-separated list. */
function matches(item: Product, filter: Filter): boolean {
  const value = fieldValue(item, filter.Field)
  if (value === undefined) return false
  const listed = () => filter.Value.split(',').map((entry) => entry.trim())
  switch (filter.Type) {
    case 'TERM_MATCH':
    case 'EQUALS':
      return value === filter.Value
    case 'CONTAINS':
      return value.includes(filter.Value)
    case 'ANY_OF':
      return listed().includes(value)
    case 'NONE_OF':
      return !listed().includes(value)
  }
}

type Body = Record<string, unknown>

function checkServiceCode(serviceCode: string): void {
  if (serviceCode !== STAND_IN_RATES.serviceCode)
    throw pricingError('NotFoundException', `The stand-in's price list has no service code ${serviceCode}; it lists AmazonBraket only.`)
}

function page<T>(items: T[], body: Body, operation: keyof typeof DEFAULT_PAGE, scope: unknown): { page: T[]; nextToken?: string } {
  const offset = body.NextToken === undefined ? 0 : decodePageToken(body.NextToken as string, scope)
  if (offset === undefined)
    throw pricingError('InvalidNextTokenException', 'The pagination token is invalid. Try again without a pagination token.')
  return pageOf(items, offset, (body.MaxResults as number | undefined) ?? DEFAULT_PAGE[operation], scope)
}

const OPERATIONS: Record<string, (body: Body) => Record<string, unknown>> = {
  GetProducts(body) {
    checkServiceCode(body.ServiceCode as string)
    if (body.FormatVersion !== undefined && body.FormatVersion !== FORMAT_VERSION)
      throw pricingError(
        'InvalidParameterException',
        `FormatVersion ${JSON.stringify(body.FormatVersion)} is not supported. Valid values: aws_v1.`
      )
    const filters = (body.Filters as Filter[] | undefined) ?? []
    const found = standInProducts().filter((item) => filters.every((filter) => matches(item, filter)))
    const { page: items, nextToken: NextToken } = page(found, body, 'GetProducts', ['GetProducts', body.ServiceCode, filters])
    return { FormatVersion: FORMAT_VERSION, PriceList: items.map(priceListItem), ...(NextToken ? { NextToken } : {}) }
  },

  GetAttributeValues(body) {
    checkServiceCode(body.ServiceCode as string)
    const name = body.AttributeName as string
    const values = new Set<string>()
    for (const item of standInProducts()) {
      const value = fieldValue(item, name)
      if (value !== undefined) values.add(value)
    }
    if (values.size === 0)
      throw pricingError('NotFoundException', `Attribute name ${name} is not found for service code ${body.ServiceCode as string}.`)
    const sorted = [...values].sort()
    const { page: items, nextToken: NextToken } = page(sorted, body, 'GetAttributeValues', ['GetAttributeValues', body.ServiceCode, name])
    return { AttributeValues: items.map((Value) => ({ Value })), ...(NextToken ? { NextToken } : {}) }
  }
}

function json(status: number, payload: unknown): Reply {
  return { status, headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() }, body: JSON.stringify(payload) }
}

function parseBody(ctx: RequestContext): Body {
  const text = ctx.body?.toString('utf8') ?? ''
  try {
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text)
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Body
  } catch {
    // Answered below.
  }
  throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.', 400)
}

export function pricingService(_state: StandInState): ServiceDefinition {
  return {
    name: 'pricing',
    signingName: pricingFacts.metadata.signingName ?? 'pricing',
    identify(ctx) {
      const target = ctx.req.headers['x-amz-target']
      return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : 'Unknown'
    },
    async handle(operation, ctx) {
      const run = OPERATIONS[operation]
      if (ctx.req.method !== 'POST' || !run)
        throw new ServiceError(
          'UnknownOperationException',
          `The stand-in does not imitate ${JSON.stringify(ctx.req.headers['x-amz-target'] ?? `${ctx.req.method} ${ctx.url.pathname}`)}.`,
          400
        )
      const body = parseBody(ctx)
      ctx.logBody = body
      const inputShape = pricingFacts.operations[operation]!.input!
      const problems = validateShape(pricingFacts, inputShape, body)
      if (problems.length > 0) throw pricingError('InvalidParameterException', validationMessage(pricingFacts, inputShape, body, problems))
      return json(200, run(body))
    },
    renderError: (error) => json(error.status, { __type: error.code, Message: error.message }),
    throttleError: () => pricingError('ThrottlingException', 'Rate exceeded'),
    internalError: () => pricingError('InternalErrorException', 'An error on the server occurred during the processing of your request.'),
    // JSON-protocol services answer authentication failures alike (see the CloudWatch Logs stand-in).
    authError,
    accessDenied: (message) => pricingError('AccessDeniedException', message)
  }
}
