// The tag that says where a job's starting checkpoints came from: part of the
// CreateJob request, and a pure function of the inputs and the run attempt, so
// every re-execution of the step sends the same request (same token, same job).
import { PROVENANCE_TAG_PREFIX } from '../inputs/tags-section.js'
import type { CheckpointSection } from '../inputs/checkpoint-section.js'

/** The job ARN given as copy-checkpoints-from-job. */
export const CHECKPOINTS_FROM_TAG = `${PROVENANCE_TAG_PREFIX}checkpoints-from`
/** The run attempt whose FAILED or CANCELLED job this one resumes (resume: true). */
export const RESUMES_ATTEMPT_TAG = `${PROVENANCE_TAG_PREFIX}resumes-attempt`

/**
 * A job of run attempt n > 1 exists only because attempt n − 1's job ended FAILED or CANCELLED
 * (submitExactlyOnce moves on for no other reason), so with resume it always starts from that job.
 */
export function checkpointTags(section: CheckpointSection, attempt: number): Record<string, string> {
  if (section.resume && attempt > 1) return { [RESUMES_ATTEMPT_TAG]: String(attempt - 1) }
  if (section.copyCheckpointsFromJob) return { [CHECKPOINTS_FROM_TAG]: section.copyCheckpointsFromJob }
  return {}
}

/** How many of these tags a job of this step can carry, for the tag limit. */
export function checkpointTagCount(section: CheckpointSection): number {
  return section.resume || section.copyCheckpointsFromJob ? 1 : 0
}
