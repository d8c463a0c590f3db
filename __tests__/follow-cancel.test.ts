// Never leaving a paid job running by accident: the workflow run's cancellation
// (SIGINT, then SIGTERM) during the wait, the post step's fallback, and the wait's
// timeout with and without cancelling. The bundled action as its own process,
// against the local stand-in.
import { describe, expect, it } from '@jest/globals'
import { runAction, type ActionRun } from '../local/src/run-action.js'
import type { StandIn } from '../local/src/stand-in.js'
import { followOptions, startFollowing } from './support/follow-fixtures.js'
import { useStandIn } from './support/stand-in-fixture.js'

let standIn: StandIn
let workspace: string

useStandIn((fixture) => ({ standIn, workspace } = fixture))

/** The runner's grace between SIGINT and SIGTERM when a run is cancelled. */
const RUNNER_WINDOW_MS = 7_500

/** A job that runs far longer than any test: only a cancel ends it. */
const longJob = () => standIn.jobs.script({ queuedMs: 20, runningMs: 600_000, logs: [{ atMs: 0, message: 'optimizing…' }] })

const cancelRequests = () => standIn.requests.of('braket', 'CancelJob')

function post(state: Record<string, string>, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ ...followOptions(standIn, workspace, { inputs }), entry: 'post', state })
}

describe('when the workflow run is cancelled during the wait', () => {
  it('cancels the job exactly once on SIGINT (and a following SIGTERM), reports it, and exits within the runner’s window', async () => {
    longJob()
    const running = await startFollowing(standIn, workspace)
    await running.waitForOutput('optimizing…')
    const signalledAt = Date.now()
    running.child.kill('SIGINT')
    await running.waitForOutput('cancelling arn:aws:braket:')
    running.child.kill('SIGTERM')
    const run = await running.finished
    const took = Date.now() - signalledAt

    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(took).toBeLessThan(RUNNER_WINDOW_MS)
    expect(cancelRequests()).toHaveLength(1)
    const jobArn = run.outputs['job-arn']!
    expect(standIn.jobs.get(jobArn)?.status).toBe('CANCELLED')
    expect(run.stdout).toContain(`The workflow run was cancelled (SIGINT): cancelling ${jobArn}`)
    expect(run.stdout).toContain('CancelJob accepted')
    expect(run.stdout).toMatch(
      /::error::Job \S+ was cancelled by this action because the workflow run was cancelled \(SIGINT\); it is CANCELLED/
    )
    expect(run.outputs.status).toBe('CANCELLED')
    // Settled here: the post step has nothing left to do.
    expect(run.state['cancel-in-post']).toBe('false')
  })

  it('leaves the job running when cancel-on-workflow-cancel is false, and so does the post step', async () => {
    longJob()
    const running = await startFollowing(standIn, workspace, { inputs: { 'cancel-on-workflow-cancel': 'false' } })
    await running.waitForOutput('optimizing…')
    running.child.kill('SIGINT')
    const run = await running.finished
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('(cancel-on-workflow-cancel: false)')
    expect(cancelRequests()).toHaveLength(0)

    const after = await post(run.state, { 'cancel-on-workflow-cancel': 'false' })
    expect(after.exitCode).toBe(0)
    expect(cancelRequests()).toHaveLength(0)
    expect(standIn.jobs.get(run.outputs['job-arn']!)?.status).toBe('RUNNING')
  })
})

describe('the post step', () => {
  it('cancels a job still RUNNING when the main step was killed while following it', async () => {
    longJob()
    const running = await startFollowing(standIn, workspace)
    await running.waitForOutput('optimizing…')
    running.child.kill('SIGKILL')
    const killed = await running.finished
    expect(killed.signal).toBe('SIGKILL')
    const jobArn = killed.state['job-arn']!
    expect(killed.state['cancel-in-post']).toBe('true')
    expect(standIn.jobs.get(jobArn)?.status).toBe('RUNNING')

    const run = await post(killed.state)
    expect(run.exitCode).toBe(0)
    expect(cancelRequests()).toHaveLength(1)
    expect(run.stdout).toMatch(/::warning title=Amazon Braket hybrid job::Cancelled arn:aws:braket:\S+ \(it was RUNNING\)/)
    expect((await standIn.jobs.waitForStatus(jobArn, 'CANCELLED')).status).toBe('CANCELLED')
  })

  it('does not touch a job the main step left running on purpose (wait: false)', async () => {
    longJob()
    const submitted = await runAction(followOptions(standIn, workspace, { inputs: { wait: 'false' } }))
    expect(submitted.exitCode).toBe(0)
    expect(submitted.state['job-arn']).toBeDefined()
    standIn.requests.clear()

    const run = await post(submitted.state, { wait: 'false' })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('the main step did not wait for')
    expect(cancelRequests()).toHaveLength(0)
    expect(standIn.requests.of('braket')).toHaveLength(0)
    expect(standIn.jobs.get(submitted.state['job-arn']!)?.status).toBe('RUNNING')
  })
})

describe('wait-timeout-minutes', () => {
  it('cancels the job and fails with a clear message when cancel-on-timeout is true', async () => {
    longJob()
    const run = await runAction(followOptions(standIn, workspace, { inputs: { 'wait-timeout-minutes': '0.01' } }))
    expect(run.exitCode).toBe(1)
    expect(cancelRequests()).toHaveLength(1)
    expect(standIn.jobs.get(run.outputs['job-arn']!)?.status).toBe('CANCELLED')
    expect(run.outputs.status).toBe('CANCELLED')
    expect(run.stdout).toMatch(/::error::Job \S+ did not end within wait-timeout-minutes \(0\.01 minutes\): /)
    expect(run.stdout).toContain('this action cancelled it (cancel-on-timeout); it is CANCELLED.')
    expect(run.state['cancel-in-post']).toBe('false')
  })

  it('leaves the job running, fails, and keeps the post step off it when cancel-on-timeout is false', async () => {
    longJob()
    const inputs = { 'wait-timeout-minutes': '0.01', 'cancel-on-timeout': 'false' }
    const run = await runAction(followOptions(standIn, workspace, { inputs }))
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('RUNNING')
    expect(run.stdout).toMatch(
      /::error::Job \S+ is still RUNNING after wait-timeout-minutes \(0\.01 minutes\)\. It was left running \(cancel-on-timeout: false\)/
    )

    const after = await post(run.state, inputs)
    expect(after.exitCode).toBe(0)
    expect(cancelRequests()).toHaveLength(0)
    expect(standIn.jobs.get(run.outputs['job-arn']!)?.status).toBe('RUNNING')
  })
})
