// The stand-in's GitHub OIDC issuer and STS, driven by @actions/core's
// getIDToken and the official @aws-sdk/client-sts over real HTTP on loopback.
import { jest } from '@jest/globals'
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto'
import { getIDToken } from '@actions/core'
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { stsFacts } from '../src/facts/aws-facts.js'
import { memberShape, validateShape } from '../src/facts/validate-shape.js'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'

const ACCOUNT = '123456789012'
const SUBMIT_ROLE = `arn:aws:iam::${ACCOUNT}:role/braket-submit`
const SHORT_ROLE = `arn:aws:iam::${ACCOUNT}:role/braket-short`
const RUN_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'octo-org/quantum-jobs',
  GITHUB_REPOSITORY_OWNER: 'octo-org',
  GITHUB_REPOSITORY_ID: '74',
  GITHUB_REPOSITORY_OWNER_ID: '65',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_NUMBER: '7',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_ACTOR: 'octocat',
  GITHUB_ACTOR_ID: '12',
  GITHUB_WORKFLOW: 'Submit hybrid job',
  GITHUB_WORKFLOW_REF: 'octo-org/quantum-jobs/.github/workflows/submit.yml@refs/heads/main'
}

let standIn: StandIn

beforeAll(async () => {
  standIn = await start({
    githubEnv: RUN_ENV,
    trust: [
      { roleArn: SUBMIT_ROLE, sub: 'repo:octo-org/quantum-jobs:*', aud: 'sts.amazonaws.com', maxSessionDurationSeconds: 7200 },
      { roleArn: SHORT_ROLE, sub: 'repo:octo-org/*' }
    ]
  })
})
afterAll(async () => {
  await standIn?.stop()
})

// ---------- helpers ----------

const sts = (config: Partial<STSClientConfig> = {}) =>
  new STSClient({ region: standIn.state.options.region, endpoint: standIn.endpoints.sts, maxAttempts: 1, ...config })

const staticSts = () =>
  sts({ credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: STATIC_CREDENTIALS.secretAccessKey } })

interface Failure {
  name: string
  status?: number
  message: string
  type?: string
}

async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise
  } catch (caught) {
    const error = caught as Error & { $metadata?: { httpStatusCode?: number }; Type?: string }
    return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message, type: error.Type }
  }
  throw new Error('expected the call to fail')
}

function assume(token: string, overrides: { RoleArn?: string; RoleSessionName?: string; DurationSeconds?: number } = {}) {
  return sts().send(
    new AssumeRoleWithWebIdentityCommand({ RoleArn: SUBMIT_ROLE, RoleSessionName: 'gh-4242', WebIdentityToken: token, ...overrides })
  )
}

/** Runs getIDToken as a step would: the runner's two variables set, @actions/core's workflow commands kept off the test output. */
async function idTokenAsStep(requestToken: string, audience?: string): Promise<string> {
  const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = standIn.oidc.requestUrl
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = requestToken
  const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    return await getIDToken(audience)
  } finally {
    quiet.mockRestore()
    for (const [name, value] of [
      ['ACTIONS_ID_TOKEN_REQUEST_URL', saved.url],
      ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token]
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** Verifies a JWT the way a relying party does: discovery → jwks_uri → key by kid → RS256. */
async function verifiedClaims(token: string): Promise<Record<string, unknown>> {
  const discovery = (await (await fetch(`${standIn.endpoints.oidc}/.well-known/openid-configuration`)).json()) as { jwks_uri: string }
  const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid: string })[] }
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string }
  expect(alg).toBe('RS256')
  const jwk = keys.find((key) => key.kid === kid)
  expect(jwk).toBeDefined()
  const key = createPublicKey({ key: jwk!, format: 'jwk' })
  expect(verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true)
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
}

// ---------- GitHub's OIDC issuer ----------

