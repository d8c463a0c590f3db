// The OIDC → STS exchange against the stand-in's issuer and STS over HTTP, with
// the retry's sleep injected so backoff is observed, not waited for.
import { getIDToken as toolkitGetIDToken } from '@actions/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { githubEnv } from '../local/src/run-action.js'
import { start, type StandIn } from '../local/src/stand-in.js'
import * as core from './fixtures/core.js'

// @actions/core's masking and log lines are recorded, not printed: token values stay out of the test log.
jest.unstable_mockModule('@actions/core', () => core)
const { assumeRoleWithWebIdentity, CredentialsError } = await import('../src/aws/web-identity.js')
type WebIdentityRequest = import('../src/aws/web-identity.js').WebIdentityRequest

const ROLE = 'arn:aws:iam::123456789012:role/github-braket-submit'
let standIn: StandIn
const savedEnv = { ...process.env }

beforeAll(async () => {
  standIn = await start({ trust: [{ roleArn: ROLE, sub: 'repo:octo/quantum-lab:*', aud: 'sts.amazonaws.com' }] })
  process.env.AWS_ENDPOINT_URL_STS = standIn.endpoints.sts
})
afterAll(async () => {
  process.env = savedEnv
  await standIn.stop()
})
beforeEach(() => {
  jest.clearAllMocks()
  standIn.requests.clear()
  standIn.faults.clear()
  standIn.oidc.idTokenLifetimeSeconds = 300
})

const request: WebIdentityRequest = {
  roleArn: ROLE,
  audience: 'sts.amazonaws.com',
  sessionName: 'GitHubActions-1-1',
  durationSeconds: 3600,
  region: 'us-west-2'
}

/** Fetches ID tokens from the stand-in's issuer the way core.getIDToken does, counting them. */
function tokenSource(env: Record<string, string | undefined> = githubEnv()) {
  const bearer = standIn.oidc.issueRequestToken(env)
  const fetched: string[] = []
  return {
    fetched,
    async getIdToken(audience: string) {
      const response = await fetch(`${standIn.oidc.requestUrl}&audience=${encodeURIComponent(audience)}`, {
        headers: { authorization: `Bearer ${bearer}` }
      })
      const { value } = (await response.json()) as { value: string }
      fetched.push(value)
      return value
    }
  }
}

const env = () => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: standIn.oidc.requestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'present',
  GITHUB_EVENT_NAME: 'push'
})

