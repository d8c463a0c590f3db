// The follower's clockwork, with an injected clock: the backoff schedule, what a
// status change prints, the loop's ends (job ended, timeout, workflow cancel) and
// its tolerance of throttling, and what each end means for the step.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { BraketClient, CancelJobCommand, GetJobCommand, type GetJobCommandOutput } from '@aws-sdk/client-braket'
import { mockClient } from 'aws-sdk-client-mock'
import type { Clock } from '../src/follow/clock.js'
import { verdictOf, type FollowOutcome } from '../src/follow/follow-outcome.js'
import { JobProgress } from '../src/follow/job-progress.js'
import { DEFAULT_INTERVALS, PollSchedule, pollIntervals } from '../src/follow/poll-schedule.js'
import { WorkflowSignals } from '../src/follow/workflow-signals.js'
import { EventEmitter } from 'node:events'
import * as core from './fixtures/core.js'

// The follower's warnings and notes go to the recorded @actions/core, where the tests read them.
jest.unstable_mockModule('@actions/core', () => core)
const { JobCanceller } = await import('../src/follow/job-canceller.js')
const { awaitEnd, watchJob } = await import('../src/follow/watch-job.js')

beforeEach(() => {
  jest.clearAllMocks()
})

const ARN = 'arn:aws:braket:us-west-2:123456789012:job/5f0c7a9e-1234-4cde-8f00-123456789abc'
const T0 = Date.UTC(2025, 0, 2, 3, 4, 0)

/** Time moves only when the follower sleeps. */
class FakeClock implements Clock {
  sleeps: number[] = []
  constructor(public time = T0) {}
  now = () => this.time
  sleep = async (ms: number) => {
    this.sleeps.push(ms)
    this.time += ms
  }
}

class Throttled extends Error {
  name = 'ThrottlingException'
  $metadata = { httpStatusCode: 429 }
}

