// role-to-assume and its settings: the workflow's OIDC token exchanged for a role,
// or (without a role) the credentials already in the environment.
import type { RunIdentity } from '../plan/run-identity.js'
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, checkConstraint, rangeOf } from './constraints.js'
import { parseWholeNumber, type Report } from './parse-input.js'

export type CredentialSource =
  { kind: 'web-identity'; roleArn: string; audience: string; sessionName: string; durationSeconds: number } | { kind: 'environment' }

export const DEFAULT_ROLE_DURATION_SECONDS = 3600

export function defaultSessionName(identity: RunIdentity): string {
  return `GitHubActions-${identity.runId}-${identity.runAttempt}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64)
}

export function readCredentials(raw: RawInputs, identity: RunIdentity, report: Report): CredentialSource {
  const roleArn = raw['role-to-assume']
  if (roleArn === '') return { kind: 'environment' }
  if (checkConstraint('role-to-assume', roleArn, CONSTRAINTS.assumedRoleArn, report))
    checkConstraint('role-to-assume', roleArn, CONSTRAINTS.roleArn, report)
  const sessionName = raw['role-session-name'] || defaultSessionName(identity)
  checkConstraint('role-session-name', sessionName, CONSTRAINTS.roleSessionName, report)
  const durationText = raw['role-duration-seconds'] || String(DEFAULT_ROLE_DURATION_SECONDS)
  const durationSeconds = parseWholeNumber('role-duration-seconds', durationText, report, rangeOf(CONSTRAINTS.roleDurationSeconds))
  return {
    kind: 'web-identity',
    roleArn,
    audience: raw.audience || 'sts.amazonaws.com',
    sessionName,
    durationSeconds: durationSeconds ?? DEFAULT_ROLE_DURATION_SECONDS
  }
}
