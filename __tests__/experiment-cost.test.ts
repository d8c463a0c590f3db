// Cost and quantum tasks, end to end: the bundled action as its own process
// against the stand-in's Price List API and Braket, whose rates are the stand-in's
// own (local/src/pricing/stand-in-rates.ts). The estimate before submitting,
// max-cost-usd with and without wait, denied pricing, spending limits, the
// job's quantum tasks, and costs that equal a hand calculation.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { STAND_IN_RATES } from '../local/src/pricing/stand-in-rates.js'
import type { ActionRun } from '../local/src/run-action.js'
import type { StandIn } from '../local/src/stand-in.js'
import { FORTE } from './support/braket-devices.js'
import { follow, unexpectedStderr } from './support/follow-fixtures.js'
import { useStandIn } from './support/stand-in-fixture.js'

let standIn: StandIn
let workspace: string
useStandIn((fixture) => ({ standIn, workspace } = fixture))
beforeEach(() => {
  standIn.permissions.clear()
  standIn.jobs.spendingLimits.clear()
})

const forte = STAND_IN_RATES.qpus.find((qpu) => qpu.deviceArn === FORTE)!
const perMinute = (instanceType: string) => Number(STAND_IN_RATES.instancePerMinute[instanceType])
const perGbMonth = Number(STAND_IN_RATES.volumePerGbMonth)

/** A job on Forte 1, in its region. */
function onForte(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return follow(standIn, workspace, { inputs: { 'aws-region': 'us-east-1', device: FORTE, experiment: 'cost', ...inputs } })
}

const braketCalls = (operation: string) => standIn.requests.of('braket', operation)

describe('the estimate before submitting', () => {
  it('is the instance part’s worst case, in the plan and as estimated-max-cost-usd', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 100 })
    const run = await follow(standIn, workspace, {
      inputs: { 'instance-count': '2', 'instance-type': 'ml.m5.xlarge', 'volume-size-gb': '50', 'max-runtime-seconds': '7200' }
    })
    expect(run.exitCode).toBe(0)
    const instance = perMinute('ml.m5.xlarge') * 2 * 120
    const volume = ((50 * 2 * 2) / 730) * perGbMonth
    expect(Number(run.outputs['estimated-max-cost-usd'])).toBeCloseTo(instance + volume, 6)
    expect(run.stdout).toMatch(/ {2}worst case +\$0\.9\d+: 2 × ml\.m5\.xlarge for max-runtime-seconds \(2h\) \$0\.9216 \+ 50 GB storage/)
    // Looked up before the source was uploaded.
    const getProducts = standIn.requests.of('pricing', 'GetProducts')
    expect(getProducts.length).toBeGreaterThanOrEqual(2)
    expect(getProducts[0]!.at.getTime()).toBeLessThan(standIn.requests.of('braket', 'CreateJob')[0]!.at.getTime())
  })

  it('in a dry run says it needs credentials, and calls nothing', async () => {
    const run = await follow(standIn, workspace, { inputs: { 'dry-run': 'true', 'max-cost-usd': '5' } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/estimate +needs credentials to read the AWS Price List \(pricing:GetProducts\); a dry run calls nothing/)
    expect(standIn.requests.records).toEqual([])
    expect(run.outputs['estimated-max-cost-usd']).toBeUndefined()
  })

  it('shows the device’s spending limit next to it', async () => {
    standIn.jobs.spendingLimits.set({ deviceArn: FORTE, spendingLimit: 250, earlierTotalSpend: 12.3 })
    standIn.jobs.script({ queuedMs: 20, runningMs: 100 })
    const run = await onForte()
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      / {2}spending limit +\$250\.00 on arn:aws:braket:us-east-1::device\/qpu\/ionq\/Forte-1 until \S+: \$12\.30 spent/
    )
  })
})

describe('max-cost-usd', () => {
  it('with wait, cancels the job exactly once when its running cost reaches the cap, and fails with the breakdown', async () => {
    const task = Number(forte.perTask) + Number(forte.perShot) * 100
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 8000,
      quantumTasks: Array.from({ length: 6 }, (_, index) => ({ atMs: 50 + index * 400, shots: 100, runningMs: 60 }))
    })
    const cap = task * 2.5
    const run = await onForte({ 'max-cost-usd': cap.toFixed(2) })
    expect(unexpectedStderr(run.stderr)).toBe('')
    expect(run.exitCode).toBe(1)
    expect(braketCalls('CancelJob')).toHaveLength(1)
    expect(run.outputs.status).toBe('CANCELLED')
    expect(run.stdout).toMatch(/The estimated cost so far, \$\d+\.\d\d, reached max-cost-usd \(\$\d+\.\d\d\): cancelling arn:aws:braket/)
    expect(run.stdout).toMatch(/::error::Job \S+ was cancelled by this action: its estimated cost reached max-cost-usd/)
    const failure = run.stdout.split('\n').find((line) => line.startsWith(`::error::max-cost-usd ($${cap.toFixed(2)}) was reached`))
    expect(failure).toContain('the job cancelled. Estimated cost from list prices: $')
    expect(failure).toMatch(/; the AWS bill is authoritative\. Instance time: \$[\d.]+; Job storage: \$[\d.]+; arn:aws:braket:us-east-1::/)
    expect(failure).toMatch(/device\/qpu\/ionq\/Forte-1: (\d) of \1 tasks charged, \d00 shots: \$\d+\.\d\d\.$/)
    // The job stopped at the cap: the tasks it had created by the cancel, and no more.
    const created = JSON.parse(run.outputs['quantum-tasks']!).total as number
    expect(created).toBeGreaterThanOrEqual(3)
    expect(created).toBeLessThan(6)
  })

  it('without wait, refuses before any upload when the instance time alone may exceed it, naming a runtime that fits', async () => {
    const inputs = { wait: 'false', 'max-cost-usd': '0.50', 'max-runtime-seconds': '86400' }
    const run = await follow(standIn, workspace, { inputs })
    expect(run.exitCode).toBe(1)
    const perSecond = perMinute('ml.m5.large') / 60 + (30 / 730 / 3600) * perGbMonth
    const fits = Math.floor(0.5 / perSecond)
    expect(run.stdout).toContain(
      `::error::max-cost-usd ($0.50) is below what the instance time alone may cost: $${(perSecond * 86400).toFixed(2)} for 1 × ` +
        `ml.m5.large running max-runtime-seconds (86400) with 30 GB of storage. Without wait the action cannot stop the job at ` +
        `the cap: set max-runtime-seconds to at most ${fits}`
    )
    expect(standIn.requests.of('s3', 'PutObject')).toEqual([])
    expect(braketCalls('CreateJob')).toEqual([])
  })

  it('without wait and within the cap, submits and warns that quantum tasks are not covered', async () => {
    standIn.jobs.script({ queuedMs: 20, runningMs: 100 })
    const run = await follow(standIn, workspace, { inputs: { wait: 'false', 'max-cost-usd': '0.50', 'max-runtime-seconds': '3600' } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning title=max-cost-usd::max-cost-usd \(\$0\.50\) covers the instance time .* but not the job's quantum tasks/
    )
    expect(braketCalls('CreateJob')).toHaveLength(1)
  })
})

