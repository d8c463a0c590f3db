// The fault matrix (npm run test:faults): every call a clean run of the action
// makes, taken from the stand-in's request log, × every fault kind (throttled, a
// 500, the connection reset before the request, the answer lost after the request
// took effect) × once or for good. Each case runs the bundled action as its own
// process against a stand-in of its own. The suite fails when a case creates two
// jobs, leaves a multipart upload open, succeeds without a job, or fails without
// naming the call that failed.
import { describe, expect, it } from '@jest/globals'
import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3'
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { githubEnv, runAction } from '../../local/src/run-action.js'
import { start, STATIC_CREDENTIALS, type FaultKind, type StandIn } from '../../local/src/stand-in.js'
import type { JobScript } from '../../local/src/braket/jobs.js'
import { tarGz } from '../support/tar-gz.js'
import { exampleWorkspace } from '../support/workspace.js'
import { errorLines } from '../support/workflow-commands.js'

const KINDS: readonly FaultKind[] = ['throttle', 'error', 'reset', 'commit-then-drop']
const KIND_LABELS: Record<string, string> = {
  throttle: 'throttled',
  error: '500',
  reset: 'reset before',
  'commit-then-drop': 'answer lost'
}
const FOR_GOOD = 10_000
const CONCURRENCY = Number(process.env.FAULTS_CONCURRENCY ?? Math.max(4, availableParallelism() * 3))

interface Profile {
  name: string
  inputs: Record<string, string>
  env?: Record<string, string>
  script: JobScript
}

interface Call {
  service: string
  operation: string
}

interface Case {
  profile: Profile
  call: Call
  kind: FaultKind
  times: number
}

interface CaseResult {
  case: Case
  exitCode: number | null
  jobs: number
  openUploads: number
  /** The failure's text as the step log shows it (the last ::error). */
  message: string
  /** Whether the fault was injected at all. */
  reached: boolean
  seconds: number
}

const baseInputs = {
  'aws-region': 'us-west-2',
  'role-to-assume': 'arn:aws:iam::123456789012:role/github-braket-submit',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole',
  device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  'source-dir': 'algorithms/vqe',
  'entry-point': 'vqe.main:run',
  hyperparameters: 'shots: 100',
  // 9 MiB: uploaded in parts (lib-storage's parts are 8 MiB), besides the source archive's single PutObject.
  'input-data': 'training: data'
}

async function profiles(): Promise<Profile[]> {
  const results = await tarGz([{ name: 'results.json', content: '{"energy": -1.13}' }])
  return [
    // Submit only (wait: false, the default): the calls every step makes.
    { name: 'submit', inputs: baseInputs, script: { queuedMs: 60_000 } },
    // Following the job to its end: status, logs, results.
    {
      name: 'follow',
      inputs: { ...baseInputs, wait: 'true', 'download-results': 'results' },
      env: { BRAKET_ACTION_POLL_INTERVAL_MS: '20,100' },
      script: { queuedMs: 50, runningMs: 400, logs: [{ atMs: 10, message: 'iteration 1 cost=-1.1' }], results }
    }
  ]
}

async function matrixWorkspace(): Promise<string> {
  const workspace = await exampleWorkspace()
  await mkdir(join(workspace, 'data'))
  await writeFile(join(workspace, 'data', 'big.bin'), Buffer.alloc(9 * 1024 * 1024, 'braket'))
  await writeFile(join(workspace, 'data', 'small.txt'), 'a small file\n')
  return workspace
}

/** Multipart uploads still open in any bucket: each one is storage someone pays for. */
async function openUploads(standIn: StandIn): Promise<number> {
  const s3 = new S3Client({
    region: 'us-west-2',
    endpoint: standIn.endpoints.s3,
    forcePathStyle: true,
    credentials: { accessKeyId: STATIC_CREDENTIALS.accessKeyId, secretAccessKey: STATIC_CREDENTIALS.secretAccessKey }
  })
  try {
    let open = 0
    for (const bucket of standIn.objects.listBuckets()) {
      const listing = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket.name }))
      open += listing.Uploads?.length ?? 0
    }
    return open
  } finally {
    s3.destroy()
  }
}

let caseNumber = 0

async function runCase(workspace: string, profile: Profile, fault?: Omit<Case, 'profile'>): Promise<{ result: CaseResult; calls: Call[] }> {
  const standIn = await start()
  const runId = String(8000 + ++caseNumber)
  const begun = Date.now()
  try {
    standIn.jobs.setDefaultScript(profile.script)
    if (fault)
      standIn.faults.add({ service: fault.call.service as 's3', operation: fault.call.operation, kind: fault.kind, times: fault.times })
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...endpoints } = standIn.env
    const github = githubEnv({ GITHUB_RUN_ID: runId })
    const run = await runAction({
      workspace,
      inputs: { ...profile.inputs, ...(profile.inputs['download-results'] ? { 'download-results': `results/${runId}` } : {}) },
      env: { ...github, ...endpoints, ACTIONS_ID_TOKEN_REQUEST_TOKEN: standIn.oidc.issueRequestToken(github), ...profile.env },
      timeoutMs: 240_000
    })
    const calls = standIn.requests.records.map((r) => ({ service: r.service, operation: r.operation }))
    const reached = !fault || standIn.requests.of(fault.call.service as 's3', fault.call.operation).some((r) => r.fault === fault.kind)
    // The count of open uploads below calls S3 too (ListMultipartUploads, itself a call of the run): faults end with the step.
    standIn.faults.clear()
    const result: CaseResult = {
      case: { profile, ...(fault ?? { call: { service: '-', operation: 'none' }, kind: 'latency', times: 0 }) },
      exitCode: run.exitCode,
      jobs: standIn.jobs.all().length,
      openUploads: await openUploads(standIn),
      message: errorLines(run.stdout).at(-1) ?? '',
      reached,
      seconds: (Date.now() - begun) / 1000
    }
    return { result, calls }
  } finally {
    await standIn.stop()
  }
}