describe('assumeRoleWithWebIdentity', () => {
  it('returns the role credentials and their account', async () => {
    const tokens = tokenSource()
    const credentials = await assumeRoleWithWebIdentity(request, { getIdToken: tokens.getIdToken, sleep: async () => {}, env: env() })
    expect(credentials.accessKeyId).toMatch(/^ASIA/)
    expect(credentials.accountId).toBe('123456789012')
    expect(credentials.assumedRoleArn).toBe('arn:aws:sts::123456789012:assumed-role/github-braket-submit/GitHubActions-1-1')
    expect(credentials.expiration.getTime()).toBeGreaterThan(Date.now() + 3500_000)
    expect(standIn.credentials.lookup(credentials.accessKeyId)?.sessionToken).toBe(credentials.sessionToken)
  })

  it('masks the OIDC token and the three parts of the credentials before anything could log them', async () => {
    const tokens = tokenSource()
    const credentials = await assumeRoleWithWebIdentity(request, { getIdToken: tokens.getIdToken, sleep: async () => {}, env: env() })
    const masked = core.setSecret.mock.calls.map(([secret]) => secret)
    expect(masked).toEqual(
      expect.arrayContaining([tokens.fetched[0], credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken])
    )
  })

  it('retries throttling with jittered backoff, with a fresh OIDC token for each attempt', async () => {
    standIn.faults.add({ service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'throttle', times: 2 })
    const tokens = tokenSource()
    const sleeps: number[] = []
    const credentials = await assumeRoleWithWebIdentity(request, {
      getIdToken: tokens.getIdToken,
      sleep: async (ms) => void sleeps.push(ms),
      env: env(),
      random: () => 0.5
    })
    expect(credentials.accessKeyId).toMatch(/^ASIA/)
    // Drawn below the exponential bound (1 s, 2 s): here at its middle.
    expect(sleeps).toEqual([500, 1000])
    expect(core.info).toHaveBeenCalledWith(
      expect.stringMatching(/^AssumeRoleWithWebIdentity attempt 1 failed \(Throttling.*\); retrying in 0\.5s$/)
    )
    expect(tokens.fetched).toHaveLength(3)
    expect(new Set(tokens.fetched).size).toBe(3)
    expect(standIn.requests.of('sts', 'AssumeRoleWithWebIdentity').map((r) => r.status)).toEqual([400, 400, 200])
  })

  it('retries a server fault and a reset connection', async () => {
    standIn.faults.add({ service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'error' })
    standIn.faults.add({ service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'reset' })
    const sleeps: number[] = []
    await assumeRoleWithWebIdentity(request, {
      getIdToken: tokenSource().getIdToken,
      sleep: async (ms) => void sleeps.push(ms),
      env: env()
    })
    expect(sleeps).toHaveLength(2)
  })

  it('gives up after the last attempt with what went wrong', async () => {
    standIn.faults.add({ service: 'sts', operation: 'AssumeRoleWithWebIdentity', kind: 'throttle', times: 10 })
    const attempt = assumeRoleWithWebIdentity(request, {
      getIdToken: tokenSource().getIdToken,
      sleep: async () => {},
      env: env(),
      attempts: 3
    })
    const failure = (await attempt.catch((error: unknown) => error)) as Error
    expect(failure.message).toMatch(/^STS AssumeRoleWithWebIdentity \(role arn:aws:iam::123456789012:role\/github-braket-submit\) failed/)
    expect(failure.message).toMatch(
      / failed after 3 attempts: Throttling: .*\(request id [^)]+\)\. AWS throttled it .*Re-running the step is safe/
    )
    expect(standIn.requests.of('sts', 'AssumeRoleWithWebIdentity')).toHaveLength(3)
  })

  it('fails fast on AccessDenied, naming the subject the trust policy must allow', async () => {
    const sleeps: number[] = []
    const attempt = assumeRoleWithWebIdentity(request, {
      getIdToken: tokenSource(
        githubEnv({ GITHUB_REPOSITORY: 'octo/other', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' })
      ).getIdToken,
      sleep: async (ms) => void sleeps.push(ms),
      env: env()
    })
    await expect(attempt).rejects.toThrow(CredentialsError)
    await expect(attempt).rejects.toThrow(/sub "repo:octo\/other:pull_request"/)
    expect(sleeps).toEqual([])
    expect(standIn.requests.of('sts', 'AssumeRoleWithWebIdentity')).toHaveLength(1)
  })

  it('fails fast on a wrong audience (InvalidIdentityToken), pointing at the OIDC provider and the audience input', async () => {
    const attempt = assumeRoleWithWebIdentity(
      { ...request, audience: 'api://custom' },
      { getIdToken: tokenSource().getIdToken, sleep: async () => {}, env: env() }
    )
    await expect(attempt).rejects.toThrow(/rejected the workflow's OIDC token.*audience input/)
    expect(standIn.requests.of('sts', 'AssumeRoleWithWebIdentity')).toHaveLength(1)
  })

  it('explains an expired token', async () => {
    standIn.oidc.idTokenLifetimeSeconds = -60
    const attempt = assumeRoleWithWebIdentity(request, { getIdToken: tokenSource().getIdToken, sleep: async () => {}, env: env() })
    await expect(attempt).rejects.toThrow(/had expired when AWS checked it/)
  })

  it('explains a duration above the role maximum', async () => {
    const attempt = assumeRoleWithWebIdentity(
      { ...request, durationSeconds: 7200 },
      { getIdToken: tokenSource().getIdToken, sleep: async () => {}, env: env() }
    )
    await expect(attempt).rejects.toThrow(/lower role-duration-seconds/)
  })
})

describe('the OIDC token request, through the toolkit (core.getIDToken)', () => {
  const savedTokenEnv = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
  // The toolkit's own getIDToken (imported before the mock took its place); it masks the token it fetched by
  // printing ::add-mask::, which is kept out of the test log.
  const stdout = jest.spyOn(process.stdout, 'write')
  beforeAll(() => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = standIn.oidc.requestUrl
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = standIn.oidc.issueRequestToken(githubEnv())
    stdout.mockImplementation(() => true)
  })
  beforeEach(() => void core.getIDToken.mockImplementation(toolkitGetIDToken))
  afterAll(() => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = savedTokenEnv.url
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = savedTokenEnv.token
    stdout.mockRestore()
  })
  const deps = (sleeps: number[]) => ({
    getIdToken: (audience: string) => core.getIDToken(audience),
    sleep: async (ms: number) => void sleeps.push(ms),
    env: process.env
  })

  it('retries a 500, a 429 and a lost answer, each with a fresh request (the toolkit retries only 502-504)', async () => {
    standIn.faults.add({ service: 'oidc', operation: 'GetIdToken', kind: 'error' })
    standIn.faults.add({ service: 'oidc', operation: 'GetIdToken', kind: 'throttle' })
    standIn.faults.add({ service: 'oidc', operation: 'GetIdToken', kind: 'commit-then-drop' })
    const sleeps: number[] = []
    const credentials = await assumeRoleWithWebIdentity(request, deps(sleeps))
    expect(credentials.accessKeyId).toMatch(/^ASIA/)
    expect(sleeps).toHaveLength(3)
    expect(standIn.requests.of('oidc', 'GetIdToken').map((r) => r.status)).toEqual([500, 429, 200, 200])
    expect(standIn.requests.of('sts', 'AssumeRoleWithWebIdentity')).toHaveLength(1)
  })

  it('gives up after the last attempt, naming the token request and where to look', async () => {
    standIn.faults.add({ service: 'oidc', operation: 'GetIdToken', kind: 'error', times: 10 })
    const attempt = assumeRoleWithWebIdentity(request, { ...deps([]), attempts: 3 })
    await expect(attempt).rejects.toThrow(CredentialsError)
    await expect(attempt).rejects.toThrow(
      /^GitHub's OIDC token request \(core.getIDToken, audience "sts.amazonaws.com"\) failed after 3 attempts: .*500.*githubstatus/
    )
    expect(standIn.requests.of('oidc', 'GetIdToken')).toHaveLength(3)
    expect(standIn.requests.of('sts', 'AssumeRoleWithWebIdentity')).toHaveLength(0)
  })

  it('does not retry a refusal of the request token (401)', async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'not-a-request-token'
    try {
      const attempt = assumeRoleWithWebIdentity(request, deps([]))
      await expect(attempt).rejects.toThrow(/failed after 1 attempt: .*401.*id-token: write/)
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = standIn.oidc.issueRequestToken(githubEnv())
    }
  })
})
