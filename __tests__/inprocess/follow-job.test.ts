// followJob() inside the test process for the ends a real wait can't reach quickly: the wait timing out
// (with and without cancel-on-timeout) and the workflow run being cancelled (with and without
// cancel-on-workflow-cancel). The job lives in the AWS stand-in; time is an injected clock that moves
// only when the follower sleeps, and the workflow's signals come from an injected emitter.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { STATIC_CREDENTIALS, type StandIn } from '../../local/src/stand-in.js'
import type { Clock } from '../../src/follow/clock.js'
import type { SignalTarget } from '../../src/follow/workflow-signals.js'
import type { FollowSpec } from '../../src/inputs/follow-section.js'
import type { CredentialSource } from '../../src/inputs/credentials-section.js'
import { SV1 } from '../support/braket-devices.js'
import { runInProcess, type InProcessRun } from '../support/in-process-action.js'
import { runIdentity } from '../support/inputs.js'
import { useStandIn } from '../support/stand-in-fixture.js'
import { createStandInJob } from '../support/stand-in-jobs.js'
import * as core from '../fixtures/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { followJob } = await import('../../src/follow/follow-job.js')
const { braketClient, s3Client } = await import('../../src/aws/clients.js')
// After the mock: the fixture's report modules must share the recorded @actions/core.
const { sampleReport } = await import('../support/report-fixtures.js')

const ACCOUNT = STATIC_CREDENTIALS.accountId
const BUCKET = `amazon-braket-us-west-2-${ACCOUNT}`

let standIn: StandIn
let workspace: string
useStandIn((fixture) => {
  ;({ standIn, workspace } = fixture)
})
afterEach(() => standIn.permissions.clear())

/** Time that passes only when the follower sleeps; `onSleep` runs at each sleep (to signal the workflow's cancel). */
function steppedClock(onSleep: (elapsedMs: number) => void = () => {}): Clock {
  let now = Date.UTC(2026, 11, 1, 12)
  const start = now
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms
      onSleep(now - start)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}

interface FollowOptions {
  follow?: Partial<FollowSpec>
  credentials?: CredentialSource
  clock?: Clock
  signals?: EventEmitter
}

async function followQueuedJob(options: FollowOptions = {}): Promise<InProcessRun & { jobArn: string; jobName: string }> {
  // QUEUED for ten (real) minutes: only the follower's clock decides when waiting ends.
  const { jobArn, jobName } = await createStandInJob(standIn)
  standIn.requests.clear()
  const follow: FollowSpec = {
    wait: true,
    waitTimeoutMinutes: 1,
    cancelOnTimeout: true,
    cancelOnWorkflowCancel: true,
    streamLogs: true,
    commentOnPr: false,
    githubToken: '',
    ...options.follow
  }
  const result = await runInProcess(
    async (env) => {
      const session = { region: 'us-west-2', accountId: ACCOUNT, callerArn: `arn:aws:iam::${ACCOUNT}:user/tester` }
      const braket = braketClient(session)
      const s3 = s3Client(session)
      try {
        await followJob({
          target: {
            jobArn,
            jobName,
            instanceCount: 1,
            consoleUrl: `https://us-west-2.console.aws.amazon.com/braket/home?region=us-west-2#/jobs/${jobArn}`,
            outputS3Path: `s3://${BUCKET}/jobs/${jobName}/data`,
            status: 'QUEUED',
            deviceLabel: `Amazon Braket SV1 (${SV1})`,
            instanceType: 'ml.m5.large'
          },
          follow,
          commentKey: '',
          credentials: options.credentials ?? { kind: 'environment' },
          identity: runIdentity(),
          report: sampleReport({ kind: 'not-waited', event: 'push' }).report,
          session,
          braket,
          s3,
          env,
          clock: options.clock ?? steppedClock(),
          signals: (options.signals ?? new EventEmitter()) as unknown as SignalTarget
        })
      } finally {
        braket.destroy()
        s3.destroy()
      }
    },
    { workspace, env: standIn.env }
  )
  return { ...result, jobArn, jobName }
}

const cancelRequests = () => standIn.requests.of('braket', 'CancelJob')