/** The calls of a clean run, each once, in the order they were first made. */
function distinctCalls(calls: readonly Call[]): Call[] {
  const seen = new Map<string, Call>()
  for (const call of calls) seen.set(`${call.service} ${call.operation}`, seen.get(`${call.service} ${call.operation}`) ?? call)
  return [...seen.values()]
}

async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function outcomeOf(result: CaseResult): string {
  const { exitCode, jobs } = result
  if (jobs > 1) return 'TWO JOBS'
  if (exitCode === 0) return jobs === 1 ? 'one job' : 'SUCCESS WITHOUT A JOB'
  return jobs === 1 ? 'clean failure, job created' : 'clean failure'
}

/** What makes a case fail the suite. */
function problemsOf(result: CaseResult): string[] {
  const problems: string[] = []
  const { call } = result.case
  if (result.jobs > 1) problems.push(`${result.jobs} jobs`)
  if (result.openUploads > 0) problems.push(`${result.openUploads} multipart upload(s) left open`)
  if (result.exitCode === 0 && result.jobs === 0) problems.push('succeeded without a job')
  if (result.exitCode !== 0 && !result.message.toLowerCase().includes(call.operation.toLowerCase()))
    problems.push(`failed without naming ${call.operation}: ${result.message.slice(0, 200) || '(no ::error line)'}`)
  if (!result.reached) problems.push('the fault was never injected: the case tested nothing')
  return problems
}

function printTable(results: readonly CaseResult[], seconds: number): void {
  const rows = results.map((r) => [
    r.case.profile.name,
    `${r.case.call.service} ${r.case.call.operation}`,
    KIND_LABELS[r.case.kind] ?? r.case.kind,
    r.case.times === 1 ? 'once' : 'for good',
    problemsOf(r).length > 0 ? `${outcomeOf(r)} ✗` : outcomeOf(r),
    String(r.jobs),
    String(r.openUploads),
    r.seconds.toFixed(1),
    r.message.split('\n')[0]!.slice(0, 110)
  ])
  const header = ['profile', 'call', 'fault', 'times', 'outcome', 'jobs', 'open uploads', 's', 'message (first line)']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  const counts = new Map<string, number>()
  for (const r of results) counts.set(outcomeOf(r), (counts.get(outcomeOf(r)) ?? 0) + 1)
  const text = [
    '',
    `Fault matrix: ${results.length} cases in ${seconds.toFixed(0)} s (${CONCURRENCY} at a time)`,
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `Outcomes: ${[...counts].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}; ` +
      `failing cases: ${results.filter((r) => problemsOf(r).length > 0).length}`,
    ''
  ]
  process.stdout.write(`${text.join('\n')}\n`)
}

describe('the fault matrix', () => {
  it('every call × fault kind × once or for good: one job or a failure naming its call; never two jobs, never an open upload', async () => {
    const begun = Date.now()
    const workspace = await matrixWorkspace()
    const cases: Case[] = []
    const covered = new Set<string>()
    for (const profile of await profiles()) {
      const clean = await runCase(workspace, profile)
      expect(clean.result.exitCode).toBe(0)
      expect(clean.result.jobs).toBe(1)
      // Each call is faulted in the first profile that makes it.
      for (const call of distinctCalls(clean.calls)) {
        const key = `${call.service} ${call.operation}`
        if (covered.has(key)) continue
        covered.add(key)
        for (const kind of KINDS) for (const times of [1, FOR_GOOD]) cases.push({ profile, call, kind, times })
      }
    }
    if (process.env.FAULTS_ONLY) {
      const only = new RegExp(process.env.FAULTS_ONLY)
      cases.splice(0, cases.length, ...cases.filter((c) => only.test(`${c.call.service} ${c.call.operation} ${c.kind} ${c.times}`)))
    }
    // The longest cases (throttled for good: the SDK's slowest back-off) first, so the pool ends together.
    const order = [...cases].sort((a, b) => Number(b.kind === 'throttle' && b.times > 1) - Number(a.kind === 'throttle' && a.times > 1))
    const results = await inParallel(order, CONCURRENCY, async (c) => {
      const { result } = await runCase(workspace, c.profile, c)
      if (process.env.FAULTS_PROGRESS)
        process.stdout.write(`${c.call.service} ${c.call.operation} ${c.kind} ×${c.times}: ${outcomeOf(result)} ${result.seconds}s\n`)
      return result
    })
    const sorted = cases.map((c) => results[order.indexOf(c)]!)
    printTable(sorted, (Date.now() - begun) / 1000)

    if (!process.env.FAULTS_ONLY) expect(cases.length).toBeGreaterThanOrEqual(96)
    const failing = sorted
      .filter((r) => problemsOf(r).length > 0)
      .map((r) => `${r.case.call.service} ${r.case.call.operation} ${r.case.kind} ×${r.case.times}: ${problemsOf(r).join('; ')}`)
    expect(failing).toEqual([])
  }, 540_000)
})
