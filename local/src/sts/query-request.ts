// The awsQuery request format: `Action=…&Version=…&Member=…` as a form body
// (or, equally accepted by STS, as the URL's query string), lists flattened
// to `Name.member.N`, nested structures to `Name.Member`.
import type { ServiceFacts } from '../../../src/facts/model-types.js'
import type { RequestContext } from '../core/service-server.js'

export type QueryParams = Map<string, string>

export function queryParamsOf(ctx: RequestContext): QueryParams {
  const params: QueryParams = new Map(ctx.url.searchParams)
  const contentType = ctx.req.headers['content-type'] ?? ''
  if (ctx.body && ctx.body.length > 0 && contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(ctx.body.toString('utf8'))) params.set(name, value)
  }
  return params
}

/** Rebuilds the input structure the model describes from flattened parameters, typed as the model says. */
export function decodeQueryInput(facts: ServiceFacts, shapeName: string, params: QueryParams, prefix = ''): unknown {
  const shape = facts.shapes[shapeName]
  if (!shape) throw new Error(`unknown shape ${shapeName}`)
  const key = (name: string) => (prefix ? `${prefix}.${name}` : name)

  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {}
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const value = decodeQueryInput(facts, member.shape, params, key(name))
        if (value !== undefined) out[name] = value
      }
      return prefix && Object.keys(out).length === 0 ? undefined : out
    }
    case 'list': {
      const itemPrefix = `${prefix}.member.`
      const indices = new Set<number>()
      for (const name of params.keys()) {
        if (name.startsWith(itemPrefix)) indices.add(Number.parseInt(name.slice(itemPrefix.length), 10))
      }
      // An empty list is sent as the bare name with an empty value.
      if (indices.size === 0) return params.get(prefix) === '' ? [] : undefined
      return [...indices]
        .sort((a, b) => a - b)
        .map((index) => decodeQueryInput(facts, shape.member!.shape, params, `${prefix}.member.${index}`))
    }
    case 'integer':
    case 'long': {
      const raw = params.get(prefix)
      // Unparsable numbers stay text, so validation reports them instead of silently dropping them.
      return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : raw
    }
    case 'boolean': {
      const raw = params.get(prefix)
      return raw === 'true' ? true : raw === 'false' ? false : raw
    }
    default:
      return params.get(prefix)
  }
}
