// Braket's quantum-task operations and SearchSpendingLimits, after the model's
// shape validation (braket-service.ts): CreateQuantumTask checks the device as
// CreateJob does, ties the task to the job whose jobToken it carries, and is
// idempotent by clientToken; the searches filter and page like SearchJobs.
import type { Reply } from '../core/service-server.js'
import type { StandInState } from '../core/state.js'
import { braketError } from './braket-errors.js'
import { canonicalJson, checkUsableDevice } from './create-job.js'
import { isLocalDevice } from './devices.js'
import { describeTask, summarizeTask, type Association, type TasksFilter } from './quantum-tasks.js'
import { reply, type Call } from './routes.js'
import { paginate } from './search.js'

/** SearchSpendingLimits pages hold 20 limits unless maxResults says otherwise (the API reference's default). */
const SPENDING_LIMITS_PAGE = 20

function checkJsonValue(member: string, value: unknown): void {
  if (value === undefined) return
  try {
    JSON.parse(value as string)
  } catch {
    throw braketError('ValidationException', `The ${member} is not valid JSON.`)
  }
}

export function quantumTaskHandlers(state: StandInState): Record<string, (call: Call) => Reply> {
  const jobs = () => state.jobs

  return {
    CreateQuantumTask: ({ input, caller, region }) => {
      const deviceArn = input.deviceArn as string
      if (isLocalDevice(deviceArn))
        throw braketError('ValidationException', `Device ${deviceArn} is a local simulator; quantum tasks run on Braket devices only.`)
      checkUsableDevice(deviceArn, jobs().devices, region)
      checkJsonValue('action', input.action)
      checkJsonValue('deviceParameters', input.deviceParameters)
      let jobArn: string | undefined
      if (input.jobToken !== undefined) {
        const job = jobs().byToken(input.jobToken as string)
        if (!job || job.accountId !== caller.accountId) throw braketError('ValidationException', 'The jobToken is not valid.')
        jobArn = job.jobArn
      }
      const task = {
        accountId: caller.accountId,
        region,
        deviceArn,
        shots: input.shots as number,
        ...(jobArn ? { jobArn } : {}),
        outputS3Bucket: input.outputS3Bucket as string,
        outputS3KeyPrefix: input.outputS3KeyPrefix as string,
        ...(input.deviceParameters !== undefined ? { deviceParameters: input.deviceParameters as string } : {}),
        tags: (input.tags as Record<string, string> | undefined) ?? {},
        ...(input.associations ? { associations: input.associations as Association[] } : {})
      }
      return reply('CreateQuantumTask', jobs().tasks.create(task, input.clientToken as string, input))
    },

    GetQuantumTask: ({ input, caller, region }) => {
      const task = jobs().tasks.lookup(input.quantumTaskArn as string, caller, region)
      const attributes = (input.additionalAttributeNames as string[] | undefined) ?? []
      return reply('GetQuantumTask', describeTask(task, jobs().tasks.queuePosition(task), attributes.includes('QueueInfo')))
    },

    SearchQuantumTasks: ({ input, caller, region }) => {
      const filters = input.filters as TasksFilter[]
      const found = jobs().tasks.search(caller, region, filters)
      const { page, nextToken } = paginate(
        found,
        input.maxResults as number | undefined,
        input.nextToken as string | undefined,
        `quantum-tasks:${region}:${canonicalJson(filters)}`
      )
      return reply('SearchQuantumTasks', { quantumTasks: page.map(summarizeTask), ...(nextToken ? { nextToken } : {}) })
    },

    SearchSpendingLimits: ({ input, caller, region }) => {
      const filters = (input.filters as Array<{ name: string; values: string[] }> | undefined) ?? []
      const found = jobs().spendingLimits.search(caller, region, filters)
      const { page, nextToken } = paginate(
        found,
        (input.maxResults as number | undefined) ?? SPENDING_LIMITS_PAGE,
        input.nextToken as string | undefined,
        `spending-limits:${region}:${canonicalJson(filters)}`
      )
      return reply('SearchSpendingLimits', { spendingLimits: page, ...(nextToken ? { nextToken } : {}) })
    }
  }
}
