// Creates the job once per run and step. A retried or re-run step sends the same
// clientToken and gets the same job back; a re-run whose earlier job FAILED or was
// CANCELLED moves on to a token of its own attempt, because re-runs exist to retry
// failures.
import * as core from '@actions/core'
import type { BraketClient } from '@aws-sdk/client-braket'
import { errorMessage } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import type { JobPlan } from '../plan/job-plan.js'
import { createJob, describeJob, ENDED_UNSUCCESSFULLY, SubmissionError } from './braket-submission.js'

export interface Submission {
  plan: JobPlan
  jobArn: string
  /** The job's status right after CreateJob; UNKNOWN when it could not be read (see statusError). */
  status: string
  /** Why the first status could not be read: the job exists all the same. */
  statusError?: string
  /** Earlier attempts' jobs that came back ended, and were not reused. */
  passedOver: Array<{ jobArn: string; status: string; attempt: number }>
}

export async function submitExactlyOnce(
  braket: BraketClient,
  planFor: (attempt: number) => JobPlan,
  runAttempt: number,
  explicitToken: boolean,
  /** Called as soon as CreateJob answers, before anything else can fail. */
  onCreated: (jobArn: string, plan: JobPlan) => void = () => {}
): Promise<Submission> {
  const lastAttempt = explicitToken ? 1 : runAttempt
  const passedOver: Submission['passedOver'] = []
  for (let attempt = 1; ; attempt++) {
    const plan = planFor(attempt)
    // The token decides whether CreateJob makes a job or returns one: what to compare when a re-run did the unexpected.
    core.debug(`CreateJob for run attempt ${attempt} of ${lastAttempt}: clientToken ${plan.clientToken}, job name ${plan.jobName}`)
    const jobArn = await createJob(braket, plan.request)
    onCreated(jobArn, plan)
    let status: string
    try {
      status = (await describeJob(braket, jobArn)).status ?? 'UNKNOWN'
    } catch (error) {
      if (attempt < lastAttempt)
        // Without its status this re-run can't tell whether the earlier job is to be reused or retried.
        throw new SubmissionError(
          `Run attempt ${attempt}'s job exists: ${jobArn}; reading its status failed: ${errorMessage(error)} Without it, this re-run ` +
            `can't tell whether to reuse that job or submit a fresh one.`,
          { cause: error }
        )
      return { plan, jobArn, status: 'UNKNOWN', statusError: errorMessage(error), passedOver }
    }
    if (attempt < lastAttempt && ENDED_UNSUCCESSFULLY.has(status)) {
      core.info(
        `Run attempt ${attempt}'s job ${logText(jobArn)} ended ${logText(status)}; this re-run (attempt ${runAttempt}) submits a fresh job.`
      )
      passedOver.push({ jobArn, status, attempt })
      continue
    }
    return { plan, jobArn, status, passedOver }
  }
}

/**
 * The job was created but its first status could not be read. The job exists and
 * the outputs name it: a step that only submits succeeds, with a warning; a step
 * that waits goes on to follow it (the follower reads the status again).
 */
export function warnStatusUnread(submission: Submission, wait: boolean): void {
  if (submission.statusError === undefined) return
  core.warning(
    `Job created: ${submission.jobArn}; reading its status failed: ${submission.statusError}` +
      (wait ? ' Following it all the same.' : ' The job was submitted; its status output is UNKNOWN.'),
    { title: 'Amazon Braket hybrid job' }
  )
}