function braketAnswering(answers: Array<Partial<GetJobCommandOutput> | Error>) {
  const braket = new BraketClient({ region: 'us-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } })
  const mock = mockClient(braket)
  let call = 0
  mock.on(GetJobCommand).callsFake(() => {
    const answer = answers[Math.min(call++, answers.length - 1)]!
    if (answer instanceof Error) throw answer
    return { jobArn: ARN, ...answer }
  })
  mock.on(CancelJobCommand).resolves({ jobArn: ARN, cancellationStatus: 'CANCELLING' })
  return { braket, mock }
}

describe('poll schedule', () => {
  it('starts at 5 s and settles at 30 s, growing by half each poll; a status change starts it over', () => {
    const schedule = new PollSchedule(DEFAULT_INTERVALS)
    expect(Array.from({ length: 7 }, () => schedule.next())).toEqual([5000, 7500, 11250, 16875, 25313, 30000, 30000])
    schedule.reset()
    expect(schedule.next()).toBe(5000)
    expect(schedule.next(6000)).toBe(6000)
  })

  it('can be lowered for the local stand-in by BRAKET_ACTION_POLL_INTERVAL_MS, never raised', () => {
    expect(pollIntervals({ BRAKET_ACTION_POLL_INTERVAL_MS: '20,100' })).toEqual({ initialMs: 20, maxMs: 100 })
    expect(pollIntervals({ BRAKET_ACTION_POLL_INTERVAL_MS: '50' })).toEqual({ initialMs: 50, maxMs: 30000 })
    expect(pollIntervals({ BRAKET_ACTION_POLL_INTERVAL_MS: '60000,600000' })).toEqual(DEFAULT_INTERVALS)
    expect(pollIntervals({ BRAKET_ACTION_POLL_INTERVAL_MS: 'fast' })).toEqual(DEFAULT_INTERVALS)
    expect(pollIntervals({})).toEqual(DEFAULT_INTERVALS)
  })
})

describe('JobProgress', () => {
  it('reports each transition and each event once, with times, and the queue position only when it moves', () => {
    const progress = new JobProgress()
    const queued = {
      status: 'QUEUED',
      createdAt: new Date(T0),
      queueInfo: { queue: 'JOBS_QUEUE', position: '3' },
      events: [{ eventType: 'QUEUED_FOR_EXECUTION', timeOfEvent: new Date(T0), message: 'Job queued for execution.' }]
    } as GetJobCommandOutput
    expect(progress.update(queued, T0 + 1000).map((line) => line.text)).toEqual([
      '2025-01-02T03:04:00Z  QUEUED',
      '2025-01-02T03:04:00Z  event QUEUED_FOR_EXECUTION: Job queued for execution.',
      '2025-01-02T03:04:01Z  position 3 in the JOBS_QUEUE'
    ])
    expect(progress.update(queued, T0 + 2000)).toEqual([])
    expect(progress.update({ ...queued, queueInfo: { queue: 'JOBS_QUEUE', position: '1' } }, T0 + 3000).map((line) => line.text)).toEqual([
      '2025-01-02T03:04:03Z  position 1 in the JOBS_QUEUE'
    ])
    const running = {
      ...queued,
      status: 'RUNNING',
      startedAt: new Date(T0 + 60_000),
      queueInfo: { queue: 'JOBS_QUEUE', position: 'None' },
      events: [...queued.events!, { eventType: 'RUNNING', timeOfEvent: new Date(T0 + 60_000) }]
    } as GetJobCommandOutput
    expect(progress.update(running, T0 + 65_000)).toEqual([
      { kind: 'transition', from: 'QUEUED', to: 'RUNNING', text: '2025-01-02T03:05:00Z  QUEUED → RUNNING' },
      { kind: 'event', text: '2025-01-02T03:05:00Z  event RUNNING' }
    ])
  })
})

describe('watchJob', () => {
  const quiet = async () => {}

  it('polls on the backoff schedule until the job ends, starting over at each status change', async () => {
    const { braket } = braketAnswering([
      { status: 'QUEUED' },
      { status: 'QUEUED' },
      { status: 'QUEUED' },
      { status: 'RUNNING' },
      { status: 'RUNNING' },
      { status: 'COMPLETED' }
    ])
    const clock = new FakeClock()
    const seen: string[] = []
    const result = await watchJob({
      braket,
      jobArn: ARN,
      clock,
      intervals: DEFAULT_INTERVALS,
      deadline: T0 + 3_600_000,
      abort: new AbortController().signal,
      onJob: async (job) => void seen.push(job.status!)
    })
    expect(result.end).toBe('job-ended')
    expect(result.job.status).toBe('COMPLETED')
    expect(seen).toEqual(['QUEUED', 'QUEUED', 'QUEUED', 'RUNNING', 'RUNNING', 'COMPLETED'])
    expect(clock.sleeps).toEqual([5000, 7500, 11250, 5000, 7500])
  })

  it('asks for the queue position', async () => {
    const { braket, mock } = braketAnswering([{ status: 'COMPLETED' }])
    await watchJob({
      braket,
      jobArn: ARN,
      clock: new FakeClock(),
      intervals: DEFAULT_INTERVALS,
      deadline: T0 + 1000,
      abort: new AbortController().signal,
      onJob: quiet
    })
    expect(mock.commandCalls(GetJobCommand)[0]!.args[0].input).toEqual({ jobArn: ARN, additionalAttributeNames: ['QueueInfo'] })
  })

  it('stops exactly at the deadline with the last status seen', async () => {
    const { braket } = braketAnswering([{ status: 'RUNNING' }])
    const clock = new FakeClock()
    const result = await watchJob({
      braket,
      jobArn: ARN,
      clock,
      intervals: DEFAULT_INTERVALS,
      deadline: T0 + 6 * 3_600_000,
      abort: new AbortController().signal,
      onJob: quiet
    })
    expect(result).toMatchObject({ end: 'timeout', job: { status: 'RUNNING' } })
    expect(clock.time).toBe(T0 + 6 * 3_600_000)
    // Six hours at 30 s: a few hundred calls, not thousands.
    expect(clock.sleeps.length).toBeLessThan(730)
  })

  it('rides out throttling that outlasts the SDK’s own retries, but gives up on a non-transient error', async () => {
    const { braket } = braketAnswering([
      { status: 'RUNNING' },
      new Throttled('Rate exceeded'),
      new Throttled('Rate exceeded'),
      { status: 'COMPLETED' }
    ])
    const result = await watchJob({
      braket,
      jobArn: ARN,
      clock: new FakeClock(),
      intervals: DEFAULT_INTERVALS,
      deadline: T0 + 3_600_000,
      abort: new AbortController().signal,
      onJob: quiet
    })
    expect(result.end).toBe('job-ended')
    expect(core.warning.mock.calls).toEqual([
      ['Braket GetJob failed: ThrottlingException: Rate exceeded; trying again.'],
      ['Braket GetJob failed: ThrottlingException: Rate exceeded; trying again.']
    ])
    expect(core.info).toHaveBeenCalledWith('GetJob answers again after 2 failed tries.')

    const denied = Object.assign(new Error('not authorized to perform: braket:GetJob'), { name: 'AccessDeniedException' })
    const { braket: refusing } = braketAnswering([{ status: 'RUNNING' }, denied])
    await expect(
      watchJob({
        braket: refusing,
        jobArn: ARN,
        clock: new FakeClock(),
        intervals: DEFAULT_INTERVALS,
        deadline: T0 + 3_600_000,
        abort: new AbortController().signal,
        onJob: quiet
      })
    ).rejects.toThrow('braket:GetJob')
  })

  it('ends the wait as soon as the workflow run is cancelled (SIGINT), and the job is cancelled once however often asked', async () => {
    const target = new EventEmitter() as unknown as NodeJS.Process
    const signals = new WorkflowSignals(target)
    const { braket, mock } = braketAnswering([{ status: 'RUNNING' }, { status: 'CANCELLING' }, { status: 'CANCELLED' }])
    const clock: Clock = {
      now: () => T0,
      // The signal arrives during the first sleep.
      sleep: async () => void (target as unknown as EventEmitter).emit('SIGINT', 'SIGINT')
    }
    const result = await watchJob({
      braket,
      jobArn: ARN,
      clock,
      intervals: DEFAULT_INTERVALS,
      deadline: T0 + 3_600_000,
      abort: signals.signal,
      onJob: quiet
    })
    expect(result.end).toBe('workflow-cancel')
    expect(signals.received).toBe('SIGINT')
    const canceller = new JobCanceller(braket, ARN)
    const [first, second] = await Promise.all([
      canceller.cancel('workflow-cancel', 'SIGINT'),
      canceller.cancel('workflow-cancel', 'SIGTERM')
    ])
    expect(first).toBe(second)
    expect(mock.commandCalls(CancelJobCommand)).toHaveLength(1)
    expect(core.info).toHaveBeenCalledWith(`SIGINT: cancelling ${ARN}`)
    const ended = await awaitEnd(
      { braket, jobArn: ARN, clock: new FakeClock(), intervals: DEFAULT_INTERVALS, onJob: quiet },
      result.job,
      4000
    )
    expect(ended.status).toBe('CANCELLED')
    signals.dispose()
    expect((target as unknown as EventEmitter).listenerCount('SIGINT')).toBe(0)
  })
})

describe('verdictOf', () => {
  const base: FollowOutcome = {
    jobArn: ARN,
    jobName: 'vqe-run',
    consoleUrl: 'https://console/job',
    job: {
      status: 'COMPLETED',
      startedAt: new Date(T0),
      endedAt: new Date(T0 + 125_000),
      billableDuration: 120_000
    } as GetJobCommandOutput,
    end: 'job-ended',
    waitTimeoutMinutes: 340,
    cancelOnWorkflowCancel: true
  }

  it('succeeds only for COMPLETED, and says who cancelled a CANCELLED job', () => {
    expect(verdictOf(base, T0)).toEqual({ ok: true, status: 'COMPLETED', message: 'Job vqe-run completed after 2m 5s (billable 2m).' })
    expect(verdictOf({ ...base, job: { ...base.job, status: 'FAILED', failureReason: 'AlgorithmError: boom' } }, T0).message).toBe(
      'Job vqe-run failed after 2m 5s (billable 2m): AlgorithmError: boom'
    )
    expect(verdictOf({ ...base, job: { ...base.job, status: 'CANCELLED' } }, T0).message).toMatch(
      /^Job vqe-run was cancelled by someone else, not by this action/
    )
    const bySignal = verdictOf(
      {
        ...base,
        end: 'workflow-cancel',
        signal: 'SIGINT',
        cancel: { reason: 'workflow-cancel', cancellationStatus: 'CANCELLING' },
        job: { ...base.job, status: 'CANCELLED' }
      },
      T0
    )
    expect(bySignal).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Job vqe-run was cancelled by this action because the workflow run was cancelled \(SIGINT\)/)
    })
    const byTimeout = verdictOf(
      {
        ...base,
        end: 'timeout',
        cancel: { reason: 'timeout', cancellationStatus: 'CANCELLING' },
        job: { status: 'CANCELLING' } as GetJobCommandOutput
      },
      T0
    )
    expect(byTimeout.message).toBe(
      'Job vqe-run did not end within wait-timeout-minutes (340 minutes): this action cancelled it (cancel-on-timeout); it is CANCELLING.'
    )
    expect(verdictOf({ ...base, end: 'timeout', job: { status: 'QUEUED' } as GetJobCommandOutput }, T0)).toMatchObject({
      ok: false,
      status: 'QUEUED'
    })
  })
})
