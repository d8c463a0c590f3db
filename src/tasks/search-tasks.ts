// A hybrid job's quantum tasks: SearchQuantumTasks with the jobArn filter, every
// page. Throttling and blips are tolerated the way the follow loop tolerates
// them for GetJob (the SDK's own retries first, then a few more tries with a
// pause); only a run of failures, or a failure that retrying cannot help, ends it.
import { SearchQuantumTasksCommand, type BraketClient, type QuantumTaskSummary } from '@aws-sdk/client-braket'
import { isTransient } from '../aws/retry.js'
import type { Clock } from '../follow/clock.js'

/** Consecutive failures of one page (each already retried by the SDK) before the search gives up. */
export const MAX_CONSECUTIVE_FAILURES = 8
/** The pause before trying a page again, doubled each time up to 30 s. */
const FIRST_PAUSE_MS = 1000
const MAX_PAUSE_MS = 30_000
/** SearchQuantumTasks' largest page (the model's maxResults maximum). */
const PAGE_SIZE = 100

export interface SearchTasksOptions {
  braket: BraketClient
  jobArn: string
  clock: Clock
  abort?: AbortSignal
  /** Tries of one page (each already retried by the SDK) before the search gives up; MAX_CONSECUTIVE_FAILURES by default. */
  maxTries?: number
  /** Told about each failed try that will be tried again. */
  onRetry?(error: unknown, failures: number): void
}

export async function searchJobTasks(options: SearchTasksOptions): Promise<QuantumTaskSummary[]> {
  const tasks: QuantumTaskSummary[] = []
  let nextToken: string | undefined
  do {
    const page = await searchPage(options, nextToken)
    tasks.push(...(page.quantumTasks ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  return tasks
}

async function searchPage(options: SearchTasksOptions, nextToken: string | undefined) {
  const command = new SearchQuantumTasksCommand({
    filters: [{ name: 'jobArn', operator: 'EQUAL', values: [options.jobArn] }],
    maxResults: PAGE_SIZE,
    ...(nextToken ? { nextToken } : {})
  })
  for (let failures = 0; ;) {
    try {
      return await options.braket.send(command, options.abort ? { abortSignal: options.abort } : {})
    } catch (error) {
      failures += 1
      if (!isTransient(error) || failures >= (options.maxTries ?? MAX_CONSECUTIVE_FAILURES) || options.abort?.aborted) throw error
      options.onRetry?.(error, failures)
      await options.clock.sleep(Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (failures - 1)), options.abort)
    }
  }
}