describe('OIDC issuer', () => {
  it('publishes discovery whose issuer is its base URL, and a JWKS of RS256 keys', async () => {
    const discovery = (await (await fetch(`${standIn.endpoints.oidc}/.well-known/openid-configuration`)).json()) as Record<string, unknown>
    expect(discovery.issuer).toBe(standIn.endpoints.oidc)
    expect(discovery.jwks_uri).toBe(`${standIn.endpoints.oidc}/.well-known/jwks`)
    expect(discovery.id_token_signing_alg_values_supported).toEqual(['RS256'])
    const jwks = (await (await fetch(`${standIn.endpoints.oidc}/.well-known/jwks`)).json()) as { keys: Record<string, unknown>[] }
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' })
    expect(jwks.keys[0]).not.toHaveProperty('d') // never the private half
  })

  it("answers @actions/core's getIDToken with a signed JWT carrying the run's claims", async () => {
    const before = Math.floor(Date.now() / 1000)
    const token = await idTokenAsStep(standIn.oidc.defaultRequestToken, 'sts.amazonaws.com')
    const claims = await verifiedClaims(token)
    expect(claims).toMatchObject({
      iss: standIn.endpoints.oidc,
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo-org/quantum-jobs:ref:refs/heads/main',
      repository: RUN_ENV.GITHUB_REPOSITORY,
      repository_owner: 'octo-org',
      repository_id: '74',
      repository_owner_id: '65',
      ref: 'refs/heads/main',
      ref_type: 'branch',
      sha: RUN_ENV.GITHUB_SHA,
      event_name: 'push',
      run_id: '4242',
      run_number: '7',
      run_attempt: '2',
      actor: 'octocat',
      workflow: 'Submit hybrid job',
      workflow_ref: RUN_ENV.GITHUB_WORKFLOW_REF,
      job_workflow_ref: RUN_ENV.GITHUB_WORKFLOW_REF
    })
    expect(claims.jti).toEqual(expect.any(String))
    const iat = claims.iat as number
    expect(iat).toBeGreaterThanOrEqual(before)
    expect(claims.exp).toBe(iat + standIn.oidc.idTokenLifetimeSeconds)
    expect(claims.nbf as number).toBeLessThanOrEqual(iat)
    expect(standIn.oidc.issuedIdTokens()).toContain(token)
  })

  it("defaults aud to the repository owner's URL when no audience is asked for", async () => {
    const claims = await verifiedClaims(await idTokenAsStep(standIn.oidc.defaultRequestToken))
    expect(claims.aud).toBe('https://github.com/octo-org')
  })

  it('builds sub the way GitHub does for pull requests, tags and environments', async () => {
    const pullRequest = standIn.oidc.issueRequestToken({ ...RUN_ENV, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/27/merge' })
    const tag = standIn.oidc.issueRequestToken({ repository: 'octo-org/quantum-jobs', ref: 'refs/tags/v1.2.0' })
    const environment = standIn.oidc.issueRequestToken({ ...RUN_ENV, GITHUB_EVENT_NAME: 'pull_request' }, { environment: 'prod' })
    const claims: Record<string, unknown>[] = []
    // One at a time: each step owns process.env while it asks.
    for (const requestToken of [pullRequest, tag, environment]) claims.push(await verifiedClaims(await idTokenAsStep(requestToken)))
    expect(claims.map((c) => c.sub)).toEqual([
      'repo:octo-org/quantum-jobs:pull_request',
      'repo:octo-org/quantum-jobs:ref:refs/tags/v1.2.0',
      'repo:octo-org/quantum-jobs:environment:prod'
    ])
    expect(claims[0]).toMatchObject({ event_name: 'pull_request', ref: 'refs/pull/27/merge' })
    expect(claims[1]).toMatchObject({ ref_type: 'tag' })
    expect(claims[2]).toMatchObject({ environment: 'prod' })
  })

  it('refuses a wrong, missing or revoked request token with 401', async () => {
    await expect(idTokenAsStep('not-the-request-token', 'sts.amazonaws.com')).rejects.toThrow(/401/)
    expect((await fetch(`${standIn.oidc.requestUrl}&audience=sts.amazonaws.com`)).status).toBe(401)
    const revoked = standIn.oidc.issueRequestToken(RUN_ENV)
    standIn.oidc.revokeRequestToken(revoked)
    const response = await fetch(standIn.oidc.requestUrl, { headers: { authorization: `Bearer ${revoked}` } })
    expect(response.status).toBe(401)
  })
})

// ---------- STS ----------

describe('STS AssumeRoleWithWebIdentity', () => {
  it('exchanges the ID token for credentials that sign GetCallerIdentity as the assumed role', async () => {
    const token = await idTokenAsStep(standIn.oidc.defaultRequestToken, 'sts.amazonaws.com')
    const startedAt = Date.now()
    const out = await assume(token, { DurationSeconds: 900 })

    const { $metadata, ...result } = out
    const wireShaped = { ...result, Credentials: { ...result.Credentials, Expiration: result.Credentials!.Expiration!.toISOString() } }
    expect(validateShape(stsFacts, 'AssumeRoleWithWebIdentityResponse', wireShaped)).toEqual([])
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(out.Credentials!.Expiration!.getTime()).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000 + 899_000)
    expect(out.Credentials!.Expiration!.getTime()).toBeLessThanOrEqual(Date.now() + 900_000)
    expect(out.SubjectFromWebIdentityToken).toBe('repo:octo-org/quantum-jobs:ref:refs/heads/main')
    expect(out.Audience).toBe('sts.amazonaws.com')
    expect(out.Provider).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${standIn.endpoints.oidc.replace('http://', '')}`)
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/braket-submit/gh-4242`)
    expect(out.AssumedRoleUser!.AssumedRoleId).toMatch(/^AROA[A-Z2-7]+:gh-4242$/)
    expect($metadata.requestId).toMatch(/^[0-9a-f-]{36}$/)

    const { AccessKeyId, SecretAccessKey, SessionToken } = out.Credentials!
    const identity = await sts({
      credentials: { accessKeyId: AccessKeyId!, secretAccessKey: SecretAccessKey!, sessionToken: SessionToken! }
    }).send(new GetCallerIdentityCommand({}))
    expect(identity).toMatchObject({ Account: ACCOUNT, Arn: out.AssumedRoleUser!.Arn, UserId: out.AssumedRoleUser!.AssumedRoleId })

    const [assumeRecord] = standIn.requests.of('sts', 'AssumeRoleWithWebIdentity').slice(-1)
    expect(assumeRecord).toMatchObject({
      status: 200,
      accessKeyId: undefined,
      body: { RoleArn: SUBMIT_ROLE, WebIdentityToken: '[redacted]' }
    })
    expect(standIn.requests.of('sts', 'GetCallerIdentity').slice(-1)[0]).toMatchObject({ status: 200, accessKeyId: AccessKeyId })
    // No ID token, in any request of any service, ever reaches the log.
    const log = JSON.stringify(standIn.requests.records)
    for (const issued of standIn.oidc.issuedIdTokens()) expect(log).not.toContain(issued)
  })

  it('denies a subject no trust rule admits (AccessDenied 403)', async () => {
    const token = standIn.oidc.mintIdToken({ repository: 'mallory/fork' }, { audience: 'sts.amazonaws.com' })
    expect(await failureOf(assume(token))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      type: 'Sender',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
    })
    // The same subject may still match another role's rule: trust is per role.
    const octo = standIn.oidc.mintIdToken({ repository: 'octo-org/other-repo' }, { audience: 'sts.amazonaws.com' })
    expect(await failureOf(assume(octo))).toMatchObject({ name: 'AccessDenied' })
    await expect(assume(octo, { RoleArn: SHORT_ROLE })).resolves.toMatchObject({
      SubjectFromWebIdentityToken: 'repo:octo-org/other-repo:ref:refs/heads/main'
    })
  })

  it('rejects an audience the provider does not list (InvalidIdentityToken)', async () => {
    const token = await idTokenAsStep(standIn.oidc.defaultRequestToken) // aud https://github.com/octo-org
    expect(await failureOf(assume(token))).toMatchObject({
      name: 'InvalidIdentityTokenException',
      status: 400,
      message: 'Incorrect token audience'
    })
  })

  it('rejects an expired token (ExpiredTokenException)', async () => {
    const token = standIn.oidc.mintIdToken(
      { repository: 'octo-org/quantum-jobs' },
      { audience: 'sts.amazonaws.com', expiresInSeconds: -30 }
    )
    const failure = await failureOf(assume(token))
    expect(failure).toMatchObject({ name: 'ExpiredTokenException', status: stsFacts.shapes.ExpiredTokenException!.error!.httpStatusCode })
    expect(failure.message).toMatch(/^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/)
  })

  it('rejects forged, malformed and foreign-issuer tokens (InvalidIdentityToken)', async () => {
    const forged = standIn.oidc.mintIdToken(
      { repository: 'octo-org/quantum-jobs' },
      { audience: 'sts.amazonaws.com', signWithForeignKey: true }
    )
    const foreign = standIn.oidc.mintIdToken(
      { repository: 'octo-org/quantum-jobs', iss: 'https://token.actions.githubusercontent.com' },
      { audience: 'sts.amazonaws.com' }
    )
    const failures = await Promise.all([forged, 'not.a.jwt', 'eyJhbGciOiJub25lIn0', foreign].map((token) => failureOf(assume(token))))
    for (const failure of failures) expect(failure).toMatchObject({ name: 'InvalidIdentityTokenException', status: 400 })
    expect(failures[1]!.message).toMatch(/not a valid JWT/)
    expect(failures[3]!.message).toBe('No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com')
  })

  it("answers ValidationError in STS's wording for a bad session name or duration", async () => {
    const token = standIn.oidc.mintIdToken({ repository: 'octo-org/quantum-jobs' }, { audience: 'sts.amazonaws.com' })
    const sessionName = memberShape(stsFacts, 'AssumeRoleWithWebIdentityRequest', ['RoleSessionName'])
    const duration = memberShape(stsFacts, 'AssumeRoleWithWebIdentityRequest', ['DurationSeconds'])

    const badName = await failureOf(assume(token, { RoleSessionName: 'has space' }))
    expect(badName).toMatchObject({ name: 'ValidationError', status: 400, type: 'Sender' })
    expect(badName.message).toBe(
      `1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular ` +
        `expression pattern: ${sessionName.pattern}`
    )
    const tooShort = await failureOf(assume(token, { DurationSeconds: duration.min! - 1 }))
    expect(tooShort.message).toBe(
      `1 validation error detected: Value '${duration.min! - 1}' at 'durationSeconds' failed to satisfy constraint: Member must have ` +
        `value greater than or equal to ${duration.min}`
    )
    const both = await failureOf(assume(token, { RoleSessionName: 'x', DurationSeconds: duration.max! + 1 }))
    expect(both.message).toMatch(/^2 validation errors detected: Value 'x' at 'roleSessionName' .*; Value '\d+' at 'durationSeconds' /)
    // The token itself is never echoed back.
    const shortToken = await failureOf(assume('abc'))
    expect(shortToken.message).toBe(
      `1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or ` +
        `equal to ${memberShape(stsFacts, 'AssumeRoleWithWebIdentityRequest', ['WebIdentityToken']).min}`
    )
  })

  it("refuses a duration above the role's maximum session duration", async () => {
    const token = standIn.oidc.mintIdToken({ repository: 'octo-org/quantum-jobs' }, { audience: 'sts.amazonaws.com' })
    await expect(assume(token, { DurationSeconds: 7200 })).resolves.toBeDefined() // braket-submit allows 2 h
    expect(await failureOf(assume(token, { RoleArn: SHORT_ROLE, DurationSeconds: 7200 }))).toMatchObject({
      name: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
    })
  })

  it('is retried by the SDK through a throttle, and reports an internal failure as 500', async () => {
    const token = standIn.oidc.mintIdToken({ repository: 'octo-org/quantum-jobs' }, { audience: 'sts.amazonaws.com' })
    standIn.faults.add({ service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'throttle', times: 2 })
    const retrying = sts({ retryStrategy: new ConfiguredRetryStrategy(4, () => 10) })
    const before = standIn.requests.of('sts', 'AssumeRoleWithWebIdentity').length
    await expect(
      retrying.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: SUBMIT_ROLE, RoleSessionName: 'retry', WebIdentityToken: token }))
    ).resolves.toBeDefined()
    const attempts = standIn.requests.of('sts', 'AssumeRoleWithWebIdentity').slice(before)
    expect(attempts.map((r) => [r.status, r.errorCode ?? null])).toEqual([
      [400, 'Throttling'],
      [400, 'Throttling'],
      [200, null]
    ])
    expect(standIn.faults.pending()).toEqual([])

    standIn.faults.add({ service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'error' })
    expect(await failureOf(assume(token))).toMatchObject({ name: 'InternalFailure', status: 500, type: 'Receiver' })
  })
})

