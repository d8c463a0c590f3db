// An attached job's cost and quantum tasks, followed as a submitted job's are:
// the rates of its instance type and device, its running total while it runs,
// its tasks counted and its cost estimated at the end, in the report and the
// outputs. What the job was created with comes from GetJob, not from inputs.
import * as core from '@actions/core'
import type { AwsSession } from '../aws/aws-session.js'
import { errorMessage } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import { estimateCost, trackSpend } from '../cost/cost-phase.js'
import type { CostSpec } from '../cost/cost-plan.js'
import { estimateSection } from '../cost/cost-section.js'
import type { SpendSpec } from '../cost/spend-tracker.js'
import type { FollowObserver } from '../follow/follow-observer.js'
import type { JobReport } from '../report/job-report.js'
import type { KnownJob } from './read-job.js'

/** The cost inputs of a submission, as the job was created. */
export function spendSpecOf(job: KnownJob, region: string, wait: boolean): SpendSpec & CostSpec {
  const reservation = job.associations?.find((association) => association.type === 'RESERVATION_TIME_WINDOW_ARN')?.arn
  return {
    region,
    device: job.deviceConfig?.device ?? '',
    instanceType: job.instanceConfig?.instanceType ?? '',
    instanceCount: job.instanceConfig?.instanceCount ?? 1,
    volumeSizeInGb: job.instanceConfig?.volumeSizeInGb ?? 0,
    maxRuntimeInSeconds: job.stoppingCondition?.maxRuntimeInSeconds ?? 0,
    ...(reservation ? { reservationArn: reservation } : {}),
    follow: { wait }
  }
}

/** The observer that tracks the job's spend and tasks; none, with a warning, when its rates cannot be set up. */
export async function attachedSpend(
  job: KnownJob,
  region: string,
  wait: boolean,
  deps: { session: AwsSession; env: NodeJS.ProcessEnv; report: JobReport }
): Promise<FollowObserver[]> {
  const spec = spendSpecOf(job, region, wait)
  try {
    const plan = await estimateCost(spec, deps.session)
    deps.report.addSection(estimateSection(spec, plan))
    return [trackSpend(plan, spec, deps.session, job.jobArn, deps.env, deps.report)]
  } catch (error) {
    core.warning(`The job's cost and quantum tasks are not followed: ${logText(errorMessage(error), 2000)}`)
    return []
  }
}
