// Exchanges the workflow's OIDC token for the role's temporary credentials.
import * as core from '@actions/core'
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts'
import { ActionError, errorMessage, errorName } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import { awsCallError, callFailure, describeCall, describeFailure, isNetworkFailure, RERUN_IS_SAFE, type AwsCall } from './aws-call.js'
import { stsClient } from './clients.js'
import { isTransient, withRetry, type Sleep } from './retry.js'

export interface TemporaryCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: Date
  /** arn:aws:sts::<account>:assumed-role/<role>/<session> */
  assumedRoleArn: string
  accountId: string
}

export interface WebIdentityRequest {
  roleArn: string
  audience: string
  sessionName: string
  durationSeconds: number
  region: string
}

export interface WebIdentityDeps {
  getIdToken(audience: string): Promise<string>
  sleep: Sleep
  env: NodeJS.ProcessEnv
  attempts?: number
  /** For the retries' jitter; tests pin it. */
  random?: () => number
}

/** A failure the workflow's author can fix, with what to change. */
export class CredentialsError extends ActionError {}

/** The claims of a JWT, read without verifying it: only to explain a refusal. */
function tokenClaims(token: string): { sub?: string; aud?: string } {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string; aud?: string }
  } catch {
    return {}
  }
}

/** What to do about a refusal STS gives for a reason of the workflow's set-up; undefined for the rest. */
function refusalAdvice(code: string, request: WebIdentityRequest, token: string | undefined): string | undefined {
  const claims = token ? tokenClaims(token) : {}
  const subject = claims.sub ? `This run's token has sub "${claims.sub}" and aud "${claims.aud ?? request.audience}". ` : ''
  switch (code) {
    case 'AccessDenied':
    case 'AccessDeniedException':
      return (
        `AWS refused to let this workflow assume ${request.roleArn}. ${subject}The role's trust policy must allow ` +
        `sts:AssumeRoleWithWebIdentity for the federated principal token.actions.githubusercontent.com with ` +
        `"token.actions.githubusercontent.com:aud": "${request.audience}" and a "token.actions.githubusercontent.com:sub" condition ` +
        `matching that subject (for pull requests: repo:OWNER/REPO:pull_request).`
      )
    case 'InvalidIdentityToken':
    case 'InvalidIdentityTokenException':
      return (
        `AWS rejected the workflow's OIDC token for ${request.roleArn}. ${subject}Check that the account has the IAM OIDC provider ` +
        `token.actions.githubusercontent.com with client ID (audience) "${request.audience}", and that the audience input matches it.`
      )
    case 'ExpiredTokenException':
      return (
        `The workflow's OIDC token had expired when AWS checked it. Check the runner's clock; the token is fetched fresh for each ` +
        `attempt.`
      )
    case 'ValidationError':
      return (
        `AWS did not accept the role request for ${request.roleArn}. If it is about DurationSeconds, lower role-duration-seconds to ` +
        `the role's maximum session duration (IAM default: 3600) or raise that maximum.`
      )
    default:
      return undefined
  }
}

/**
 * core.getIDToken failed: GitHub's token service, not AWS. The toolkit's message
 * ("Failed to get ID Token. Error Code : 500 Error Message: …") is the only place
 * its status is found; the step log gets "HTTP 500: …".
 */
class TokenRequestError extends Error {
  readonly status?: number
  constructor(readonly original: unknown) {
    const text = errorMessage(original).replace(/\s+/g, ' ').trim()
    const status = /Error Code\s*:\s*(\d{3})/.exec(text)?.[1]
    const detail = /Error Message:\s*(.*)$/.exec(text)?.[1] ?? text
    super(status ? `HTTP ${status}: ${detail}` : detail)
    if (status) this.status = Number(status)
  }

  /** 429 and 5xx (which the toolkit retries only for 502–504), and dropped connections, can pass when asked again. */
  get retryable(): boolean {
    return this.status === undefined ? isNetworkFailure(this.original) : this.status === 429 || this.status >= 500
  }
}

function tokenFailureMessage(error: TokenRequestError, audience: string, attempts: number): string {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`
  const what = `GitHub's OIDC token request (core.getIDToken, audience "${audience}") failed after ${tries}`
  const detail = logText(error.message, 300)
  if (error.retryable)
    return (
      `${what}: ${detail}. The token comes from GitHub, not AWS: re-run the step. ${RERUN_IS_SAFE} If it keeps failing, check ` +
      `https://www.githubstatus.com (Actions).`
    )
  return `${what}: ${detail}. Check that the job has "permissions: { id-token: write, contents: read }".`
}

export async function assumeRoleWithWebIdentity(request: WebIdentityRequest, deps: WebIdentityDeps): Promise<TemporaryCredentials> {
  if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    const fork =
      deps.env.GITHUB_EVENT_NAME === 'pull_request'
        ? ' Pull requests from forks get no OIDC token at all: run with dry-run: true there, or submit from a workflow that runs on the ' +
          'base repository.'
        : ''
    throw new CredentialsError(
      `role-to-assume is set but the job has no OIDC token to exchange for it. Give the job "permissions: { id-token: write, contents: ` +
        `read }".${fork}`
    )
  }
  const sts = stsClient(request.region, 1)
  const call: AwsCall = { service: 'STS', operation: 'AssumeRoleWithWebIdentity', target: `role ${request.roleArn}` }
  let lastToken: string | undefined
  let attempts = 0
  try {
    const response = await withRetry(
      async (attempt) => {
        attempts = attempt
        // A fresh token for every attempt: a token STS saw once may not be accepted again.
        const token = await deps.getIdToken(request.audience).catch((error: unknown) => {
          throw new TokenRequestError(error)
        })
        core.setSecret(token)
        lastToken = token
        return sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: request.roleArn,
            RoleSessionName: request.sessionName,
            WebIdentityToken: token,
            DurationSeconds: request.durationSeconds
          })
        )
      },
      {
        attempts: deps.attempts ?? 5,
        baseDelayMs: 1000,
        maxDelayMs: 16000,
        sleep: deps.sleep,
        ...(deps.random ? { random: deps.random } : {}),
        isRetryable: (error) => (error instanceof TokenRequestError ? error.retryable : isTransient(error)),
        onRetry: (error, attempt, delayMs) => {
          const what = error instanceof TokenRequestError ? 'The OIDC token request' : 'AssumeRoleWithWebIdentity'
          const why = error instanceof TokenRequestError ? (error.status ?? 'no answer') : errorName(error)
          core.info(`${what} attempt ${attempt} failed (${logText(String(why), 100)}); retrying in ${(delayMs / 1000).toFixed(1)}s`)
        }
      }
    )
    const credentials = response.Credentials
    const assumedRoleArn = response.AssumedRoleUser?.Arn ?? ''
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
      throw new CredentialsError(`${describeCall(call)} returned no credentials.`)
    }
    for (const secret of [credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken]) core.setSecret(secret)
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration ?? new Date(Date.now() + request.durationSeconds * 1000),
      assumedRoleArn,
      accountId: assumedRoleArn.split(':')[4] ?? ''
    }
  } catch (error) {
    if (error instanceof CredentialsError) throw error
    if (error instanceof TokenRequestError)
      throw new CredentialsError(tokenFailureMessage(error, request.audience, attempts), { cause: error })
    const advice = refusalAdvice(errorName(error), request, lastToken)
    if (!advice) throw awsCallError(call, error, { attempts })
    const failure = { ...callFailure(error), attempts }
    throw new CredentialsError(`${describeCall(call)} ${describeFailure(failure)}. ${advice}`, { cause: error })
  } finally {
    sts.destroy()
  }
}
