// How STS checks a web identity token before any trust policy: it must be a
// JWT from an OIDC provider registered in the account (here: the stand-in's
// issuer), signed with a key that provider publishes, not expired, and for an
// audience the provider lists.
import type { JwtPayload, PublicJwk } from '../oidc/jwt.js'
import { decodeJwt, verifyRs256 } from '../oidc/jwt.js'
import { stsErrors } from './sts-errors.js'

export interface TrustedIssuer {
  issuer: string
  jwks(): { keys: PublicJwk[] }
}

export interface WebIdentity {
  issuer: string
  subject: string
  audiences: string[]
  claims: JwtPayload
}

const NOT_A_JWT = 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'
const NO_KEY =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for " +
  'requirements'

const isNumericDate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

export function verifyWebIdentityToken(
  token: string,
  trusted: TrustedIssuer,
  nowMs: number,
  acceptedAudiences: ReadonlySet<string>
): WebIdentity {
  const decoded = decodeJwt(token)
  if (!decoded) throw stsErrors.invalidIdentityToken(NOT_A_JWT)
  const { header, payload } = decoded

  const issuer = payload.iss
  if (typeof issuer !== 'string') throw stsErrors.invalidIdentityToken(NOT_A_JWT)
  if (issuer !== trusted.issuer) throw stsErrors.invalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`)

  const key = trusted.jwks().keys.find((candidate) => candidate.kid === header.kid)
  if (header.alg !== 'RS256' || !key) throw stsErrors.invalidIdentityToken(NO_KEY)
  if (!verifyRs256(decoded, key))
    throw stsErrors.invalidIdentityToken("The web identity token signature could not be verified with the provider's keys")

  const nowSeconds = Math.floor(nowMs / 1000)
  if (!isNumericDate(payload.exp)) throw stsErrors.invalidIdentityToken('The web identity token has no expiration (exp) claim')
  if (nowSeconds >= payload.exp) {
    throw stsErrors.expiredIdentityToken(
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${payload.exp}`
    )
  }
  if (isNumericDate(payload.nbf) && nowSeconds < payload.nbf) {
    throw stsErrors.invalidIdentityToken(
      `Token not yet valid: current date/time ${nowSeconds} must be after the not-before date/time ${payload.nbf}`
    )
  }

  const audiences =
    typeof payload.aud === 'string'
      ? [payload.aud]
      : Array.isArray(payload.aud)
        ? payload.aud.filter((a): a is string => typeof a === 'string')
        : []
  if (!audiences.some((audience) => acceptedAudiences.has(audience))) throw stsErrors.invalidIdentityToken('Incorrect token audience')

  if (typeof payload.sub !== 'string' || payload.sub.length === 0)
    throw stsErrors.invalidIdentityToken('The web identity token has no subject (sub) claim')
  return { issuer, subject: payload.sub, audiences, claims: payload }
}