describe('when the Price List API is denied', () => {
  it('a set cap fails closed before submitting, naming the permission', async () => {
    standIn.permissions.deny('pricing:GetProducts')
    const run = await follow(standIn, workspace, { inputs: { 'max-cost-usd': '5' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error::max-cost-usd is set \(\$5\.00\), but the job's rates could not be read: the AWS Price List API refused pricing:GetProducts /
    )
    expect(run.stdout).toMatch(
      /nothing was uploaded and no job was created\. Allow pricing:GetProducts in the role's policy, or remove max-cost-usd\./
    )
    expect(braketCalls('CreateJob')).toEqual([])
    expect(standIn.requests.of('s3', 'PutObject')).toEqual([])
  })

  it('without a cap the job runs, and the cost is unknown with the reason, never $0', async () => {
    standIn.permissions.deny('pricing:GetProducts')
    standIn.jobs.script({ queuedMs: 20, runningMs: 100 })
    const run = await follow(standIn, workspace)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['estimated-max-cost-usd']).toBeUndefined()
    expect(run.outputs['cost-usd']).toBeUndefined()
    expect(run.stdout).toMatch(/worst case +unknown: the AWS Price List API refused pricing:GetProducts/)
    expect(run.stdout).toMatch(/cost +Instance time: unknown \(the AWS Price List API refused pricing:GetProducts/)
    expect(run.stdout).not.toMatch(/\$0\.00/)
  })
})

describe('the job’s quantum tasks and its cost', () => {
  it('are counted by status and device, and cost what the stand-in’s rates make by hand', async () => {
    standIn.jobs.script({
      queuedMs: 20,
      runningMs: 700,
      billableDuration: 120_000,
      quantumTasks: [
        { atMs: 20, shots: 100 },
        { atMs: 60, shots: 250 },
        { atMs: 100, shots: 1000, status: 'FAILED', failureReason: 'calibration' }
      ]
    })
    const run = await onForte({ 'instance-count': '2' })
    expect(run.exitCode).toBe(0)
    const tasks = JSON.parse(run.outputs['quantum-tasks']!)
    expect(tasks).toMatchObject({
      total: 3,
      byStatus: { COMPLETED: 2, FAILED: 1 },
      byDevice: { [FORTE]: { tasks: 3, shots: 1350 } },
      shots: 1350
    })
    expect(tasks.failedArns).toHaveLength(1)
    // By hand: 2 instances × 2 billable minutes; 30 GB each for 2 minutes of a 730-hour month; two COMPLETED tasks, the FAILED one free.
    const instance = 2 * 2 * perMinute('ml.m5.large')
    const volume = 30 * 2 * (2 / 60 / 730) * perGbMonth
    const quantum = 2 * Number(forte.perTask) + (100 + 250) * Number(forte.perShot)
    expect(Number(run.outputs['cost-usd'])).toBeCloseTo(instance + volume + quantum, 6)
    expect(run.stdout).toMatch(/quantum tasks +3 \(2 COMPLETED, 1 FAILED\), 1350 shots/)
    expect(run.stdout).toContain(`failed task      ${tasks.failedArns[0]}`)
    // The summary: the breakdown labelled an estimate from list prices, and the tasks by device with the failed one.
    expect(run.summary).toContain('| Instance time | 2 × ml.m5.large, billable 2m | $')
    expect(run.summary).toContain(`| <code>${FORTE}</code> | 3 tasks (2 charged), 350 shots | $`)
    expect(run.summary).toContain('Estimates from AWS list prices (the AWS Price List); the AWS bill is authoritative.')
    expect(run.summary).toContain(`| <code>${FORTE}</code> | 3 | 1350 | 2 COMPLETED, 1 FAILED |`)
    expect(run.summary).toContain(`- <code>${tasks.failedArns[0]}</code>`)
  })
})
