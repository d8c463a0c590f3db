// What the main step tells the post step (through core.saveState): the job, and
// whether a job still QUEUED/RUNNING means the main step was interrupted while
// following it. Only then does the post step cancel.
import * as core from '@actions/core'
import type { FollowSpec } from '../inputs/follow-section.js'

export const JOB_ARN_STATE = 'job-arn'
const CANCEL_IN_POST_STATE = 'cancel-in-post'

/**
 * Saved the moment CreateJob answers, so a step killed before following even
 * starts still has its job cancelled by the post step when it was to be followed.
 */
export function rememberJobForPost(jobArn: string, follow: Pick<FollowSpec, 'wait' | 'cancelOnWorkflowCancel'>): void {
  core.saveState(JOB_ARN_STATE, jobArn)
  if (follow.wait) markFollowing(follow.cancelOnWorkflowCancel)
}

/** Set while following with cancel-on-workflow-cancel; cleared once the main step has settled the job's fate itself. */
export function markFollowing(active: boolean): void {
  core.saveState(CANCEL_IN_POST_STATE, active ? 'true' : 'false')
}

export function postMustCancel(): boolean {
  return core.getState(CANCEL_IN_POST_STATE) === 'true'
}

/** Whether the main step followed the job at all (it saves the flag only when it waits). */
export function wasFollowed(): boolean {
  return core.getState(CANCEL_IN_POST_STATE) !== ''
}
