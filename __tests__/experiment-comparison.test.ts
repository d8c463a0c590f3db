// The pure parts of experiments: which branch a run is about and is compared with,
// record names that sort newest first, records read back with suspicion, and the
// comparison's numbers, verdicts, output and Markdown.
import { describe, expect, it } from '@jest/globals'
import { compareMetric, compareRuns } from '../src/experiment/comparison.js'
import { comparisonMarkdown, noBaselineMarkdown } from '../src/experiment/comparison-markdown.js'
import { comparisonOutput } from '../src/experiment/comparison-output.js'
import { percentText } from '../src/experiment/comparison-text.js'
import { parseRecord, RECORD_SCHEMA, RECORD_SCHEMA_VERSION, type ExperimentRecord } from '../src/experiment/record.js'
import { isRecordKey, recordKey, refFolder } from '../src/experiment/record-keys.js'
import { chooseBaseline, runSubject } from '../src/experiment/run-subject.js'
import { runIdentity } from './support/inputs.js'

function record(overrides: Partial<ExperimentRecord> = {}, metrics: Record<string, number[]> = {}): ExperimentRecord {
  const final = Object.fromEntries(Object.entries(metrics).map(([name, values]) => [name, values.at(-1)!]))
  const range = Object.fromEntries(
    Object.entries(metrics).map(([name, values]) => [name, { min: Math.min(...values), max: Math.max(...values) }])
  )
  return {
    schema: RECORD_SCHEMA,
    schemaVersion: RECORD_SCHEMA_VERSION,
    experiment: 'vqe',
    repository: 'octo/quantum-lab',
    ref: 'main',
    branch: 'main',
    sha: 'a'.repeat(40),
    run: { id: '16', attempt: 1, url: 'https://github.com/octo/quantum-lab/actions/runs/16', event: 'push', workflow: 'experiments' },
    job: {
      arn: 'arn:aws:braket:us-west-2:123456789012:job/base',
      name: 'quantum-lab-16-aaaa',
      consoleUrl: 'https://us-west-2.console.aws.amazon.com/braket/home?region=us-west-2#/jobs/base',
      device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
      instanceType: 'ml.m5.large',
      instanceCount: 1,
      volumeSizeGb: 30,
      maxRuntimeSeconds: 3600,
      hyperParameters: { shots: '1000', seed: '7' },
      image: 'base'
    },
    status: 'COMPLETED',
    submittedAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:01:00.000Z',
    endedAt: '2026-01-01T00:05:10.000Z',
    billableDurationMs: 250_000,
    metrics: { final, range, series: [] },
    ...overrides
  }
}

describe('the branch a run is about, and its baseline', () => {
  const pr = runIdentity({ eventName: 'pull_request', ref: 'refs/pull/7/merge', sha: 'c'.repeat(40) })
  const payload = { pull_request: { head: { ref: 'feature/x', sha: 'b'.repeat(40) }, base: { ref: 'main' } } }

  it("is a pull request's head branch and head commit, compared with its base branch", () => {
    expect(runSubject(pr, {}, payload)).toEqual({ branch: 'feature/x', ref: 'feature-x', sha: 'b'.repeat(40) })
    expect(runSubject(pr, { GITHUB_HEAD_REF: 'from-env' }, {})).toMatchObject({ branch: 'from-env', sha: 'c'.repeat(40) })
    expect(chooseBaseline(pr, runSubject(pr, {}, payload), {}, payload, undefined)).toMatchObject({ branch: 'main', ref: 'main' })
  })

  it('is the pushed branch on push, compared with its own previous run; the default branch otherwise; baseline-ref wins', () => {
    const push = runIdentity({ ref: 'refs/heads/release/2.x' })
    const subject = runSubject(push, {}, {})
    expect(subject).toEqual({ branch: 'release/2.x', ref: 'release-2.x', sha: 'a'.repeat(40) })
    expect(chooseBaseline(push, subject, {}, {}, undefined)).toMatchObject({ branch: 'release/2.x' })
    const dispatch = runIdentity({ eventName: 'workflow_dispatch', ref: 'refs/heads/tuning' })
    const repository = { repository: { default_branch: 'trunk' } }
    expect(chooseBaseline(dispatch, runSubject(dispatch, {}, {}), {}, repository, undefined)).toMatchObject({ branch: 'trunk' })
    expect(chooseBaseline(dispatch, runSubject(dispatch, {}, {}), {}, {}, undefined)).toBeUndefined()
    expect(chooseBaseline(pr, runSubject(pr, {}, payload), {}, payload, 'release/2.x')).toMatchObject({ why: 'baseline-ref' })
  })
})

