// Opaque pagination tokens: the offset of the next page, bound to the search
// it came from (a token of another search, or a forged one, is refused).
import { createHash } from 'node:crypto'

function scopeDigest(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16)
}

export function encodePageToken(offset: number, scope: unknown): string {
  return Buffer.from(JSON.stringify({ offset, scope: scopeDigest(scope) })).toString('base64url')
}

/** The offset a token holds, or undefined when it is not a token of this search. */
export function decodePageToken(token: string, scope: unknown): number | undefined {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown; scope?: unknown }
    if (typeof decoded.offset !== 'number' || !Number.isInteger(decoded.offset) || decoded.offset < 0) return undefined
    return decoded.scope === scopeDigest(scope) ? decoded.offset : undefined
  } catch {
    return undefined
  }
}

/** One page of `items` from the token's offset, and the token of the next page when there is one. */
export function pageOf<T>(items: readonly T[], offset: number, size: number, scope: unknown): { page: T[]; nextToken?: string } {
  const next = offset + size < items.length ? encodePageToken(offset + size, scope) : undefined
  return { page: items.slice(offset, offset + size), ...(next ? { nextToken: next } : {}) }
}
