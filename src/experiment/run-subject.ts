// What a run is about, for its experiment record and its baseline: the branch and
// commit (a pull request's head, not the merge commit GitHub checks out), and the
// branch whose runs it is compared with. Pure; the event payload is passed in.
import type { RunIdentity } from '../plan/run-identity.js'
import { slug } from './experiment-name.js'

/** The parts of the event payload (GITHUB_EVENT_PATH) this needs; anything else in it is ignored. */
export interface EventPayload {
  pull_request?: { head?: { ref?: unknown; sha?: unknown }; base?: { ref?: unknown } }
  repository?: { default_branch?: unknown }
}

export interface RunSubject {
  /** The branch as git names it (e.g. feature/faster-ansatz). */
  branch: string
  /** The branch slugged for S3 keys, as the experiment name is. */
  ref: string
  /** The full commit sha: for a pull request, its head commit. */
  sha: string
}

export interface BaselineChoice {
  branch: string
  ref: string
  /** Why this branch, in words for the summary: "the pull request's base branch". */
  why: string
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

const isPullRequest = (eventName: string) => eventName === 'pull_request' || eventName === 'pull_request_target'

/** refs/heads/main → main; refs/tags/v1 → tags/v1; anything else as it is. */
function branchOf(ref: string): string {
  return ref.replace(/^refs\/heads\//, '').replace(/^refs\//, '')
}

export function runSubject(identity: RunIdentity, env: NodeJS.ProcessEnv, payload: EventPayload): RunSubject {
  if (isPullRequest(identity.eventName)) {
    const branch = text(payload.pull_request?.head?.ref) ?? text(env.GITHUB_HEAD_REF) ?? branchOf(identity.ref)
    return { branch, ref: slug(branch), sha: text(payload.pull_request?.head?.sha) ?? identity.sha }
  }
  const branch = branchOf(identity.ref) || 'unknown'
  return { branch, ref: slug(branch), sha: identity.sha }
}

/**
 * The branch whose latest completed run is the baseline: baseline-ref when set; a pull
 * request's base branch; on push the pushed branch itself (its previous run); else the
 * repository's default branch. Undefined when none can be told (no payload).
 */
export function chooseBaseline(
  identity: RunIdentity,
  subject: RunSubject,
  env: NodeJS.ProcessEnv,
  payload: EventPayload,
  override: string | undefined
): BaselineChoice | undefined {
  const choice = (branch: string, why: string): BaselineChoice => ({ branch, ref: slug(branch), why })
  if (override) return choice(override, 'baseline-ref')
  if (isPullRequest(identity.eventName)) {
    const base = text(payload.pull_request?.base?.ref) ?? text(env.GITHUB_BASE_REF)
    return base ? choice(base, "the pull request's base branch") : undefined
  }
  if (identity.eventName === 'push') return choice(subject.branch, 'the previous completed run of the pushed branch')
  const defaultBranch = text(payload.repository?.default_branch)
  return defaultBranch ? choice(defaultBranch, "the repository's default branch") : undefined
}
