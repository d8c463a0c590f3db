// The credentials every S3 and Braket call uses, and the account they belong to.
import * as core from '@actions/core'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import type { CredentialSource } from '../inputs/job-spec.js'
import { logHeading, logRow } from '../report/log-layout.js'
import { realSleep, type Sleep } from './retry.js'
import { assumeRoleWithWebIdentity, CredentialsError, type TemporaryCredentials } from './web-identity.js'

export interface AwsSession {
  region: string
  /** For the SDK clients; undefined: the SDK's default chain (credentials already in the environment). */
  credentials?: AwsCredentialIdentityProvider
  accountId: string
  callerArn: string
  /** When the current credentials end, if they do. */
  expiration?: Date
}

export interface SessionDeps {
  getIdToken(audience: string): Promise<string>
  sleep?: Sleep
  env: NodeJS.ProcessEnv
}

/** Re-assume this long before the role's credentials run out, so a long wait never hits ExpiredToken. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000

export async function openAwsSession(source: CredentialSource, region: string, deps: SessionDeps): Promise<AwsSession> {
  if (source.kind === 'web-identity') {
    const request = {
      roleArn: source.roleArn,
      audience: source.audience,
      sessionName: source.sessionName,
      durationSeconds: source.durationSeconds,
      region
    }
    const assume = () =>
      assumeRoleWithWebIdentity(request, {
        getIdToken: (audience) => deps.getIdToken(audience),
        sleep: deps.sleep ?? realSleep,
        env: deps.env
      })
    let current: TemporaryCredentials = await assume()
    logHeading('AWS')
    logRow('role', `${current.assumedRoleArn} (credentials until ${current.expiration.toISOString()})`)
    const session: AwsSession = { region, accountId: current.accountId, callerArn: current.assumedRoleArn, expiration: current.expiration }
    session.credentials = async (): Promise<AwsCredentialIdentity> => {
      if (current.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS) {
        current = await assume()
        session.expiration = current.expiration
        core.info(`Re-assumed ${current.assumedRoleArn} until ${current.expiration.toISOString()}`)
      }
      return {
        accessKeyId: current.accessKeyId,
        secretAccessKey: current.secretAccessKey,
        sessionToken: current.sessionToken,
        expiration: current.expiration
      }
    }
    return session
  }

  const sts = new STSClient({ region })
  try {
    const caller = await sts.send(new GetCallerIdentityCommand({}))
    logHeading('AWS')
    logRow('credentials', `${caller.Arn} (from the environment)`)
    return { region, accountId: caller.Account ?? '', callerArn: caller.Arn ?? '' }
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    throw new CredentialsError(
      `No usable AWS credentials in the environment (${reason}). Set role-to-assume (with "permissions: id-token: write") or configure ` +
        `credentials in an earlier step, e.g. aws-actions/configure-aws-credentials.`
    )
  } finally {
    sts.destroy()
  }
}
