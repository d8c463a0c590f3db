// The cost phase of a run: the estimate (and max-cost-usd's refusal) before
// anything is spent, and the tracker that follows the job's spend and tasks.
import { braketClient, pricingClient } from '../aws/clients.js'
import type { AwsSession } from '../aws/aws-session.js'
import { systemClock } from '../follow/clock.js'
import { pollIntervals } from '../follow/poll-schedule.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { JobTasks } from '../tasks/job-tasks.js'
import { planCost, type CostPlan } from './cost-plan.js'
import { regionOfArn } from './devices.js'
import { SpendTracker } from './spend-tracker.js'

/** The device's region when its ARN names one (a QPU's), else the job's. */
const deviceRegion = (spec: Pick<JobSpec, 'device' | 'region'>) =>
  spec.device.startsWith('local:') ? spec.region : (regionOfArn(spec.device) ?? spec.region)

export async function estimateCost(spec: JobSpec, session: AwsSession): Promise<CostPlan> {
  return planCost(spec, pricingClient(session), braketClient({ ...session, region: deviceRegion(spec) }))
}

export function trackSpend(plan: CostPlan, spec: JobSpec, session: AwsSession, jobArn: string, env: NodeJS.ProcessEnv): SpendTracker {
  const regions = [...new Set([spec.region, deviceRegion(spec)])]
  const tasks = new JobTasks({
    jobArn,
    clients: regions.map((region) => braketClient({ ...session, region })),
    clock: systemClock,
    minIntervalMs: pollIntervals(env).maxMs
  })
  return new SpendTracker(plan, spec, tasks, systemClock)
}
