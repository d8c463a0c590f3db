import { randomBytes } from 'node:crypto'

export interface KnownCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
  accountId: string
  /** The caller's ARN as GetCallerIdentity reports it. */
  arn: string
  userId: string
}

/** A static pair for tests of the no-role path (credentials already in the environment). */
export const STATIC_CREDENTIALS = {
  accessKeyId: 'AKIASTANDIN000000001',
  secretAccessKey: 'standin/static/secret/key/for/local/tests/only',
  accountId: '123456789012'
} as const

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
function randomKeyId(prefix: string): string {
  const bytes = randomBytes(16)
  return prefix + Array.from(bytes, (b) => alphabet[b % 32]).join('')
}

/** Every credential the stand-in accepts: the static pair plus what its STS issued. */
export class CredentialStore {
  private readonly byKey = new Map<string, KnownCredentials>()
  /** Injectable clock so tests can expire credentials without waiting. */
  now: () => number = () => Date.now()

  constructor() {
    this.byKey.set(STATIC_CREDENTIALS.accessKeyId, {
      ...STATIC_CREDENTIALS,
      arn: `arn:aws:iam::${STATIC_CREDENTIALS.accountId}:user/stand-in-tester`,
      userId: 'AIDASTANDINTESTER0001'
    })
  }

  lookup(accessKeyId: string): KnownCredentials | undefined {
    return this.byKey.get(accessKeyId)
  }

  isExpired(credentials: KnownCredentials): boolean {
    return credentials.expiration !== undefined && credentials.expiration.getTime() <= this.now()
  }

  /** Temporary credentials for an assumed role, as STS issues them. */
  issueForRole(roleArn: string, sessionName: string, durationSeconds: number): KnownCredentials {
    const match = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn)
    const accountId = match?.[1] ?? STATIC_CREDENTIALS.accountId
    const roleName = match?.[2] ?? 'role'
    const roleId = randomKeyId('AROA')
    const credentials: KnownCredentials = {
      accessKeyId: randomKeyId('ASIA'),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(96).toString('base64'),
      expiration: new Date(this.now() + durationSeconds * 1000),
      accountId,
      arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`
    }
    this.byKey.set(credentials.accessKeyId, credentials)
    return credentials
  }

  /** Every secret value issued so far (secret keys and session tokens): for leak assertions. */
  secrets(): string[] {
    return [...this.byKey.values()].flatMap((c) => (c.sessionToken ? [c.secretAccessKey, c.sessionToken] : [c.secretAccessKey]))
  }
}
