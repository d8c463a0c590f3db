// submitExactlyOnce()'s re-run branches with Braket's answers scripted by aws-sdk-client-mock behind the
// real client: which earlier attempts' jobs are passed over, and which are reused. (run() against the
// stand-in covers the same branches end to end in main-run.test.ts.)
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { BraketClient, CreateJobCommand, GetJobCommand } from '@aws-sdk/client-braket'
import { mockClient } from 'aws-sdk-client-mock'
import type { JobPlan } from '../../src/plan/job-plan.js'
import * as core from '../fixtures/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { submitExactlyOnce, warnStatusUnread } = await import('../../src/aws/submit-exactly-once.js')

const arnOf = (token: string) => `arn:aws:braket:us-west-2:123456789012:job/${token}`

/** A plan per attempt whose clientToken names the attempt. */
function planFor(attempt: number): JobPlan {
  return { request: { clientToken: `token-${attempt}`, jobName: `job-${attempt}` } } as unknown as JobPlan
}

/** Braket where each attempt's token leads to a job with the given status. */
function braketWith(statuses: Record<string, string>) {
  const braket = new BraketClient({ region: 'us-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } })
  const mock = mockClient(braket)
  mock.on(CreateJobCommand).callsFake((input: { clientToken: string }) => ({ jobArn: arnOf(input.clientToken) }))
  mock.on(GetJobCommand).callsFake((input: { jobArn: string }) => ({ status: statuses[input.jobArn.split('/').pop()!] }))
  return { braket, mock }
}

beforeEach(() => {
  jest.clearAllMocks()
})

describe('submitExactlyOnce()', () => {
  it('on the third attempt, passes over a FAILED and a CANCELLED job, then submits under the third token', async () => {
    const { braket, mock } = braketWith({ 'token-1': 'FAILED', 'token-2': 'CANCELLED', 'token-3': 'QUEUED' })
    const created: string[] = []
    const submission = await submitExactlyOnce(braket, planFor, 3, false, (jobArn) => created.push(jobArn))

    expect(submission).toMatchObject({
      jobArn: arnOf('token-3'),
      status: 'QUEUED',
      passedOver: [
        { jobArn: arnOf('token-1'), status: 'FAILED', attempt: 1 },
        { jobArn: arnOf('token-2'), status: 'CANCELLED', attempt: 2 }
      ]
    })
    expect(submission.plan.request.clientToken).toBe('token-3')
    // Every job CreateJob answered with was remembered at once, for the post step.
    expect(created).toEqual([arnOf('token-1'), arnOf('token-2'), arnOf('token-3')])
    expect(mock.commandCalls(CreateJobCommand).map((call) => call.args[0].input.clientToken)).toEqual(['token-1', 'token-2', 'token-3'])
    expect(core.info.mock.calls.map(([line]) => line)).toEqual([
      `Run attempt 1's job ${arnOf('token-1')} ended FAILED; this re-run (attempt 3) submits a fresh job.`,
      `Run attempt 2's job ${arnOf('token-2')} ended CANCELLED; this re-run (attempt 3) submits a fresh job.`
    ])
  })

  it('keeps an earlier attempt’s job that COMPLETED: a re-run retries failures only', async () => {
    const { braket, mock } = braketWith({ 'token-1': 'COMPLETED' })
    const submission = await submitExactlyOnce(braket, planFor, 2, false)

    expect(submission).toMatchObject({ jobArn: arnOf('token-1'), status: 'COMPLETED', passedOver: [] })
    expect(mock.commandCalls(CreateJobCommand)).toHaveLength(1)
  })

  it('with an explicit client-token, returns that one job even when it FAILED: the token is the user’s', async () => {
    const { braket, mock } = braketWith({ 'token-1': 'FAILED' })
    const submission = await submitExactlyOnce(braket, planFor, 3, true)

    expect(submission).toMatchObject({ jobArn: arnOf('token-1'), status: 'FAILED', passedOver: [] })
    expect(mock.commandCalls(CreateJobCommand)).toHaveLength(1)
  })

  it('fails, naming CreateJob, when Braket answers without a jobArn', async () => {
    const braket = new BraketClient({ region: 'us-west-2', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } })
    mockClient(braket).on(CreateJobCommand).resolves({})

    await expect(submitExactlyOnce(braket, planFor, 1, false)).rejects.toThrow('Braket CreateJob')
    await expect(submitExactlyOnce(braket, planFor, 1, false)).rejects.toThrow('returned no jobArn')
  })

  it('warnStatusUnread() says the job exists, worded for a step that follows it or not', () => {
    const submission = { plan: planFor(1), jobArn: arnOf('token-1'), status: 'UNKNOWN', statusError: 'Throttled.', passedOver: [] }
    warnStatusUnread({ ...submission, statusError: undefined }, true)
    expect(core.warning).not.toHaveBeenCalled()
    warnStatusUnread(submission, true)
    warnStatusUnread(submission, false)
    expect(core.warning.mock.calls.map(([text]) => text)).toEqual([
      `Job created: ${arnOf('token-1')}; reading its status failed: Throttled. Following it all the same.`,
      `Job created: ${arnOf('token-1')}; reading its status failed: Throttled. The job was submitted; its status output is UNKNOWN.`
    ])
  })
})
