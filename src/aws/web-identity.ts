// Exchanges the workflow's OIDC token for the role's temporary credentials.
import * as core from '@actions/core'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { isTransient, withRetry, type Sleep } from './retry.js'
import { ActionError, errorName } from '../common/errors.js'

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

function explainRefusal(error: Error, request: WebIdentityRequest, token: string | undefined): string {
  const claims = token ? tokenClaims(token) : {}
  const subject = claims.sub ? ` This run's token has sub "${claims.sub}" and aud "${claims.aud ?? request.audience}".` : ''
  switch (error.name) {
    case 'AccessDenied':
    case 'AccessDeniedException':
      return (
        `AWS refused to let this workflow assume ${request.roleArn}: ${error.message}.${subject} The role's trust policy must allow ` +
        `sts:AssumeRoleWithWebIdentity for the federated principal token.actions.githubusercontent.com with ` +
        `"token.actions.githubusercontent.com:aud": "${request.audience}" and a "token.actions.githubusercontent.com:sub" condition ` +
        `matching that subject (for pull requests: repo:OWNER/REPO:pull_request).`
      )
    case 'InvalidIdentityToken':
    case 'InvalidIdentityTokenException':
      return (
        `AWS rejected the workflow's OIDC token for ${request.roleArn}: ${error.message}.${subject} Check that the account has the ` +
        `IAM OIDC provider token.actions.githubusercontent.com with client ID (audience) "${request.audience}", and that the audience ` +
        `input matches it.`
      )
    case 'ExpiredTokenException':
      return (
        `The workflow's OIDC token had expired when AWS checked it (${error.message}). Check the runner's clock; the token is ` +
        `fetched fresh for each attempt.`
      )
    case 'ValidationError':
      return (
        `AWS did not accept the role request for ${request.roleArn}: ${error.message}. If it is about DurationSeconds, lower ` +
        `role-duration-seconds to the role's maximum session duration (IAM default: 3600) or raise that maximum.`
      )
    default:
      return `Could not assume ${request.roleArn} with the workflow's OIDC token: ${error.name}: ${error.message}`
  }
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
  // The SDK must not retry on its own here: each attempt needs a fresh OIDC token.
  const sts = new STSClient({ region: request.region, maxAttempts: 1 })
  let lastToken: string | undefined
  try {
    const response = await withRetry(
      async () => {
        const token = await deps.getIdToken(request.audience)
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
        isRetryable: isTransient,
        onRetry: (error, attempt, delayMs) =>
          core.info(`AssumeRoleWithWebIdentity attempt ${attempt} failed (${errorName(error)}); retrying in ${delayMs / 1000}s`)
      }
    )
    const credentials = response.Credentials
    const assumedRoleArn = response.AssumedRoleUser?.Arn ?? ''
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
      throw new CredentialsError('AssumeRoleWithWebIdentity returned no credentials.')
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
    const explained = error instanceof Error ? explainRefusal(error, request, lastToken) : String(error)
    throw new CredentialsError(explained)
  } finally {
    sts.destroy()
  }
}
