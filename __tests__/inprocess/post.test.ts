// The post step (runPost) inside the test process, against the AWS stand-in: it cancels a job only when the
// main step was following it and did not settle its fate, and says why it did nothing otherwise.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import type { StandIn } from '../../local/src/stand-in.js'
import { followInputs } from '../support/follow-fixtures.js'
import { runInProcess } from '../support/in-process-action.js'
import { useStandIn } from '../support/stand-in-fixture.js'
import { createStandInJob } from '../support/stand-in-jobs.js'
import * as core from '../fixtures/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { runPost } = await import('../../src/follow/post-cleanup.js')

let standIn: StandIn
let workspace: string
useStandIn((fixture) => {
  ;({ standIn, workspace } = fixture)
})
afterEach(() => standIn.permissions.clear())

/** The post step with the main step's inputs and the state it saved. */
function post(state: Record<string, string>, inputs: Record<string, string> = {}, entry = runPost) {
  standIn.requests.clear()
  return runInProcess(entry, {
    workspace,
    state,
    inputs: { ...followInputs, ...inputs },
    env: standIn.env
  })
}

describe('runPost(): nothing to do', () => {
  it('when no job was created', async () => {
    const result = await post({})
    expect(result.log).toBe('Nothing to clean up: no job was created.')
    expect(result.failed).toEqual([])
    expect(standIn.requests.records).toEqual([])
  })

  it('when the main step did not wait for the job', async () => {
    const { jobArn } = await createStandInJob(standIn)
    const result = await post({ 'job-arn': jobArn })
    expect(result.log).toBe(`Nothing to clean up: the main step did not wait for ${jobArn} (wait: false); it runs on by design.`)
    expect(standIn.requests.records).toEqual([])
    expect(standIn.jobs.get(jobArn)!.status).toBe('QUEUED')
  })

  it('when the main step settled the job itself', async () => {
    const { jobArn } = await createStandInJob(standIn)
    const result = await post({ 'job-arn': jobArn, 'cancel-in-post': 'false' })
    expect(result.log).toBe(`Nothing to clean up: the main step settled ${jobArn} itself.`)
    expect(standIn.requests.records).toEqual([])
  })

  it('when the interrupted step’s job has ended already', async () => {
    const { jobArn } = await createStandInJob(standIn, { queuedMs: 0, runningMs: 0 })
    await standIn.jobs.waitForStatus(jobArn, 'COMPLETED')
    const result = await post({ 'job-arn': jobArn, 'cancel-in-post': 'true' })
    expect(result.log).toContain(`${jobArn} is COMPLETED: nothing to cancel.`)
    expect(standIn.requests.of('braket').map((request) => request.operation)).toEqual(['GetJob'])
    expect(result.failed).toEqual([])
  })
})

describe('src/post.ts, the post bundle’s entry point', () => {
  it('runs runPost() with the process’s environment and state', async () => {
    const { jobArn } = await createStandInJob(standIn)
    const result = await post({ 'job-arn': jobArn, 'cancel-in-post': 'true' }, {}, async () => {
      await import('../../src/post.js')
    })
    expect(result.warnings).toEqual([`Cancelled ${jobArn} (it was QUEUED), as the main step could not see it to its end.`])
  })
})

describe('runPost(): the main step was interrupted while following', () => {
  it('cancels a job still QUEUED, in the job’s own region, and warns that it did', async () => {
    const { jobArn } = await createStandInJob(standIn)
    // The job's region decides, whatever aws-region says now.
    const result = await post({ 'job-arn': jobArn, 'cancel-in-post': 'true' }, { 'aws-region': 'eu-west-2' })

    expect(standIn.requests.of('braket').map((request) => request.operation)).toEqual(['GetJob', 'CancelJob'])
    expect(standIn.jobs.get(jobArn)!.status).toMatch(/^CANCELL/)
    expect(result.warnings).toEqual([`Cancelled ${jobArn} (it was QUEUED), as the main step could not see it to its end.`])
    expect(result.failed).toEqual([])
  })

  it('fails the post step, with the console link, when CancelJob is refused', async () => {
    standIn.permissions.deny('braket:CancelJob')
    const { jobArn } = await createStandInJob(standIn)
    const result = await post({ 'job-arn': jobArn, 'cancel-in-post': 'true' })

    expect(standIn.jobs.get(jobArn)!.status).toBe('QUEUED')
    expect(result.failed).toHaveLength(1)
    expect(result.failed[0]).toMatch(new RegExp(`^Could not cancel ${jobArn}: AccessDeniedException: `))
    expect(result.failed[0]).toContain(
      `It may still be running: https://us-west-2.console.aws.amazon.com/braket/home?region=us-west-2#/jobs/${jobArn}`
    )
  })

  it('fails the post step when the job’s status can’t be read', async () => {
    standIn.permissions.deny('braket:GetJob')
    const { jobArn } = await createStandInJob(standIn)
    const result = await post({ 'job-arn': jobArn, 'cancel-in-post': 'true' })

    expect(standIn.requests.of('braket', 'CancelJob')).toEqual([])
    expect(result.failed).toHaveLength(1)
    expect(result.failed[0]).toMatch(new RegExp(`^Could not check whether ${jobArn} still runs: .*GetJob`))
    expect(result.failed[0]).toContain('It may still be running: https://us-west-2.console.aws.amazon.com/')
  })
})
