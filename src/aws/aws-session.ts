// The credentials every S3 and Braket call uses, and the account they belong to.
import * as core from '@actions/core'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import type { CredentialSource } from '../inputs/job-spec.js'
import { logText } from '../common/untrusted.js'
import { logHeading, logRow } from '../report/log-layout.js'
import { awsCall, type AwsCall } from './aws-call.js'
import { stsClient } from './clients.js'
import { realSleep, type Sleep } from './retry.js'
import { assumeRoleWithWebIdentity, type TemporaryCredentials } from './web-identity.js'

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

const NO_CREDENTIALS =
  'No usable AWS credentials in the environment. Set role-to-assume (with "permissions: id-token: write") or configure credentials ' +
  'in an earlier step, e.g. aws-actions/configure-aws-credentials.'

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
        core.info(`Re-assumed ${logText(current.assumedRoleArn)} until ${current.expiration.toISOString()}`)
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

  const sts = stsClient(region)
  const call: AwsCall = { service: 'STS', operation: 'GetCallerIdentity', target: 'the credentials in the environment' }
  try {
    const caller = await awsCall(
      call,
      () => sts.send(new GetCallerIdentityCommand({})),
      // Throttling and outages get the generic advice; anything else means there are no credentials to use.
      (failure) => (['credentials', 'denied', 'rejected'].includes(failure.kind) ? NO_CREDENTIALS : undefined)
    )
    logHeading('AWS')
    logRow('credentials', `${caller.Arn} (from the environment)`)
    return { region, accountId: caller.Account ?? '', callerArn: caller.Arn ?? '' }
  } finally {
    sts.destroy()
  }
}
