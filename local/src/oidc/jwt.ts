// Compact JWS (RFC 7515) with RS256, on node:crypto alone: what GitHub's OIDC
// issuer signs and what STS verifies. No JWT library, so nothing is hidden.
import { createHash, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto'

export interface JwtHeader {
  alg: string
  typ?: string
  kid?: string
  [name: string]: unknown
}

export type JwtPayload = Record<string, unknown>

export interface DecodedJwt {
  header: JwtHeader
  payload: JwtPayload
  /** `base64url(header).base64url(payload)`: the bytes the signature covers. */
  signingInput: string
  signature: Buffer
}

/** A public signing key as a JWKS publishes it. */
export interface PublicJwk {
  kty: 'RSA'
  n: string
  e: string
  kid: string
  alg: 'RS256'
  use: 'sig'
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

export function signJwt(header: JwtHeader, payload: JwtPayload, privateKey: KeyObject): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`
  // RSASSA-PKCS1-v1_5 with SHA-256 is node's default padding for RSA keys: exactly RS256.
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), privateKey))}`
}

function parseSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Splits and parses a compact JWS; undefined when it is not one (wrong shape, not base64url, not JSON objects). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) return undefined
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]
  const header = parseSegment(headerPart)
  const payload = parseSegment(payloadPart)
  if (!isObject(header) || typeof header.alg !== 'string' || !isObject(payload)) return undefined
  if (!/^[A-Za-z0-9_-]+$/.test(signaturePart)) return undefined
  return {
    header: header as JwtHeader,
    payload,
    signingInput: `${headerPart}.${payloadPart}`,
    signature: Buffer.from(signaturePart, 'base64url')
  }
}

export function verifyRs256(decoded: DecodedJwt, jwk: PublicJwk): boolean {
  const key = createPublicKey({ key: { ...jwk } satisfies JsonWebKey, format: 'jwk' })
  return verify('sha256', Buffer.from(decoded.signingInput), key, decoded.signature)
}

/** The public half of an RSA key as a JWK, with its RFC 7638 thumbprint as `kid`. */
export function publicJwkOf(publicKey: KeyObject): PublicJwk {
  const { n, e } = publicKey.export({ format: 'jwk' })
  if (!n || !e) throw new Error('not an RSA public key')
  // RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url')
  return { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' }
}
