// Reports of sample runs, built the way the action builds them (submission report, then
// the followed job's end), for the report tests and for `npm run render-report`, which
// draws the same runs as a reviewer sees them.
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'
import type { PackagedSource } from '../../src/archive/types.js'
import type { DeviceSummary } from '../../src/aws/braket-submission.js'
import { reportFollowedJob, type FollowReport } from '../../src/follow/follow-report.js'
import { verdictOf, type FollowOutcome } from '../../src/follow/follow-outcome.js'
import { MetricCollector, type MetricBaseline, type SeriesPoint } from '../../src/follow/metric-series.js'
import { buildJobSpec } from '../../src/inputs/job-spec.js'
import { jobConsoleUrl } from '../../src/report/console-url.js'
import type { JobReport } from '../../src/report/job-report.js'
import { jsonPreview } from '../../src/report/json-preview.js'
import { runReference } from '../../src/report/run-reference.js'
import { submissionReport, type SubmissionOutputs } from '../../src/report/submission-report.js'
import { fakeCheckout, rawInputs, runIdentity } from './inputs.js'

export const RUN_ID = '1796136015909'
export const RUN_NUMBER = '17'
/** The commit the reviewer pushed, and the merge commit GitHub tests a pull_request with (GITHUB_SHA). */
export const HEAD_SHA = '5e1f0c2b9a7d4e3f8c6b1a0d9e8f7a6b5c4d3e2f'
export const MERGE_SHA = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b'
export const PULL_REQUEST = 42
/** Where download-results put the files on the runner: no reader of the report can open it. */
export const RUNNER_RESULTS_DIR = '/home/runner/work/_temp/braket-results'
const STARTED = Date.UTC(2026, 11, 1, 14, 38, 2)

/** A VQE-like curve: falling fast, then settling, with a little deterministic noise. */
export function energyCurve(iterations: number, options: { missing?: number[]; shift?: number } = {}): SeriesPoint[] {
  const missing = new Set(options.missing ?? [])
  return Array.from({ length: iterations }, (_, x) => x)
    .filter((x) => !missing.has(x))
    .map((x) => ({ x, y: -1.1372838 + 1.6 * Math.exp(-x / (iterations / 5)) + 0.013 * Math.sin(x * 1.7) + (options.shift ?? 0) }))
}

export interface SampleRun {
  kind: 'completed' | 'failed' | 'not-waited'
  event?: 'pull_request' | 'push'
  /** Metric name → its points (x = iteration). */
  series?: Record<string, readonly SeriesPoint[]>
  /** results.json's content. */
  results?: unknown
  baseline?: MetricBaseline
  lastLines?: string[]
  failureReason?: string
  jobName?: string
  hyperparameters?: string
  attempt?: number
}

const device: DeviceSummary = {
  deviceArn: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
  deviceName: 'SV1',
  providerName: 'Amazon Braket',
  deviceType: 'SIMULATOR',
  deviceStatus: 'ONLINE'
}

const SOURCE_DIGEST = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea'
const source: PackagedSource = {
  fileName: 'source.tar.gz',
  sha256: SOURCE_DIGEST,
  sizeBytes: 2_150,
  fileCount: 3,
  rootName: 'vqe',
  skipped: [],
  compressionType: 'GZIP',
  content: { kind: 'archive', manifest: { entries: [], digest: SOURCE_DIGEST, fileCount: 3, contentBytes: 2_150 } }
}

function followedJob(run: SampleRun, outputs: SubmissionOutputs): FollowReport {
  const status = run.kind === 'failed' ? 'FAILED' : 'COMPLETED'
  const seconds = run.kind === 'failed' ? 41 : 163
  const job = {
    status,
    createdAt: new Date(STARTED - 4_000),
    startedAt: new Date(STARTED),
    endedAt: new Date(STARTED + seconds * 1000),
    billableDuration: seconds * 1000,
    ...(run.kind === 'failed' ? { failureReason: run.failureReason ?? 'AlgorithmError: ValueError: the ansatz needs 4 qubits' } : {}),
    outputDataConfig: { s3Path: outputs['output-s3-path'] }
  } as GetJobCommandOutput
  const outcome: FollowOutcome = {
    jobArn: outputs['job-arn'],
    jobName: outputs['job-name'],
    consoleUrl: outputs['console-url'],
    job,
    end: 'job-ended',
    waitTimeoutMinutes: 340,
    cancelOnWorkflowCancel: true
  }
  const now = STARTED + (seconds + 9) * 1000
  const metrics = new MetricCollector()
  for (const [name, points] of Object.entries(run.series ?? {}))
    metrics.add(points.map((point) => ({ name, value: point.y, iteration: point.x })))
  const results =
    run.results !== undefined && run.kind === 'completed'
      ? {
          s3Uri: `${outputs['output-s3-path']}/output/model.tar.gz`,
          dir: RUNNER_RESULTS_DIR,
          files: ['results.json', 'plots/energy.csv'],
          skipped: [],
          resultsPreview: jsonPreview(JSON.stringify(run.results))
        }
      : undefined
  return {
    outcome,
    verdict: verdictOf(outcome, now),
    metrics,
    ...(results ? { results } : { resultsNote: run.kind === 'failed' ? `not downloaded: the job is ${status}` : undefined }),
    lastLines: run.lastLines ?? [],
    outputS3Path: outputs['output-s3-path'],
    now
  }
}

