// The workflow run and commit a report belongs to, as GitHub shows them to people:
// the run's number (#17, not its id), a link to the run (to the attempt, on a
// re-run), and the commit the reviewer pushed — for a pull request the PR's head,
// not the merge commit GitHub tests (GITHUB_SHA of a pull_request event).
import * as github from '@actions/github'
import { runUrl, type RunIdentity } from '../plan/run-identity.js'

/** What the report needs of the event payload (@actions/github's context.payload). */
export interface EventPayload {
  pull_request?: { number?: number; head?: { sha?: string } }
}

export interface RunReference {
  workflow: string
  /** GITHUB_RUN_NUMBER: what the Actions UI calls the run. */
  runNumber: string
  attempt: number
  /** The run's page, or the attempt's on a re-run. */
  url: string
  commit?: { sha: string; url: string; pullRequest?: number }
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])

export function runReference(identity: RunIdentity, env: NodeJS.ProcessEnv, payload: EventPayload): RunReference {
  const base = runUrl(identity)
  const pullRequest = PULL_REQUEST_EVENTS.has(identity.eventName) ? payload.pull_request : undefined
  const sha = pullRequest ? pullRequest.head?.sha : identity.sha
  const repositoryUrl = `${identity.serverUrl}/${identity.repository}`
  return {
    workflow: identity.workflow,
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    attempt: identity.runAttempt,
    url: identity.runAttempt > 1 ? `${base}/attempts/${identity.runAttempt}` : base,
    ...(sha
      ? {
          commit: {
            sha,
            url: `${repositoryUrl}/commit/${sha}`,
            ...(pullRequest?.number !== undefined ? { pullRequest: pullRequest.number } : {})
          }
        }
      : {})
  }
}

/** The reference of the run this process is a step of. */
export function currentRun(identity: RunIdentity, env: NodeJS.ProcessEnv): RunReference {
  return runReference(identity, env, github.context.payload)
}