describe('record names and records read back', () => {
  it('sort newest first, however many digits the times have', () => {
    const folder = refFolder('jobs', 'vqe', 'main')
    const keys = [Date.parse('2024-03-01T00:00:00Z'), Date.parse('2026-01-01T00:00:00Z'), Date.parse('2025-07-04T12:00:00Z')].map((at) =>
      recordKey(folder, at, '100', 1)
    )
    expect([...keys].sort()).toEqual([keys[1], keys[2], keys[0]])
    expect(keys[1]).toBe('jobs/experiments/vqe/main/8232774399999-20260101T000000Z-run100-1.json')
    expect(keys.every((key) => isRecordKey(folder, key))).toBe(true)
    expect(isRecordKey(folder, `${folder}latest-completed.json`)).toBe(false)
  })

  it('are refused when they are not a record of this schema version, or a field has the wrong type', () => {
    expect(parseRecord(JSON.stringify(record()))).toEqual(record())
    expect(parseRecord('{')).toEqual({ problem: 'it is not JSON' })
    expect(parseRecord(JSON.stringify({ ...record(), schemaVersion: 2 }))).toEqual({
      problem: 'its schema version is 2; this action reads version 1'
    })
    const broken = { ...record(), metrics: { final: { energy: 'low' }, range: {}, series: [] } }
    expect(parseRecord(JSON.stringify(broken))).toEqual({ problem: 'a field is missing or of the wrong type' })
  })
})

