// Creates the job once per run and step. A retried or re-run step sends the same
// clientToken and gets the same job back; a re-run whose earlier job FAILED or was
// CANCELLED moves on to a token of its own attempt, because re-runs exist to retry
// failures.
import * as core from '@actions/core'
import type { BraketClient } from '@aws-sdk/client-braket'
import type { JobPlan } from '../plan/job-plan.js'
import { createJob, describeJob, ENDED_UNSUCCESSFULLY } from './braket-submission.js'

export interface Submission {
  plan: JobPlan
  jobArn: string
  status: string
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
    const jobArn = await createJob(braket, plan.request)
    onCreated(jobArn, plan)
    const status = (await describeJob(braket, jobArn)).status ?? 'UNKNOWN'
    if (attempt < lastAttempt && ENDED_UNSUCCESSFULLY.has(status)) {
      core.info(`Run attempt ${attempt}'s job ${jobArn} ended ${status}; this re-run (attempt ${runAttempt}) submits a fresh job.`)
      passedOver.push({ jobArn, status, attempt })
      continue
    }
    return { plan, jobArn, status, passedOver }
  }
}
