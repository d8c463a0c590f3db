// HTTP face of the OIDC issuer: the runner's token endpoint (bearer-protected)
// and the issuer's public discovery document and key set.
import type { Reply, RequestContext, ServiceDefinition } from '../core/service-server.js'
import { ServiceError } from '../core/service-error.js'
import type { StandInState } from '../core/state.js'

const json = (status: number, body: unknown): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body)
})

function bearerOf(ctx: RequestContext): string | undefined {
  return /^Bearer (.+)$/i.exec(ctx.req.headers.authorization ?? '')?.[1]
}

export function oidcService(state: StandInState): ServiceDefinition {
  const unauthorized = () => new ServiceError('Unauthorized', 'The request token is missing, unknown or revoked.', 401)

  return {
    name: 'oidc',
    identify(ctx) {
      if (ctx.req.method !== 'GET') return 'Unknown'
      switch (ctx.url.pathname) {
        case '/token':
          return 'GetIdToken'
        case '/.well-known/jwks':
          return 'GetJwks'
        case '/.well-known/openid-configuration':
          return 'GetOpenIdConfiguration'
        default:
          return 'Unknown'
      }
    },
    async handle(operation, ctx) {
      switch (operation) {
        case 'GetIdToken': {
          const run = state.oidc.runFor(bearerOf(ctx) ?? '')
          if (!run) throw unauthorized()
          // getIDToken() without an audience sends none; GitHub then uses the owner's URL.
          const audience = ctx.url.searchParams.get('audience') || undefined
          return json(200, { value: state.oidc.idTokenFor(run, audience) })
        }
        case 'GetJwks':
          return json(200, state.oidc.jwks())
        case 'GetOpenIdConfiguration':
          return json(200, state.oidc.openIdConfiguration())
        default:
          throw new ServiceError('NotFound', `No such endpoint: ${ctx.req.method} ${ctx.url.pathname}`, 404)
      }
    },
    renderError: (error) => json(error.status, { message: error.message }),
    throttleError: () => new ServiceError('TooManyRequests', 'Too many requests for ID tokens; retry later.', 429),
    internalError: () => new ServiceError('InternalServerError', 'The token service failed to issue a token.', 500),
    // The issuer takes no AWS signatures; the pipeline never asks.
    authError: unauthorized
  }
}