describe('comparing a run with its baseline', () => {
  it('gives Δ on final values, Δ% of |baseline| ("—" from 0), and verdicts by goal', () => {
    expect(compareMetric('energy', 'min', { final: -1 }, { final: -1.1 })).toMatchObject({ verdict: 'improved' })
    expect(compareMetric('energy', 'min', { final: -1 }, { final: -0.9 })).toMatchObject({ verdict: 'regressed' })
    expect(compareMetric('fidelity', 'max', { final: 0.9 }, { final: 0.95 })).toMatchObject({ verdict: 'improved' })
    expect(compareMetric('fidelity', 'max', { final: 0.9 }, { final: 0.9 })).toMatchObject({ verdict: 'unchanged', delta: 0 })
    expect(compareMetric('loss', undefined, { final: 2 }, { final: 3 })).toEqual({
      name: 'loss',
      baseline: { final: 2 },
      current: { final: 3 },
      delta: 1,
      deltaPercent: 50,
      verdict: 'no-goal'
    })
    const fromZero = compareMetric('error', 'min', { final: 0 }, { final: 0.1 })
    expect(fromZero).toMatchObject({ verdict: 'regressed', worsePercent: Infinity })
    expect(fromZero.deltaPercent).toBeUndefined()
    expect(compareMetric('energy', 'min', { final: -1 }, undefined)).toMatchObject({ verdict: 'missing' })
    expect([percentText(undefined), percentText(-9.999999999999998), percentText(4.54), percentText(0.01)]).toEqual([
      '—',
      '-10%',
      '+4.5%',
      '0%'
    ])
  })

  const baseline = record({}, { energy: [0.1, -1.2, -1.0], accuracy: [0.5, 0.7] })
  const current = record(
    {
      ref: 'feature-x',
      branch: 'feature/x',
      startedAt: '2026-01-02T00:01:00.000Z',
      endedAt: '2026-01-02T00:04:55.000Z',
      billableDurationMs: 235_000,
      job: {
        ...baseline.job,
        arn: 'arn:aws:braket:us-west-2:123456789012:job/pr',
        instanceType: 'ml.m5.xlarge',
        hyperParameters: { shots: '2000', layers: '3' }
      }
    },
    { energy: [0.2, -1.3, -0.9], accuracy: [0.6, 0.8] }
  )
  const comparison = compareRuns(current, baseline, "the pull request's base branch", {
    goals: { energy: 'min' },
    maxRegressionPercent: 5
  })

  it('compares runtime, billable time and settings, and lists regressions beyond the limit', () => {
    expect(comparison.runtimeSeconds).toEqual({ baseline: 250, current: 235, delta: -15, deltaPercent: -6 })
    expect(comparison.billableSeconds).toMatchObject({ baseline: 250, current: 235, delta: -15 })
    expect(comparison.costUsd).toEqual({})
    expect(comparison.differences).toEqual([
      { name: 'instance type', hyperParameter: false, baseline: 'ml.m5.large', current: 'ml.m5.xlarge' },
      { name: 'layers', hyperParameter: true, current: '3' },
      { name: 'seed', hyperParameter: true, baseline: '7' },
      { name: 'shots', hyperParameter: true, baseline: '1000', current: '2000' }
    ])
    const energy = comparison.metrics.find((metric) => metric.name === 'energy')!
    expect(energy).toMatchObject({ baseline: { final: -1, best: -1.2 }, current: { final: -0.9, best: -1.3 }, verdict: 'regressed' })
    expect(comparison.regressions.map((metric) => metric.name)).toEqual(['energy'])
  })

  it('is output as JSON with the baseline, each metric and the regressed ones', () => {
    expect(JSON.parse(comparisonOutput(comparison))).toMatchObject({
      baseline: { ref: 'main', sha: 'a'.repeat(40), jobArn: 'arn:aws:braket:us-west-2:123456789012:job/base' },
      metrics: {
        accuracy: { goal: null, baseline: 0.7, value: 0.8, delta: 0.1, deltaPercent: 14.2857142857, verdict: 'no-goal' },
        energy: { goal: 'min', baseline: -1, value: -0.9, delta: 0.1, deltaPercent: 10, verdict: 'regressed' }
      },
      runtimeSeconds: { baseline: 250, value: 235, delta: -15, deltaPercent: -6 },
      costUsd: { baseline: null, value: null, delta: null, deltaPercent: null },
      differences: [
        { name: 'instance type', baseline: 'ml.m5.large', value: 'ml.m5.xlarge' },
        { name: 'layers', baseline: null, value: '3' },
        { name: 'seed', baseline: '7', value: null },
        { name: 'shots', baseline: '1000', value: '2000' }
      ],
      maxRegressionPercent: 5,
      regressed: ['energy']
    })
  })

  it('is shown as tables a reviewer reads, with untrusted text neutralised', () => {
    const hostile = compareRuns(
      record({ job: { ...current.job, hyperParameters: { '<img src=x>': '`|`' } } }, { energy: [-1] }),
      record({ branch: 'x|<b>@team', run: { ...baseline.run, url: 'javascript:alert(1)' } }, { energy: [-1] }),
      'baseline-ref',
      { goals: {} }
    )
    const markdown = comparisonMarkdown(hostile)
    expect(markdown).not.toMatch(/<img|<b>|javascript:|@team/)
    expect(markdown).toContain('its workflow run ·')
    const shown = comparisonMarkdown(comparison)
    expect(shown).toContain('| energy <sub>min</sub> | -1 (best -1.2) | -0.9 (best -1.3) | +0.1 ❌ | +10% |')
    expect(shown).toContain('| accuracy | 0.7 | 0.8 | +0.1 | +14% |')
    expect(shown).toContain('| Runtime | 4m 10s | 3m 55s | -15s |')
    expect(shown).toContain('<code>shots</code> <code>1000</code> → <code>2000</code>')
    expect(shown).toContain('| energy | lower is better | -1 | -0.9 | 10% |')
    expect(noBaselineMarkdown('no run of experiment vqe on main has completed yet', 'main')).toBe(
      'No baseline to compare with: no run of experiment vqe on main has completed yet. Run this workflow on <code>main</code> (on ' +
        'push, or by hand with <code>workflow_dispatch</code>) with the same experiment name to make one.'
    )
  })
})
