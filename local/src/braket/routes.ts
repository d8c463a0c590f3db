// Finds the operation of a REST-JSON request from the routes in the API model
// (method + request URI template) and assembles its input the way the model
// binds members: URI labels, query strings, headers and the JSON body.
import { braketFacts } from '../../../src/facts/aws-facts.js'
import type { ServiceFacts } from '../../../src/facts/model-types.js'
import type { KnownCredentials } from '../core/credentials.js'
import type { Reply, RequestContext } from '../core/service-server.js'
import { braketError, jsonHeaders } from './braket-errors.js'

interface Route {
  operation: string
  method: string
  pattern: RegExp
  labels: string[]
}

function compileRoutes(facts: ServiceFacts): Route[] {
  return Object.entries(facts.operations).map(([operation, { http }]) => {
    const labels: string[] = []
    const path = http.requestUri.split('?')[0]!
    const source = path
      .split('/')
      .map((segment) => {
        const label = /^\{([^}+]+)(\+?)\}$/.exec(segment)
        if (!label) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        labels.push(label[1]!)
        return label[2] ? '(.+)' : '([^/]+)'
      })
      .join('/')
    return { operation, method: http.method, pattern: new RegExp(`^${source}$`), labels }
  })
}

const ROUTES = compileRoutes(braketFacts)

export interface RoutedRequest {
  operation: string
  /** Decoded URI labels, e.g. { jobArn: 'arn:aws:braket:…' }. */
  labels: Record<string, string>
}

export function routeRequest(method: string, pathname: string): RoutedRequest | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue
    const match = route.pattern.exec(pathname)
    if (!match) continue
    const labels: Record<string, string> = {}
    route.labels.forEach((name, index) => {
      labels[name] = decodeURIComponent(match[index + 1]!)
    })
    return { operation: route.operation, labels }
  }
  return undefined
}

export function parseJsonBody(ctx: RequestContext): Record<string, unknown> {
  const text = ctx.body?.toString('utf8') ?? ''
  if (text.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw braketError('ValidationException', 'Could not parse the request body as JSON.')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw braketError('ValidationException', 'The request body must be a JSON object.')
  return parsed as Record<string, unknown>
}

/** The operation's input, each member read from where the model binds it. */
export function operationInput(
  operation: string,
  routed: RoutedRequest,
  ctx: RequestContext,
  body: Record<string, unknown>
): Record<string, unknown> {
  const inputShape = braketFacts.shapes[braketFacts.operations[operation]?.input ?? '']
  const input: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(inputShape?.members ?? {})) {
    const wireName = member.locationName ?? name
    switch (member.location) {
      case 'uri':
        if (routed.labels[wireName] !== undefined) input[name] = routed.labels[wireName]
        break
      case 'querystring': {
        const values = ctx.url.searchParams.getAll(wireName)
        if (values.length === 0) break
        input[name] = braketFacts.shapes[member.shape]?.type === 'list' ? values : values[0]
        break
      }
      case 'header': {
        const value = ctx.req.headers[wireName.toLowerCase()]
        if (value !== undefined) input[name] = Array.isArray(value) ? value.join(',') : value
        break
      }
      default:
        if (body[name] !== undefined) input[name] = body[name]
    }
  }
  return input
}

/** A validated request, as the operation handlers take it. */
export interface Call {
  input: Record<string, unknown>
  caller: KnownCredentials
  region: string
}

/** A successful answer with the operation's status code from the model. */
export function reply(operation: string, body: unknown): Reply {
  return { status: braketFacts.operations[operation]?.http.responseCode ?? 200, headers: jsonHeaders(), body: JSON.stringify(body) }
}