describe('followJob(): the wait times out', () => {
  it('cancels the job (cancel-on-timeout), reports it CANCELLED, and leaves nothing to the post step', async () => {
    const result = await followQueuedJob()

    expect(cancelRequests()).toHaveLength(1)
    expect(standIn.jobs.get(result.jobArn)!.status).toBe('CANCELLED')
    expect(result.outputs.status).toBe('CANCELLED')
    expect(result.log).toContain(`Still QUEUED after wait-timeout-minutes (1): cancelling ${result.jobArn}`)
    expect(result.failed).toEqual([
      `Job ${result.jobName} did not end within wait-timeout-minutes (1 minute): ` +
        'this action cancelled it (cancel-on-timeout); it is CANCELLED.'
    ])
    expect(core.saveState.mock.calls).toEqual([
      ['cancel-in-post', 'true'],
      ['cancel-in-post', 'false']
    ])
    expect(result.summary).toContain('CANCELLED')
  })

  it('leaves the job running with cancel-on-timeout: false, and says where to follow it', async () => {
    const result = await followQueuedJob({ follow: { cancelOnTimeout: false } })

    expect(cancelRequests()).toEqual([])
    expect(standIn.jobs.get(result.jobArn)!.status).toBe('QUEUED')
    expect(result.outputs.status).toBe('QUEUED')
    expect(result.failed).toHaveLength(1)
    expect(result.failed[0]).toContain(`Job ${result.jobName} is still QUEUED after wait-timeout-minutes (1 minute). It was left running`)
    expect(core.saveState.mock.calls.at(-1)).toEqual(['cancel-in-post', 'false'])
  })

  it('leaves the cancel to the post step when CancelJob is refused', async () => {
    standIn.permissions.deny('braket:CancelJob')
    const result = await followQueuedJob()

    expect(cancelRequests()).toHaveLength(1)
    expect(cancelRequests()[0]!.errorCode).toBe('AccessDeniedException')
    expect(standIn.jobs.get(result.jobArn)!.status).toBe('QUEUED')
    expect(result.errors.some((text) => text.includes('CancelJob') && text.includes('cancel it in the Braket console'))).toBe(true)
    expect(result.failed[0]).toContain('cancelling it failed (AccessDeniedException')
    // The post step gets another go at it.
    expect(core.saveState.mock.calls.at(-1)).toEqual(['cancel-in-post', 'true'])
  })

  it('warns up front when the role’s credentials end before the wait may', async () => {
    const credentials: CredentialSource = {
      kind: 'web-identity',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/github-braket-submit`,
      audience: 'sts.amazonaws.com',
      sessionName: 'short',
      durationSeconds: 900
    }
    const result = await followQueuedJob({ credentials, follow: { waitTimeoutMinutes: 60 } })

    expect(result.warnings[0]).toContain('role-duration-seconds (900) is shorter than wait-timeout-minutes (60)')
    expect(result.warnings[0]).toContain('set role-duration-seconds to 3600 or more')
    expect(result.outputs.status).toBe('CANCELLED')
  })
})

describe('followJob(): the workflow run is cancelled', () => {
  it('cancels the job on the runner’s SIGINT (cancel-on-workflow-cancel) and reports why', async () => {
    const signals = new EventEmitter()
    const clock = steppedClock(() => signals.emit('SIGINT', 'SIGINT'))
    const result = await followQueuedJob({ clock, signals })

    expect(cancelRequests()).toHaveLength(1)
    expect(result.outputs.status).toBe('CANCELLED')
    expect(result.log).toContain(`The workflow run was cancelled (SIGINT): cancelling ${result.jobArn}`)
    expect(result.failed).toEqual([
      expect.stringMatching(
        new RegExp(`^Job ${result.jobName} was cancelled by this action because the workflow run was cancelled \\(SIGINT\\)`)
      )
    ])
    // The handlers are gone once following ends: a later SIGINT would end the process again.
    expect(signals.listenerCount('SIGINT')).toBe(0)
    expect(signals.listenerCount('SIGTERM')).toBe(0)
  })

  it('leaves the job with cancel-on-workflow-cancel: false', async () => {
    const signals = new EventEmitter()
    const clock = steppedClock(() => signals.emit('SIGTERM', 'SIGTERM'))
    const result = await followQueuedJob({ clock, signals, follow: { cancelOnWorkflowCancel: false } })

    expect(cancelRequests()).toEqual([])
    expect(standIn.jobs.get(result.jobArn)!.status).toBe('QUEUED')
    expect(result.log).toContain(
      `The workflow run was cancelled (SIGTERM); leaving ${result.jobArn} QUEUED (cancel-on-workflow-cancel: false).`
    )
    expect(result.failed[0]).toContain('(cancel-on-workflow-cancel: false)')
    expect(core.saveState.mock.calls).toEqual([
      ['cancel-in-post', 'false'],
      ['cancel-in-post', 'false']
    ])
  })
})
