// Verifies AWS Signature Version 4 on incoming requests by re-signing them with
// the SDK's own signer and the secret the stand-in knows for the access key.
import { Sha256 } from '@aws-crypto/sha256-js'
import { SignatureV4 } from '@smithy/signature-v4'
import type { IncomingMessage } from 'node:http'
import type { CredentialStore, KnownCredentials } from './credentials.js'

export type AuthFailure = 'missing' | 'unknown-key' | 'expired' | 'bad-signature' | 'wrong-service'

export type AuthResult = { ok: true; credentials: KnownCredentials; region: string } | { ok: false; failure: AuthFailure; detail: string }

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/

export function accessKeyOf(req: IncomingMessage): string | undefined {
  return AUTH_PATTERN.exec(req.headers.authorization ?? '')?.[1]
}

export async function verifySigV4(
  req: IncomingMessage,
  body: Uint8Array | undefined,
  store: CredentialStore,
  signingName: string
): Promise<AuthResult> {
  const match = AUTH_PATTERN.exec(req.headers.authorization ?? '')
  if (!match) return { ok: false, failure: 'missing', detail: 'Request is missing Authentication Token' }
  const [, accessKeyId, , region, service, signedHeaderList, signature] = match as unknown as string[]
  const credentials = store.lookup(accessKeyId!)
  if (!credentials)
    return {
      ok: false,
      failure: 'unknown-key',
      detail: `The security token included in the request is invalid (access key ${accessKeyId} is unknown).`
    }
  if (store.isExpired(credentials))
    return { ok: false, failure: 'expired', detail: 'The security token included in the request is expired' }
  if (service !== signingName)
    return { ok: false, failure: 'wrong-service', detail: `Credential should be scoped to correct service: '${signingName}'.` }

  const signedHeaders = signedHeaderList!.split(';')
  const headers: Record<string, string> = {}
  for (const name of signedHeaders) {
    const value = req.headers[name]
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value
  }
  const url = new URL(req.url ?? '/', 'http://stand-in')
  const query: Record<string, string | string[]> = {}
  for (const [key, value] of url.searchParams) {
    const existing = query[key]
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  const amzDate = headers['x-amz-date'] ?? ''
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
  if (Number.isNaN(signingDate.getTime())) return { ok: false, failure: 'bad-signature', detail: 'X-Amz-Date is missing or malformed' }

  const signer = new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken
    },
    region: region!,
    service: service,
    sha256: Sha256,
    // S3 signs the path as sent; every other service escapes it once more.
    uriEscapePath: signingName !== 's3',
    applyChecksum: false
  })
  const resigned = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: (headers.host ?? '').split(':')[0] ?? '',
      // The path exactly as sent (already escaped once by the client).
      path: (req.url ?? '/').split('?')[0]!,
      query,
      headers,
      body
    },
    { signingDate, signableHeaders: new Set(signedHeaders) }
  )
  const expected = /Signature=([0-9a-f]{64})/.exec(resigned.headers.authorization ?? '')?.[1]
  if (expected !== signature) {
    return {
      ok: false,
      failure: 'bad-signature',
      detail:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing ' +
        'method.'
    }
  }
  return { ok: true, credentials, region: region! }
}