/** The report of a sample run, as the action completes it; `followed` when the step waited. */
export function sampleReport(run: SampleRun): { report: JobReport; followed?: FollowReport } {
  const pullRequest = (run.event ?? 'pull_request') === 'pull_request'
  const identity = runIdentity({
    runId: RUN_ID,
    runAttempt: run.attempt ?? 1,
    eventName: pullRequest ? 'pull_request' : 'push',
    sha: pullRequest ? MERGE_SHA : HEAD_SHA,
    ref: pullRequest ? `refs/pull/${PULL_REQUEST}/merge` : 'refs/heads/main'
  })
  const payload = pullRequest ? { pull_request: { number: PULL_REQUEST, head: { sha: HEAD_SHA } } } : {}
  const spec = buildJobSpec(
    rawInputs({
      hyperparameters: run.hyperparameters ?? 'shots: 1000\nlearning_rate: 0.2',
      wait: run.kind === 'not-waited' ? 'false' : 'true',
      ...(run.kind === 'not-waited' ? {} : { 'download-results': 'results' })
    }),
    identity,
    {},
    fakeCheckout()
  )
  const jobName = run.jobName ?? 'quantum-lab-experiments-17-5e1f0c2'
  const outputs: SubmissionOutputs = {
    'job-arn': `arn:aws:braket:us-west-2:123456789012:job/${jobName}`,
    'job-name': jobName,
    'client-token': 'braket-3b8c0d9e2f1a4b5c6d7e8f90a1b2c3d4',
    'source-s3-uri': `s3://amazon-braket-us-west-2-123456789012/jobs/sources/${source.sha256}/source.tar.gz`,
    'output-s3-path': `s3://amazon-braket-us-west-2-123456789012/jobs/${jobName}/data`,
    'console-url': jobConsoleUrl('us-west-2', `arn:aws:braket:us-west-2:123456789012:job/${jobName}`),
    status: 'QUEUED'
  }
  const reference = runReference(identity, { GITHUB_RUN_NUMBER: RUN_NUMBER }, payload)
  const report = submissionReport(spec, source, outputs, reference, STARTED - 5_000, device)
  if (run.baseline) report.overlayBaseline(run.baseline)
  if (run.kind === 'not-waited') return { report }
  const followed = followedJob(run, outputs)
  reportFollowedJob(report, followed)
  return { report, followed }
}

/** The runs `npm run render-report` draws and the report tests check. */
export const SAMPLE_RUNS: Record<string, SampleRun> = {
  completed: {
    kind: 'completed',
    series: {
      cost: energyCurve(3),
      energy: energyCurve(12),
      expectation_value_of_the_hamiltonian_on_qubits_zero_through_seven: energyCurve(100, { missing: [41] })
    },
    results: { energy: -1.1372838344885023, theta: [-2.6444999999999994, 0.9724999999999999], history: energyCurve(100).map((p) => p.y) }
  },
  'completed-with-baseline': {
    kind: 'completed',
    series: { energy: energyCurve(12), loss: energyCurve(100, { missing: [41] }) },
    baseline: {
      label: 'main, run #16',
      series: { energy: energyCurve(12, { shift: 0.08 }), loss: energyCurve(60, { shift: 0.05 }) }
    },
    results: { energy: -1.1372838344885023 }
  },
  failed: {
    kind: 'failed',
    series: { cost: energyCurve(3) },
    failureReason: 'AlgorithmError: ValueError: the ansatz needs 4 qubits, the device has 2',
    lastLines: ['Traceback (most recent call last):', '  File "vqe/main.py", line 12, in run', 'ValueError: the ansatz needs 4 qubits']
  },
  'not-waited': { kind: 'not-waited' }
}
