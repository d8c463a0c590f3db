// While following: the job's quantum tasks and its running cost (billable
// instance time so far + its tasks so far, by list prices), cancelled once when
// the cost reaches max-cost-usd; at the end, the final figures as outputs and in
// the step log, and the cap's breakdown as the step's failure.
import * as core from '@actions/core'
import type { GetJobCommandOutput, QuantumTaskSummary } from '@aws-sdk/client-braket'
import { logText } from '../common/untrusted.js'
import type { Clock } from '../follow/clock.js'
import type { EndNote, FollowControl, FollowObserver } from '../follow/follow-observer.js'
import type { FollowReport } from '../follow/follow-report.js'
import { logHeading, logRow } from '../report/log-layout.js'
import type { JobTasks } from '../tasks/job-tasks.js'
import { countTasks, quantumTasksOutput, type TaskCounts } from '../tasks/task-counts.js'
import { quantumTasksSection } from '../tasks/tasks-section.js'
import type { JobReport } from '../report/job-report.js'
import { seconds } from '../follow/follow-outcome.js'
import { billableSoFarMs, jobCost, type CostBreakdown, type TaskUsage } from './arithmetic.js'
import type { CostPlan, CostSpec } from './cost-plan.js'
import { costFact, finalCostSection } from './cost-section.js'
import type { PriceBook } from './price-book.js'
import { costSentence, describeCost, formatSetUsd, formatUsd } from './describe.js'
import { capDecision } from './estimate.js'

export interface SpendSpec {
  region: string
  device: string
  instanceType: string
  instanceCount: number
  volumeSizeInGb: number
  reservationArn?: string
  maxCostUsd?: number
}

/** The job's spend once following has ended. */
export interface FinalSpend {
  cost: CostBreakdown
  /** Undefined when the tasks could not be searched. */
  tasks?: TaskCounts
}

const ACTIVE = new Set(['RUNNING', 'CANCELLING'])

function usage(task: QuantumTaskSummary): TaskUsage[] {
  if (!task.deviceArn || !task.status) return []
  return [
    {
      ...(task.quantumTaskArn ? { quantumTaskArn: task.quantumTaskArn } : {}),
      deviceArn: task.deviceArn,
      status: task.status,
      shots: task.shots ?? 0,
      ...(task.createdAt ? { createdAt: task.createdAt } : {}),
      ...(task.endedAt ? { endedAt: task.endedAt } : {})
    }
  ]
}

/** The cost of a job as GetJob describes it and of these tasks, at `now`. */
export async function costOfJob(
  book: PriceBook,
  spec: SpendSpec,
  job: GetJobCommandOutput,
  tasks: readonly QuantumTaskSummary[],
  now: Date
): Promise<CostBreakdown> {
  const used = tasks.flatMap(usage)
  const rates = await book.rateCard({
    region: spec.region,
    instanceType: spec.instanceType,
    deviceArns: [...new Set([spec.device, ...used.map((task) => task.deviceArn)])]
  })
  return jobCost({
    job: {
      billableDurationMs: billableSoFarMs(job, now),
      instanceCount: spec.instanceCount,
      volumeSizeInGb: spec.volumeSizeInGb,
      deviceArn: spec.device,
      ...(spec.reservationArn ? { reservationArn: spec.reservationArn } : {})
    },
    tasks: used,
    rates,
    now
  })
}

export function countsText(counts: TaskCounts): string {
  const statuses = Object.entries(counts.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count} ${status}`)
  return `${counts.total} (${statuses.join(', ') || 'none'}), ${counts.shots} shots`
}

export class SpendTracker implements FollowObserver {
  readonly name = 'cost and quantum tasks'
  private capReached = false
  private lastCounts = ''
  final?: FinalSpend

  constructor(
    private readonly plan: CostPlan,
    private readonly spec: SpendSpec & CostSpec,
    private readonly tasks: JobTasks,
    private readonly clock: Clock,
    /** The job's report, which the final cost and tasks are added to. */
    private readonly report?: JobReport
  ) {}

  costOf(job: GetJobCommandOutput, tasks: readonly QuantumTaskSummary[], now: Date): Promise<CostBreakdown> {
    return costOfJob(this.plan.book, this.spec, job, tasks, now)
  }

  async onJob(job: GetJobCommandOutput, control: FollowControl): Promise<void> {
    if (!ACTIVE.has(job.status ?? '')) return
    const tasks = await this.tasks.refresh()
    const cap = this.spec.maxCostUsd
    const cost = cap !== undefined && !this.capReached ? await this.costOf(job, tasks, new Date(this.clock.now())) : undefined
    this.logProgress(countTasks(tasks), cost)
    if (cap === undefined || !cost || !capDecision(cost, cap).cancel) return
    this.capReached = true
    await control.cancel('cost-cap', `The estimated cost so far, ${formatUsd(cost.knownUsd)}, reached max-cost-usd (${formatSetUsd(cap)})`)
  }

  private log(cost: CostBreakdown, counts: TaskCounts | undefined): void {
    logHeading('Cost and quantum tasks')
    for (const line of describeCost(cost)) logRow('cost', logText(line))
    logRow('quantum tasks', counts ? countsText(counts) : `unknown: ${logText(this.tasks.unavailable ?? '')}`)
    for (const arn of counts?.failedArns ?? []) logRow('failed task', logText(arn))
  }

  /** A line when the job's tasks change: a cap's running total goes with it. */
  private logProgress(counts: TaskCounts, cost: CostBreakdown | undefined): void {
    const text = countsText(counts)
    if (counts.total === 0 || text === this.lastCounts) return
    this.lastCounts = text
    const so = cost ? ` · estimated cost so far ${formatUsd(cost.knownUsd)} of max-cost-usd ${formatSetUsd(this.spec.maxCostUsd ?? 0)}` : ''
    core.info(logText(`quantum tasks: ${text}${so}`, 2000))
  }

  async onEnd(report: FollowReport): Promise<EndNote | void> {
    const { job } = report.outcome
    const tasks = await this.tasks.refresh(true)
    const counts = this.tasks.unavailable && tasks.length === 0 ? undefined : countTasks(tasks)
    const cost = await this.costOf(job, tasks, job.endedAt ?? new Date(this.clock.now()))
    this.final = { cost, ...(counts ? { tasks: counts } : {}) }
    if (counts) core.setOutput('quantum-tasks', quantumTasksOutput(counts))
    if (cost.complete) core.setOutput('cost-usd', String(Number(cost.knownUsd.toFixed(6))))
    this.log(cost, counts)
    this.report?.addSection(finalCostSection(this.spec, this.plan, cost, seconds(job.billableDuration)))
    this.report?.setFact(costFact(cost, this.spec.maxCostUsd))
    this.report?.addSection(quantumTasksSection(counts, this.tasks.unavailable))
    if (!this.capReached) return
    return {
      failure:
        `max-cost-usd (${formatSetUsd(this.spec.maxCostUsd ?? 0)}) was reached and the job cancelled. ` + logText(costSentence(cost), 3000)
    }
  }
}
