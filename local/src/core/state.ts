import type { JobRegistry } from '../braket/jobs.js'
import type { OidcIssuer } from '../oidc/oidc-issuer.js'
import type { LogStore } from '../stores/log-store.js'
import type { ObjectStore } from '../stores/object-store.js'
import type { CredentialStore } from './credentials.js'
import type { Faults } from './faults.js'
import type { Permissions } from './permissions.js'
import type { RequestLog } from './request-log.js'
import type { ServiceName } from './types.js'

/** Who may assume which role with which OIDC subject: the IAM role trust policy, reduced. */
export interface TrustRule {
  /** Role ARN, or a glob with `*` (e.g. `arn:aws:iam::123456789012:role/*`). */
  roleArn: string
  /** Allowed `sub` claim, glob with `*` as in IAM's StringLike (e.g. `repo:octo/quantum:*`). */
  sub: string
  /** Required `aud`; default `sts.amazonaws.com`. */
  aud?: string
  /** The role's maximum session duration (IAM MaxSessionDuration); default 3600 like IAM. */
  maxSessionDurationSeconds?: number
}

export type JobMode = 'scripted' | 'execute'

export interface StandInOptions {
  /** Loopback address to listen on; default 127.0.0.1. */
  host?: string
  /** Port per service; 0 or absent: any free port. */
  ports?: Partial<Record<ServiceName, number>>
  /** Default us-west-2. */
  region?: string
  /** The account that owns the static credentials and the default roles; default 123456789012. */
  accountId?: string
  /** How Braket runs jobs: scripted (tests) or execute (run the entry point with python3). Default scripted. */
  mode?: JobMode
  /** Trust rules for AssumeRoleWithWebIdentity; default: any role of any account trusts any `sub` with aud sts.amazonaws.com. */
  trust?: TrustRule[]
  /** Where objects and job workspaces live; default a new temp directory, removed on stop. */
  dataDir?: string
  /** Python interpreter for execute mode; default python3. */
  python?: string
  /** Claims for the default OIDC request token; default derived from the GitHub env vars of this process. */
  githubEnv?: Record<string, string | undefined>
}

export interface StandInState {
  options: Required<Omit<StandInOptions, 'ports' | 'dataDir' | 'githubEnv'>> &
    Pick<StandInOptions, 'ports' | 'githubEnv'> & { dataDir: string }
  credentials: CredentialStore
  faults: Faults
  /** Actions tests deny (AccessDenied from Braket and Pricing). */
  permissions: Permissions
  log: RequestLog
  objects: ObjectStore
  logs: LogStore
  jobs: JobRegistry
  oidc: OidcIssuer
  /** Base URL of each service, filled once the servers listen. */
  endpoints: Record<ServiceName, string>
}
