// A GitHub-hosted runner ends a job after 360 minutes, and its cancellation would
// cancel the Braket job too: a longer wait there is said before anything is spent.
import * as core from '@actions/core'
import type { FollowSpec } from '../inputs/follow-section.js'

/** GitHub-hosted runners stop a workflow job after six hours. */
export const HOSTED_JOB_MINUTES = 360

type Wait = Pick<FollowSpec, 'wait' | 'waitTimeoutMinutes'>

/** The wait may outlast a GitHub-hosted runner (the job's max-runtime alone is no reason to say so). */
export function runnerStopsFirst(follow: Wait, env: NodeJS.ProcessEnv): boolean {
  return env.RUNNER_ENVIRONMENT === 'github-hosted' && follow.wait && follow.waitTimeoutMinutes > HOSTED_JOB_MINUTES
}

export function warnIfRunnerStopsFirst(follow: Wait, env: NodeJS.ProcessEnv, attached = false): void {
  if (!runnerStopsFirst(follow, env)) return
  const instead = attached
    ? 'Run this step on a self-hosted runner (with timeout-minutes above the wait on its job)'
    : 'Submit with wait: false and follow the job in a later job on a self-hosted runner with job-arn: ' +
      '${{ needs.<job>.outputs.job-arn }}, or from a scheduled workflow with attach: latest'
  core.warning(
    `wait-timeout-minutes is ${follow.waitTimeoutMinutes}, but this GitHub-hosted runner stops the job after ${HOSTED_JOB_MINUTES} ` +
      `minutes: the wait would end with the runner's cancellation, not with the Braket job, and cancel-on-workflow-cancel would ` +
      `cancel that job. ${instead} (the README's "Jobs that outlive a runner"), or keep wait-timeout-minutes at most ` +
      `${HOSTED_JOB_MINUTES - 20}.`,
    { title: 'wait-timeout-minutes' }
  )
}
