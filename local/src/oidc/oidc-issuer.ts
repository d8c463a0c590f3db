// GitHub's OIDC issuer as a workflow sees it: the runner hands a step a request
// URL and a bearer token; GET <url>&audience=X answers {"value": "<ID token>"}.
// The ID token is an RS256 JWT signed with a key made at start and published
// in a JWKS, so STS (and tests) verify it the way AWS verifies GitHub's.
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import type { StandInState } from '../core/state.js'
import { runIdentityOf, type GitHubClaims, type GitHubEnv, type IdTokenClaims, type RunIdentity } from './github-claims.js'
import { publicJwkOf, signJwt, type PublicJwk } from './jwt.js'

export type { GitHubClaims, GitHubEnv, IdTokenClaims } from './github-claims.js'

export interface MintOptions {
  /** `aud`; default the repository owner's URL, as GitHub does when no audience is asked for. */
  audience?: string
  /** Lifetime from `iat`; negative makes a token that has already expired. Default `idTokenLifetimeSeconds`. */
  expiresInSeconds?: number
  /** Sign with a key the issuer does not publish (same `kid`): a forgery STS must reject. */
  signWithForeignKey?: boolean
}

/**
 * GitHub's documented example token has exp = iat + 5 min and nbf = iat − 10 min.
 * (Tokens seen in the wild have lived longer; the shorter life surfaces an action
 * that holds on to a token instead of asking again.)
 */
const DEFAULT_LIFETIME_SECONDS = 300
const NOT_BEFORE_SKEW_SECONDS = 600

export class OidcIssuer {
  /** Lifetime of tokens the endpoint issues; tests may shorten it. */
  idTokenLifetimeSeconds = DEFAULT_LIFETIME_SECONDS

  private readonly privateKey: KeyObject
  private readonly jwk: PublicJwk
  private readonly requestTokens = new Map<string, RunIdentity>()
  private readonly issued: string[] = []
  private readonly defaultToken: string

  constructor(readonly state: StandInState) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    this.privateKey = privateKey
    this.jwk = publicJwkOf(publicKey)
    this.defaultToken = this.issueRequestToken(state.options.githubEnv ?? process.env)
  }

  /** The issuer URL (`iss`): the OIDC server's base URL, where discovery lives. */
  get issuer(): string {
    return this.state.endpoints.oidc
  }

  /** ACTIONS_ID_TOKEN_REQUEST_URL */
  get requestUrl(): string {
    return `${this.issuer}/token?api-version=2.0`
  }

  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN for the run described by `githubEnv` (or this process's GITHUB_* variables). */
  get defaultRequestToken(): string {
    return this.defaultToken
  }

  /**
   * A new bearer token for ACTIONS_ID_TOKEN_REQUEST_TOKEN, bound to a run: either
   * claims (`{repository, ref, event_name, environment, …}`) or a child process's
   * GITHUB_* variables; `overrides` win (e.g. `{environment: 'prod'}`, which no variable carries).
   */
  issueRequestToken(source: Partial<GitHubClaims> | GitHubEnv = {}, overrides: Partial<GitHubClaims> = {}): string {
    const token = randomBytes(32).toString('base64url')
    this.requestTokens.set(token, runIdentityOf(source, overrides))
    return token
  }

  /** Ends a request token, as the end of its job does. */
  revokeRequestToken(token: string): void {
    this.requestTokens.delete(token)
  }

  /** The run a request token was issued for; undefined for a token this issuer never issued. */
  runFor(requestToken: string): RunIdentity | undefined {
    return this.requestTokens.get(requestToken)
  }

  /** What the token endpoint does for a valid request token. */
  idTokenFor(run: RunIdentity, audience: string | undefined): string {
    return this.sign(run.claims, audience ?? this.defaultAudience(run), this.idTokenLifetimeSeconds, false)
  }

  /**
   * An ID token straight from the issuer, for tests of STS: any claims (others
   * filled in as for a local run; `iss`, `iat`, `exp`… may be overridden too).
   */
  mintIdToken(claims: Partial<IdTokenClaims> = {}, options: MintOptions = {}): string {
    const run = runIdentityOf(claims)
    const lifetime = options.expiresInSeconds ?? this.idTokenLifetimeSeconds
    return this.sign(run.claims, options.audience ?? this.defaultAudience(run), lifetime, options.signWithForeignKey ?? false, claims)
  }

  /** Every ID token issued so far (endpoint and mintIdToken): for asserting none leaks into a log. */
  issuedIdTokens(): string[] {
    return [...this.issued]
  }

  /** The published key set (`/.well-known/jwks`). */
  jwks(): { keys: PublicJwk[] } {
    return { keys: [{ ...this.jwk }] }
  }

  /** `/.well-known/openid-configuration`, shaped like GitHub's. */
  openIdConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      jwks_uri: `${this.issuer}/.well-known/jwks`,
      subject_types_supported: ['public', 'pairwise'],
      response_types_supported: ['id_token'],
      claims_supported: [
        'sub',
        'aud',
        'exp',
        'iat',
        'iss',
        'jti',
        'nbf',
        'ref',
        'sha',
        'repository',
        'repository_id',
        'repository_owner',
        'repository_owner_id',
        'repository_visibility',
        'run_id',
        'run_number',
        'run_attempt',
        'runner_environment',
        'actor',
        'actor_id',
        'workflow',
        'workflow_ref',
        'workflow_sha',
        'head_ref',
        'base_ref',
        'event_name',
        'ref_type',
        'ref_protected',
        'environment',
        'job_workflow_ref',
        'job_workflow_sha'
      ],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid']
    }
  }

  private defaultAudience(run: RunIdentity): string {
    return `${run.serverUrl}/${run.claims.repository_owner}`
  }

  private sign(
    claims: GitHubClaims,
    audience: string,
    lifetimeSeconds: number,
    foreignKey: boolean,
    overrides: Partial<IdTokenClaims> = {}
  ): string {
    // The stand-in's one clock: STS checks expiry against the same one.
    const now = Math.floor(this.state.credentials.now() / 1000)
    const payload: IdTokenClaims = {
      jti: randomUUID(),
      ...claims,
      aud: audience,
      iss: this.issuer,
      iat: now,
      nbf: now - NOT_BEFORE_SKEW_SECONDS,
      exp: now + lifetimeSeconds,
      ...stripUndefined(overrides)
    }
    const key = foreignKey ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : this.privateKey
    const token = signJwt({ typ: 'JWT', alg: 'RS256', kid: this.jwk.kid }, { ...payload }, key)
    this.issued.push(token)
    return token
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
