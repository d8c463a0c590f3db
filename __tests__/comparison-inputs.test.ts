// baseline-ref, metric-goals, max-regression-percent and max-cost-usd: parsed into
// the job spec, and every problem named by input, in words.
import { describe, expect, it } from '@jest/globals'
import { buildJobSpec } from '../src/inputs/job-spec.js'
import { fakeCheckout, inputProblems, rawInputs, runIdentity } from './support/inputs.js'

const build = (overrides: Parameters<typeof rawInputs>[0] = {}) => buildJobSpec(rawInputs(overrides), runIdentity(), {}, fakeCheckout())

const problemsOf = (overrides: Parameters<typeof rawInputs>[0]) => inputProblems(() => build(overrides))

describe('comparison inputs', () => {
  it('default to no baseline override, no goals, no regression limit and no cost cap', () => {
    const spec = build()
    expect(spec.comparison).toEqual({ goals: {} })
    expect(spec.maxCostUsd).toBeUndefined()
  })

  it('read goals from YAML or JSON, the regression limit and the baseline branch', () => {
    const spec = build({
      wait: 'true',
      'baseline-ref': 'refs/heads/release/2.x',
      'metric-goals': 'energy: min\naccuracy: MAX\n',
      'max-regression-percent': '2.5'
    })
    expect(spec.comparison).toEqual({ baselineRef: 'release/2.x', goals: { energy: 'min', accuracy: 'max' }, maxRegressionPercent: 2.5 })
    expect(build({ 'metric-goals': '{"cost": "min"}' }).comparison.goals).toEqual({ cost: 'min' })
    expect(build({ wait: 'true', 'metric-goals': 'cost: min', 'max-regression-percent': '0' }).comparison.maxRegressionPercent).toBe(0)
  })

  it('name the input, what is wrong and what is allowed', () => {
    expect(problemsOf({ 'metric-goals': 'energy: lower' })).toEqual([
      'Input "metric-goals": the goal of "energy" is "lower": give min (lower is better) or max (higher is better).'
    ])
    expect(problemsOf({ 'metric-goals': '"total cost": min' })[0]).toMatch(
      /^Input "metric-goals": "total cost" is not a metric name: metrics are logged as name=value with names of letters/
    )
    expect(problemsOf({ 'metric-goals': '- energy' })[0]).toMatch(/^Input "metric-goals" is not a mapping/)
    expect(problemsOf({ wait: 'true', 'metric-goals': 'e: min', 'max-regression-percent': '-3' })).toEqual([
      'Input "max-regression-percent": "-3" is not allowed: give a percentage of 0 or more, fractions allowed (e.g. 5 or 2.5), or leave ' +
        'it empty to never fail on a regression.'
    ])
    expect(problemsOf({ 'baseline-ref': 'feature branch' })[0]).toMatch(/^Input "baseline-ref": "feature branch" is not a branch name/)
    expect(problemsOf({ 'baseline-ref': 'a..b' })).toHaveLength(1)
    expect(problemsOf({ 'baseline-ref': '-x' })).toHaveLength(1)
  })

  it('need goals and wait for a regression limit', () => {
    expect(problemsOf({ wait: 'true', 'max-regression-percent': '5' })).toEqual([
      'Input "max-regression-percent" is set, but metric-goals is empty: a regression needs a direction. Add metric-goals, such as ' +
        '"energy: min", naming the metrics whose final value may not get worse.'
    ])
    expect(problemsOf({ 'metric-goals': 'energy: min', 'max-regression-percent': '5' })).toEqual([
      'Input "max-regression-percent" is set, but wait is false: set wait: true, since a regression is known only once the job has ended.'
    ])
  })
})

describe('max-cost-usd', () => {
  it('is an amount in US dollars', () => {
    expect(build({ 'max-cost-usd': '12.50' }).maxCostUsd).toBe(12.5)
    expect(build({ 'max-cost-usd': '3' }).maxCostUsd).toBe(3)
  })

  it.each(['$5', '0', '-1', '5 USD', '1e3', '0.00001'])('refuses %p, saying what is allowed', (value) => {
    expect(problemsOf({ 'max-cost-usd': value })).toEqual([
      `Input "max-cost-usd": "${value}" is not allowed: give an amount in US dollars above 0 and at most 1000000, without a currency ` +
        'sign (e.g. 25 or 12.50), or leave it empty for no cap.'
    ])
  })
})
