// The cost phase of a run: the estimate (and max-cost-usd's refusal) before
// anything is spent, and the tracker that follows the job's spend and tasks.
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import { braketClient, pricingClient } from '../aws/clients.js'
import type { AwsSession } from '../aws/aws-session.js'
import { systemClock } from '../follow/clock.js'
import { pollIntervals } from '../follow/poll-schedule.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { JobReport } from '../report/job-report.js'
import { JobTasks } from '../tasks/job-tasks.js'
import { countTasks } from '../tasks/task-counts.js'
import { planCost, type CostPlan, type CostSpec } from './cost-plan.js'
import { regionOfArn } from './devices.js'
import { costOfJob, SpendTracker, type FinalSpend, type SpendSpec } from './spend-tracker.js'

/** The device's region when its ARN names one (a QPU's), else the job's. */
const deviceRegion = (spec: Pick<JobSpec, 'device' | 'region'>) =>
  spec.device.startsWith('local:') ? spec.region : (regionOfArn(spec.device) ?? spec.region)

export async function estimateCost(spec: CostSpec, session: AwsSession): Promise<CostPlan> {
  return planCost(spec, pricingClient(session), braketClient({ ...session, region: deviceRegion(spec) }))
}

/** A job's tasks, searched in the job's region and its device's. */
function jobTasks(session: AwsSession, job: SpendSpec & { jobArn: string }, minIntervalMs: number): JobTasks {
  const regions = [...new Set([job.region, deviceRegion(job)])]
  const clients = regions.map((region) => braketClient({ ...session, region }))
  return new JobTasks({ jobArn: job.jobArn, clients, clock: systemClock, minIntervalMs })
}

export function trackSpend(
  plan: CostPlan,
  spec: SpendSpec & CostSpec,
  session: AwsSession,
  jobArn: string,
  env: NodeJS.ProcessEnv,
  report?: JobReport
): SpendTracker {
  return new SpendTracker(plan, spec, jobTasks(session, { ...spec, jobArn }, pollIntervals(env).maxMs), systemClock, report)
}

/** The final cost and tasks of another job (a baseline nobody waited for), once it has ended. */
export function spendOfEndedJob(plan: CostPlan, session: AwsSession) {
  return async (target: SpendSpec & { jobArn: string }, job: GetJobCommandOutput): Promise<FinalSpend> => {
    const tasks = jobTasks(session, target, 0)
    const found = await tasks.refresh(true)
    const cost = await costOfJob(plan.book, target, job, found, job.endedAt ?? new Date())
    return { cost, ...(tasks.unavailable ? {} : { tasks: countTasks(found) }) }
  }
}