describe('STS signed calls', () => {
  it('answers GetCallerIdentity for the static pair', async () => {
    await expect(staticSts().send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:user/stand-in-tester`
    })
  })

  it('refuses issued credentials once they expire (ExpiredToken)', async () => {
    const token = standIn.oidc.mintIdToken({ repository: 'octo-org/quantum-jobs' }, { audience: 'sts.amazonaws.com' })
    const { Credentials } = await assume(token, { DurationSeconds: 900 })
    const client = sts({
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!
      }
    })
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined()
    const realNow = standIn.credentials.now
    standIn.credentials.now = () => Credentials!.Expiration!.getTime() + 1000
    try {
      expect(await failureOf(client.send(new GetCallerIdentityCommand({})))).toMatchObject({
        name: 'ExpiredToken',
        status: 403,
        message: 'The security token included in the request is expired'
      })
    } finally {
      standIn.credentials.now = realNow
    }
  })

  it('answers SignatureDoesNotMatch for a wrong secret and InvalidClientTokenId for an unknown key', async () => {
    const wrongSecret = sts({ credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } })
    expect(await failureOf(wrongSecret.send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'SignatureDoesNotMatch',
      status: 403
    })
    const unknownKey = sts({ credentials: { accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'whatever' } })
    expect(await failureOf(unknownKey.send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid'
    })
  })

  it('speaks the awsQuery wire format: XML errors with a request id, unknown actions refused', async () => {
    const response = await fetch(standIn.endpoints.sts, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'AssumeRoleWithWebIdentity',
        Version: '2011-06-15',
        RoleArn: SUBMIT_ROLE,
        RoleSessionName: 's1',
        WebIdentityToken: 'not.a.jwt'
      })
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('text/xml')
    const requestId = response.headers.get('x-amzn-requestid')
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    const xml = await response.text()
    expect(xml).toMatch(
      new RegExp(
        '^<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\\s*<Error>\\s*<Type>Sender</Type>\\s*' +
          '<Code>InvalidIdentityToken</Code>\\s*<Message>[^<]+</Message>\\s*</Error>\\s*' +
          `<RequestId>${requestId}</RequestId>\\s*</ErrorResponse>\\s*$`
      )
    )
    const unknown = await staticSts()
      .send(new GetCallerIdentityCommand({}))
      .then(() =>
        fetch(standIn.endpoints.sts, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'Action=AssumeRole&Version=2011-06-15'
        })
      )
    // Unsigned, so refused before the action is even looked at — as AWS does.
    expect(unknown.status).toBe(403)
    expect(await unknown.text()).toContain('<Code>MissingAuthenticationToken</Code>')
  })
})
