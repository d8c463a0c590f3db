// The claims GitHub puts into a workflow's OIDC token, derived from the same
// run context the runner exposes as GITHUB_* variables.
// https://docs.github.com/en/actions/reference/security/oidc

/** GitHub's custom claims plus `sub`; every value is a string, as GitHub sends them. */
export interface GitHubClaims {
  sub: string
  repository: string
  repository_owner: string
  repository_id: string
  repository_owner_id: string
  repository_visibility: string
  ref: string
  ref_type: string
  ref_protected: string
  sha: string
  head_ref: string
  base_ref: string
  event_name: string
  run_id: string
  run_number: string
  run_attempt: string
  actor: string
  actor_id: string
  workflow: string
  workflow_ref: string
  workflow_sha: string
  job_workflow_ref: string
  job_workflow_sha: string
  runner_environment: string
  /** Only when the job references an environment; it then decides `sub`. */
  environment?: string
}

/** The whole payload of an issued ID token. */
export interface IdTokenClaims extends GitHubClaims {
  iss: string
  aud: string | string[]
  jti: string
  iat: number
  nbf: number
  exp: number
}

/** Run context as the runner hands it to a step: GITHUB_REPOSITORY, GITHUB_REF, … */
export type GitHubEnv = Record<string, string | undefined>

/** What a request token is bound to: the run's claims and where its GitHub lives (for the default audience). */
export interface RunIdentity {
  claims: GitHubClaims
  serverUrl: string
}

const LOCAL_REPOSITORY = 'stand-in-owner/stand-in-repo'
const LOCAL_SHA = '0000000000000000000000000000000000000000'

/** True when the keys look like environment variables rather than claim names. */
export function isGitHubEnv(source: object): source is GitHubEnv {
  return Object.keys(source).some((key) => /^(GITHUB|RUNNER)_[A-Z0-9_]+$/.test(key))
}

/**
 * GitHub's default subject template: the environment wins, then pull requests,
 * then the ref. (Subject customisation per repository or organisation is not imitated.)
 */
export function subjectOf(claims: Pick<GitHubClaims, 'repository' | 'environment' | 'event_name' | 'ref'>): string {
  const repo = `repo:${claims.repository}`
  if (claims.environment) return `${repo}:environment:${claims.environment}`
  if (claims.event_name === 'pull_request' || claims.event_name === 'pull_request_target') return `${repo}:pull_request`
  return `${repo}:ref:${claims.ref}`
}

const refTypeOf = (ref: string) => (ref.startsWith('refs/tags/') ? 'tag' : 'branch')

/** Fills whatever the caller left out with a plausible local run, then derives `sub` unless given. */
export function completeClaims(partial: Partial<GitHubClaims>): GitHubClaims {
  const repository = partial.repository ?? LOCAL_REPOSITORY
  const ref = partial.ref ?? 'refs/heads/main'
  const sha = partial.sha ?? LOCAL_SHA
  const workflowRef = partial.workflow_ref ?? `${repository}/.github/workflows/stand-in.yml@${ref}`
  const workflowSha = partial.workflow_sha ?? sha
  const base: Omit<GitHubClaims, 'sub'> = {
    repository,
    repository_owner: partial.repository_owner ?? repository.split('/')[0]!,
    repository_id: partial.repository_id ?? '1',
    repository_owner_id: partial.repository_owner_id ?? '1',
    repository_visibility: partial.repository_visibility ?? 'private',
    ref,
    ref_type: partial.ref_type ?? refTypeOf(ref),
    ref_protected: partial.ref_protected ?? 'false',
    sha,
    head_ref: partial.head_ref ?? '',
    base_ref: partial.base_ref ?? '',
    event_name: partial.event_name ?? 'push',
    run_id: partial.run_id ?? '1',
    run_number: partial.run_number ?? '1',
    run_attempt: partial.run_attempt ?? '1',
    actor: partial.actor ?? 'stand-in-actor',
    actor_id: partial.actor_id ?? '1',
    workflow: partial.workflow ?? 'stand-in',
    workflow_ref: workflowRef,
    workflow_sha: workflowSha,
    // A job that is not part of a reusable workflow: the job's workflow is the run's workflow.
    job_workflow_ref: partial.job_workflow_ref ?? workflowRef,
    job_workflow_sha: partial.job_workflow_sha ?? workflowSha,
    runner_environment: partial.runner_environment ?? 'github-hosted',
    ...(partial.environment ? { environment: partial.environment } : {})
  }
  return { ...base, sub: partial.sub ?? subjectOf(base) }
}

/** The claims of the run described by these GITHUB_* variables (the job's environment, which no variable carries, via `overrides`). */
export function claimsFromGitHubEnv(env: GitHubEnv, overrides: Partial<GitHubClaims> = {}): GitHubClaims {
  const fromEnv: Partial<GitHubClaims> = {
    repository: env.GITHUB_REPOSITORY,
    repository_owner: env.GITHUB_REPOSITORY_OWNER,
    repository_id: env.GITHUB_REPOSITORY_ID,
    repository_owner_id: env.GITHUB_REPOSITORY_OWNER_ID,
    ref: env.GITHUB_REF,
    ref_type: env.GITHUB_REF_TYPE,
    ref_protected: env.GITHUB_REF_PROTECTED,
    sha: env.GITHUB_SHA,
    head_ref: env.GITHUB_HEAD_REF,
    base_ref: env.GITHUB_BASE_REF,
    event_name: env.GITHUB_EVENT_NAME,
    run_id: env.GITHUB_RUN_ID,
    run_number: env.GITHUB_RUN_NUMBER,
    run_attempt: env.GITHUB_RUN_ATTEMPT,
    actor: env.GITHUB_ACTOR,
    actor_id: env.GITHUB_ACTOR_ID,
    workflow: env.GITHUB_WORKFLOW,
    workflow_ref: env.GITHUB_WORKFLOW_REF,
    workflow_sha: env.GITHUB_WORKFLOW_SHA,
    runner_environment: env.RUNNER_ENVIRONMENT
  }
  const defined = Object.fromEntries(
    Object.entries(fromEnv).filter(([, value]) => value !== undefined && value !== '')
  ) as Partial<GitHubClaims>
  return completeClaims({ ...defined, ...overrides })
}

/** Who a request token speaks for, from either explicit claims or a run's GITHUB_* variables. */
export function runIdentityOf(source: Partial<GitHubClaims> | GitHubEnv, overrides: Partial<GitHubClaims> = {}): RunIdentity {
  if (isGitHubEnv(source)) {
    const env: GitHubEnv = source
    return { claims: claimsFromGitHubEnv(env, overrides), serverUrl: env.GITHUB_SERVER_URL || 'https://github.com' }
  }
  return { claims: completeClaims({ ...(source as Partial<GitHubClaims>), ...overrides }), serverUrl: 'https://github.com' }
}
