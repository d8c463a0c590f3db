// The followed job's quantum tasks, kept up to date while following: searched in
// the job's region and in its device's (a QPU's tasks live in the QPU's region),
// no more often than the follower polls at its slowest. A denied search is said
// once and turns the search off; another failure keeps the last answer.
import * as core from '@actions/core'
import type { BraketClient, QuantumTaskSummary } from '@aws-sdk/client-braket'
import { AwsCallError, awsCallError } from '../aws/aws-call.js'
import { errorName } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import type { Clock } from '../follow/clock.js'
import { searchJobTasks } from './search-tasks.js'

/**
 * One try per search (the SDK's own retries inside it): while following, the next poll's
 * search is the next try, as GetJob's failures are ridden out across polls. Several tries
 * in a row held the step for minutes when SearchQuantumTasks was throttled for good.
 */
const TRIES_PER_SEARCH = 1

export interface JobTasksOptions {
  jobArn: string
  /** One client per region to search: the job's, and its device's when that differs. */
  clients: readonly BraketClient[]
  clock: Clock
  /** The least time between two searches while the job runs. */
  minIntervalMs: number
}

export class JobTasks {
  private found: QuantumTaskSummary[] = []
  private searchedAt?: number
  private denied = false
  /** Why the tasks are not (fully) known, once a search was denied or failed. */
  unavailable?: string

  constructor(private readonly options: JobTasksOptions) {}

  get tasks(): readonly QuantumTaskSummary[] {
    return this.found
  }

  /** Searches again unless one was made less than the interval ago (or `force`); the tasks as last found. */
  async refresh(force = false): Promise<readonly QuantumTaskSummary[]> {
    const now = this.options.clock.now()
    const due = this.searchedAt === undefined || now - this.searchedAt >= this.options.minIntervalMs
    if (this.denied || (!force && !due)) return this.found
    this.searchedAt = now
    try {
      const perRegion = await Promise.all(
        this.options.clients.map((braket) =>
          searchJobTasks({
            braket,
            jobArn: this.options.jobArn,
            clock: this.options.clock,
            maxTries: TRIES_PER_SEARCH
          })
        )
      )
      const byArn = new Map(perRegion.flat().map((task) => [task.quantumTaskArn ?? '', task]))
      this.found = [...byArn.values()]
      this.unavailable = undefined
    } catch (error) {
      const call = {
        service: 'Braket' as const,
        operation: 'SearchQuantumTasks',
        target: `the tasks of ${this.options.jobArn}`,
        permission: 'braket:SearchQuantumTasks'
      }
      if (errorName(error) === 'AccessDeniedException') {
        this.denied = true
        const denied = awsCallError(call, error, { advice: "Allow it in the role's policy to see the job's quantum tasks and their cost." })
        this.unavailable = denied instanceof AwsCallError ? denied.summary : denied.message
        core.warning(logText(`The job's quantum tasks cannot be counted: ${denied.message}`, 2000), { title: 'quantum tasks' })
      } else if (!this.unavailable) {
        const failed = awsCallError(call, error, { advice: 'The counts shown are from the last search that answered.' })
        this.unavailable = failed instanceof AwsCallError ? failed.summary : failed.message
        core.warning(logText(failed.message, 2000), { title: 'quantum tasks' })
      }
    }
    return this.found
  }
}
