// A job's quantum tasks: SearchQuantumTasks with the jobArn filter against the
// stand-in (all pages, throttling ridden out like the follow loop's GetJob),
// and the counts and `quantum-tasks` output made from them.
import { BraketClient } from '@aws-sdk/client-braket'
import { start, STATIC_CREDENTIALS, type StandIn } from '../local/src/stand-in.js'
import type { Clock } from '../src/follow/clock.js'
import { MAX_CONSECUTIVE_FAILURES, searchJobTasks } from '../src/tasks/search-tasks.js'
import { countTasks, quantumTasksOutput } from '../src/tasks/task-counts.js'
import { FORTE, SV1 } from './support/braket-devices.js'

const ACCOUNT = STATIC_CREDENTIALS.accountId

let standIn: StandIn
let jobCounter = 0

/** A client that does not retry by itself, so the search's own tolerance is what is tested. */
const braket = () =>
  new BraketClient({ region: 'us-east-1', endpoint: standIn.endpoints.braket, credentials: STATIC_CREDENTIALS, maxAttempts: 1 })

function fakeClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = []
  return { sleeps, now: () => 0, sleep: async (ms) => void sleeps.push(ms) }
}

/** Tasks of a made-up job, added straight to the stand-in's registry, ended as given. */
function seedTasks(specs: Array<{ device: string; shots: number; outcome: 'COMPLETED' | 'FAILED' | 'CANCELLED' }>): string {
  jobCounter += 1
  const jobArn = `arn:aws:braket:us-east-1:${ACCOUNT}:job/seeded-${jobCounter}`
  for (const spec of specs)
    standIn.jobs.tasks.add({
      accountId: ACCOUNT,
      region: 'us-east-1',
      deviceArn: spec.device,
      shots: spec.shots,
      jobArn,
      outputS3Bucket: 'bucket',
      outputS3KeyPrefix: 'tasks',
      timeline: { queuedMs: 0, runningMs: 0, outcome: spec.outcome }
    })
  return jobArn
}

beforeAll(async () => {
  standIn = await start({ region: 'us-east-1' })
})
afterAll(async () => standIn.stop())
beforeEach(() => {
  standIn.faults.clear()
  standIn.requests.clear()
})

describe('searchJobTasks', () => {
  it('reads every page of the job’s tasks, and only the job’s', async () => {
    const jobArn = seedTasks(
      Array.from({ length: 130 }, (_, index) => ({ device: index % 2 ? FORTE : SV1, shots: index, outcome: 'COMPLETED' as const }))
    )
    seedTasks([{ device: FORTE, shots: 5, outcome: 'COMPLETED' }])
    const tasks = await searchJobTasks({ braket: braket(), jobArn, clock: fakeClock() })
    expect(tasks).toHaveLength(130)
    expect(new Set(tasks.map((task) => task.quantumTaskArn)).size).toBe(130)
    const requests = standIn.requests.of('braket', 'SearchQuantumTasks')
    expect(requests).toHaveLength(2)
    expect(requests[0]!.body).toMatchObject({ filters: [{ name: 'jobArn', operator: 'EQUAL', values: [jobArn] }], maxResults: 100 })
  })

  it('rides out throttling with growing pauses, as the follow loop does for GetJob', async () => {
    const jobArn = seedTasks([{ device: SV1, shots: 10, outcome: 'COMPLETED' }])
    standIn.faults.add({ service: 'braket', operation: 'SearchQuantumTasks', kind: 'throttle', times: 3 })
    const clock = fakeClock()
    const retried: number[] = []
    const tasks = await searchJobTasks({ braket: braket(), jobArn, clock, onRetry: (_error, failures) => retried.push(failures) })
    expect(tasks).toHaveLength(1)
    expect(retried).toEqual([1, 2, 3])
    expect(clock.sleeps).toEqual([1000, 2000, 4000])
  })

  it('gives up after a run of failures, and at once on a failure retrying cannot help', async () => {
    const jobArn = seedTasks([{ device: SV1, shots: 10, outcome: 'COMPLETED' }])
    standIn.faults.add({ service: 'braket', operation: 'SearchQuantumTasks', kind: 'throttle', times: MAX_CONSECUTIVE_FAILURES })
    await expect(searchJobTasks({ braket: braket(), jobArn, clock: fakeClock() })).rejects.toMatchObject({ name: 'ThrottlingException' })
    expect(standIn.requests.of('braket', 'SearchQuantumTasks')).toHaveLength(MAX_CONSECUTIVE_FAILURES)
    standIn.permissions.deny('braket:SearchQuantumTasks')
    standIn.requests.clear()
    try {
      await expect(searchJobTasks({ braket: braket(), jobArn, clock: fakeClock() })).rejects.toMatchObject({
        name: 'AccessDeniedException'
      })
      expect(standIn.requests.of('braket', 'SearchQuantumTasks')).toHaveLength(1)
    } finally {
      standIn.permissions.clear()
    }
  })
})

describe('countTasks and the quantum-tasks output', () => {
  it('counts by status and device, adds requested shots, and lists the failed ARNs', async () => {
    const specs = [
      { device: FORTE, shots: 100, outcome: 'COMPLETED' as const },
      { device: FORTE, shots: 200, outcome: 'FAILED' as const },
      { device: FORTE, shots: 300, outcome: 'CANCELLED' as const },
      { device: SV1, shots: 1000, outcome: 'COMPLETED' as const },
      { device: SV1, shots: 10, outcome: 'FAILED' as const }
    ]
    const jobArn = seedTasks(specs)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const tasks = await searchJobTasks({ braket: braket(), jobArn, clock: fakeClock() })
    const counts = countTasks(tasks)
    const failed = tasks.filter((task) => task.status === 'FAILED').map((task) => task.quantumTaskArn!)
    expect(counts).toMatchObject({
      total: specs.length,
      shots: specs.reduce((sum, spec) => sum + spec.shots, 0),
      byStatus: { COMPLETED: 2, FAILED: 2, CANCELLED: 1 },
      failedArns: [...failed].sort()
    })
    expect(counts.byDevice[FORTE]).toEqual({ tasks: 3, shots: 600, byStatus: { COMPLETED: 1, FAILED: 1, CANCELLED: 1 } })
    expect(JSON.parse(quantumTasksOutput(counts))).toEqual({
      total: 5,
      byStatus: counts.byStatus,
      byDevice: { [FORTE]: { tasks: 3, shots: 600 }, [SV1]: { tasks: 2, shots: 1010 } },
      shots: 1610,
      failedArns: counts.failedArns
    })
  })

  it('is all zeros for a job without tasks', () => {
    expect(JSON.parse(quantumTasksOutput(countTasks([])))).toEqual({ total: 0, byStatus: {}, byDevice: {}, shots: 0, failedArns: [] })
  })
})
