// The local AWS stand-in: Braket, S3, STS, CloudWatch Logs, the Price List API and GitHub's OIDC
// issuer on loopback, each on its own port, reached by the real AWS SDK through
// the standard AWS_ENDPOINT_URL_<SERVICE> variables.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { braketService } from './braket/braket-service.js'
import { JobRegistry } from './braket/jobs.js'
import { CredentialStore, STATIC_CREDENTIALS } from './core/credentials.js'
import { Faults } from './core/faults.js'
import { Permissions } from './core/permissions.js'
import { RequestLog } from './core/request-log.js'
import { startService, type RunningService, type ServiceDefinition } from './core/service-server.js'
import type { StandInOptions, StandInState } from './core/state.js'
import type { ServiceName } from './core/types.js'
import { logsService } from './logs/logs-service.js'
import { OidcIssuer } from './oidc/oidc-issuer.js'
import { oidcService } from './oidc/oidc-service.js'
import { pricingService } from './pricing/pricing-service.js'
import { s3Service } from './s3/s3-service.js'
import { LogStore } from './stores/log-store.js'
import { ObjectStore } from './stores/object-store.js'
import { stsService } from './sts/sts-service.js'

export type { StandInOptions, TrustRule } from './core/state.js'
export type { FaultRule, FaultKind } from './core/faults.js'
export type { DenyRule } from './core/permissions.js'
export type { RequestRecord } from './core/request-log.js'
export { STATIC_CREDENTIALS } from './core/credentials.js'

export interface StandIn {
  endpoints: Record<ServiceName, string>
  /** Everything a process needs to talk to the stand-in: endpoints, region, OIDC and static credentials. */
  env: Record<string, string>
  faults: Faults
  /** Actions to answer AccessDenied for, e.g. `standIn.permissions.deny('pricing:GetProducts')`. */
  permissions: Permissions
  jobs: JobRegistry
  requests: RequestLog
  credentials: CredentialStore
  objects: ObjectStore
  logs: LogStore
  oidc: OidcIssuer
  state: StandInState
  stop(): Promise<void>
}

/** Environment variable the AWS SDKs read for each service's endpoint. */
export const ENDPOINT_VARIABLES: Record<Exclude<ServiceName, 'oidc'>, string> = {
  s3: 'AWS_ENDPOINT_URL_S3',
  braket: 'AWS_ENDPOINT_URL_BRAKET',
  sts: 'AWS_ENDPOINT_URL_STS',
  logs: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  pricing: 'AWS_ENDPOINT_URL_PRICING'
}

export async function start(options: StandInOptions = {}): Promise<StandIn> {
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'braket-stand-in-')))
  const state = {
    options: {
      host: options.host ?? '127.0.0.1',
      ports: options.ports,
      region: options.region ?? 'us-west-2',
      accountId: options.accountId ?? STATIC_CREDENTIALS.accountId,
      mode: options.mode ?? 'scripted',
      trust: options.trust ?? [{ roleArn: '*', sub: '*', aud: 'sts.amazonaws.com' }],
      dataDir,
      python: options.python ?? 'python3',
      githubEnv: options.githubEnv
    },
    credentials: new CredentialStore(),
    faults: new Faults(),
    permissions: new Permissions(),
    log: new RequestLog(),
    objects: new ObjectStore(join(dataDir, 's3')),
    logs: new LogStore(),
    endpoints: {} as Record<ServiceName, string>
  } as StandInState
  state.jobs = new JobRegistry(state)
  state.oidc = new OidcIssuer(state)

  const definitions: ServiceDefinition[] = [
    s3Service(state),
    braketService(state),
    stsService(state),
    logsService(state),
    oidcService(state),
    pricingService(state)
  ]
  const running: RunningService[] = await Promise.all(
    definitions.map((definition) => startService(definition, state, state.options.host, options.ports?.[definition.name] ?? 0))
  )
  for (const service of running) state.endpoints[service.name] = service.url

  const env: Record<string, string> = {
    AWS_REGION: state.options.region,
    AWS_DEFAULT_REGION: state.options.region,
    AWS_ACCESS_KEY_ID: STATIC_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STATIC_CREDENTIALS.secretAccessKey,
    // Nothing here may reach for instance metadata or a real endpoint.
    AWS_EC2_METADATA_DISABLED: 'true',
    ACTIONS_ID_TOKEN_REQUEST_URL: state.oidc.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: state.oidc.defaultRequestToken
  }
  for (const [service, variable] of Object.entries(ENDPOINT_VARIABLES)) env[variable] = state.endpoints[service as ServiceName]

  return {
    endpoints: state.endpoints,
    env,
    faults: state.faults,
    permissions: state.permissions,
    jobs: state.jobs,
    requests: state.log,
    credentials: state.credentials,
    objects: state.objects,
    logs: state.logs,
    oidc: state.oidc,
    state,
    async stop() {
      await state.jobs.stop()
      await Promise.all(running.map((service) => service.close()))
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true })
    }
  }
}
