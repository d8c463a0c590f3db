// A long wait on short-lived role credentials: the session re-assumes the role
// with a fresh OIDC token before they run out, so hours of GetJob polling never
// meet an expired token. Simulated time (only Date is faked, so every clock — the
// SDK's, the stand-in's STS and Braket — moves together), real HTTP to the stand-in.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { CreateJobCommand } from '@aws-sdk/client-braket'
import type { Clock } from '../src/follow/clock.js'
import { DEFAULT_INTERVALS } from '../src/follow/poll-schedule.js'
import { ENDPOINT_VARIABLES, start, type StandIn } from '../local/src/stand-in.js'
import * as core from './fixtures/core.js'

// A dozen sessions' masked keys and log lines are recorded, not printed.
jest.unstable_mockModule('@actions/core', () => core)
const { openAwsSession } = await import('../src/aws/aws-session.js')
const { braketClient } = await import('../src/aws/clients.js')
const { JobCanceller } = await import('../src/follow/job-canceller.js')
const { getJob, watchJob } = await import('../src/follow/watch-job.js')

const ROLE = 'arn:aws:iam::123456789012:role/github-braket-submit'
const TWO_HOURS = 2 * 3_600_000

let standIn: StandIn
const savedEnv: Record<string, string | undefined> = {}

beforeAll(async () => {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout'
    ],
    now: Date.now()
  })
  standIn = await start()
  // The SDK clients the session makes find the stand-in as the action's do: through AWS_ENDPOINT_URL_<SERVICE>.
  for (const variable of [...Object.values(ENDPOINT_VARIABLES), 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
    savedEnv[variable] = process.env[variable]
    if (variable.startsWith('AWS_ENDPOINT_URL_')) process.env[variable] = standIn.env[variable]
    else delete process.env[variable]
  }
})

afterAll(async () => {
  for (const [variable, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[variable]
    else process.env[variable] = value
  }
  await standIn.stop()
  jest.useRealTimers()
})

/** Sleeping moves the system clock; the event loop still turns, so the stand-in's servers answer. */
const simulatedClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    jest.setSystemTime(Date.now() + ms)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('credentials over a long wait', () => {
  it('re-assumes 15-minute role credentials throughout two hours of polling, then can still cancel the job', async () => {
    const session = await openAwsSession(
      { kind: 'web-identity', roleArn: ROLE, audience: 'sts.amazonaws.com', sessionName: 'long-wait', durationSeconds: 900 },
      'us-west-2',
      {
        getIdToken: async (audience) => standIn.oidc.mintIdToken({ repository: 'octo/quantum-lab', ref: 'refs/heads/main' }, { audience }),
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: standIn.oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'unused: getIdToken is injected' }
      }
    )
    const braket = braketClient(session)
    standIn.objects.createBucket('amazon-braket-us-west-2-123456789012', '123456789012', 'us-west-2')
    await standIn.objects.write('amazon-braket-us-west-2-123456789012', 'jobs/source.tar.gz', Buffer.from('source'))
    standIn.jobs.script({ queuedMs: 0, runningMs: 24 * 3_600_000 })
    const { jobArn } = await braket.send(
      new CreateJobCommand({
        clientToken: 'long-wait-token',
        jobName: 'long-wait',
        roleArn: 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
        algorithmSpecification: {
          scriptModeConfig: {
            entryPoint: 'vqe.main:run',
            s3Uri: 's3://amazon-braket-us-west-2-123456789012/jobs/source.tar.gz',
            compressionType: 'GZIP'
          }
        },
        outputDataConfig: { s3Path: 's3://amazon-braket-us-west-2-123456789012/jobs/long-wait/data' },
        instanceConfig: { instanceType: 'ml.m5.large', volumeSizeInGb: 30, instanceCount: 1 },
        deviceConfig: { device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1' }
      })
    )
    await standIn.jobs.waitForStatus(jobArn!, 'RUNNING')

    const started = Date.now()
    const result = await watchJob({
      braket,
      jobArn: jobArn!,
      clock: simulatedClock,
      intervals: DEFAULT_INTERVALS,
      deadline: started + TWO_HOURS,
      abort: new AbortController().signal,
      onJob: async () => {}
    })
    expect(result).toMatchObject({ end: 'timeout', job: { status: 'RUNNING' } })
    expect(Date.now() - started).toBe(TWO_HOURS)

    // Every call was answered; none met expired credentials.
    const calls = standIn.requests.of('braket', 'GetJob')
    expect(calls.length).toBeGreaterThan(200)
    expect(calls.filter((call) => call.status !== 200)).toEqual([])
    // One session every ~10 minutes (15 minus the 5-minute margin): about a dozen over two hours.
    const assumed = standIn.requests.of('sts', 'AssumeRoleWithWebIdentity')
    expect(assumed.length).toBeGreaterThanOrEqual(12)
    const keysUsed = new Set(calls.map((call) => call.accessKeyId))
    expect(keysUsed.size).toBeGreaterThanOrEqual(12)
    expect(session.expiration!.getTime()).toBeGreaterThan(Date.now())
    // Each session's key was masked before it was used, and each renewal was logged.
    const masked = new Set(core.setSecret.mock.calls.map(([secret]) => secret))
    for (const key of keysUsed) expect(masked).toContain(key)
    const renewals = core.info.mock.calls.filter(([line]) => line.startsWith('Re-assumed arn:aws:sts::123456789012:assumed-role/'))
    expect(renewals.length).toBe(assumed.length - 1)

    const cancelled = await new JobCanceller(braket, jobArn!).cancel('timeout', 'after two hours')
    expect(cancelled.cancellationStatus).toBe('CANCELLING')
    expect((await getJob(braket, jobArn!)).status).toMatch(/^CANCELL/)
    braket.destroy()
  })
})
