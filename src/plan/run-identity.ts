// Who is submitting: the workflow run, job and step, from the runner's environment.

export interface RunIdentity {
  /** owner/name */
  repository: string
  runId: string
  runAttempt: number
  /** The job's id in the workflow (GITHUB_JOB). */
  job: string
  /** The step's id (GITHUB_ACTION). */
  step: string
  workflow: string
  sha: string
  ref: string
  eventName: string
  serverUrl: string
  actor: string
  /** Where the repository is checked out (GITHUB_WORKSPACE). */
  workspace: string
}

export function readRunIdentity(env: NodeJS.ProcessEnv): RunIdentity {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1')
  return {
    repository: env.GITHUB_REPOSITORY ?? 'local/repository',
    runId: env.GITHUB_RUN_ID ?? '0',
    runAttempt: Number.isInteger(attempt) && attempt >= 1 ? attempt : 1,
    job: env.GITHUB_JOB ?? '',
    step: env.GITHUB_ACTION ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    actor: env.GITHUB_ACTOR ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd()
  }
}

export function repositoryName(identity: RunIdentity): string {
  return identity.repository.split('/').pop() ?? identity.repository
}

export function runUrl(identity: RunIdentity): string {
  return `${identity.serverUrl}/${identity.repository}/actions/runs/${identity.runId}`
}
