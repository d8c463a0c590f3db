// baseline-ref, metric-goals, max-regression-percent: what this run is compared
// with, which way each metric should move, and how much worse fails the step.
import type { RawInputs } from './action-inputs.js'
import { parseStringMap, shownValue, type Report } from './parse-input.js'

export type MetricGoal = 'min' | 'max'

export interface ComparisonSpec {
  /** The branch whose runs this run is compared with, overriding the event's choice. */
  baselineRef?: string
  /** By metric name: whether lower (min) or higher (max) is better. */
  goals: Record<string, MetricGoal>
  /** Fail the step when a goal metric's final value is worse than the baseline's by more than this percentage. */
  maxRegressionPercent?: number
}

/** Metric names as the job's log carries them (`name=value;`). */
const METRIC_NAME = /^\w{1,100}$/
const MAX_GOALS = 50
const MAX_REF_LENGTH = 255

export function readComparisonSection(raw: RawInputs, wait: boolean, report: Report): ComparisonSpec {
  const baselineRef = readBaselineRef(raw['baseline-ref'], report)
  const goals = readGoals(raw['metric-goals'], report)
  const maxRegressionPercent = readMaxRegression(raw['max-regression-percent'], report)
  if (maxRegressionPercent !== undefined && Object.keys(goals).length === 0)
    report({
      input: 'max-regression-percent',
      message:
        'is set, but metric-goals is empty: a regression needs a direction. Add metric-goals, such as "energy: min", naming the ' +
        'metrics whose final value may not get worse.'
    })
  if (maxRegressionPercent !== undefined && !wait)
    report({
      input: 'max-regression-percent',
      message: 'is set, but wait is false: set wait: true, since a regression is known only once the job has ended.'
    })
  return { ...(baselineRef ? { baselineRef } : {}), goals, ...(maxRegressionPercent !== undefined ? { maxRegressionPercent } : {}) }
}

/** A branch name as git allows it (git check-ref-format), `refs/heads/` optional. */
function readBaselineRef(text: string, report: Report): string | undefined {
  if (text === '') return undefined
  const branch = text.replace(/^refs\/heads\//, '')
  const broken =
    // eslint-disable-next-line no-control-regex -- control characters are what git refuses
    /[\u0000-\u0020\u007f~^:?*[\\]/.test(branch) ||
    branch.includes('..') ||
    branch.includes('@{') ||
    branch.includes('//') ||
    /^[/.-]|[/.]$|\.lock$/.test(branch) ||
    branch === '@'
  if (broken || branch.length > MAX_REF_LENGTH) {
    report({
      input: 'baseline-ref',
      message:
        `${shownValue(text)} is not a branch name: give a branch as git names it (e.g. main or release/2.x), at most ` +
        `${MAX_REF_LENGTH} characters, without spaces, control characters, ~ ^ : ? * [ \\, "..", "@{" or a leading "-".`
    })
    return undefined
  }
  return branch
}

function readGoals(text: string, report: Report): Record<string, MetricGoal> {
  const entries = Object.entries(parseStringMap('metric-goals', text, report))
  if (entries.length > MAX_GOALS) report({ input: 'metric-goals', message: `has ${entries.length} entries; give at most ${MAX_GOALS}.` })
  const goals: Record<string, MetricGoal> = {}
  for (const [name, value] of entries) {
    if (!METRIC_NAME.test(name)) {
      report({
        input: 'metric-goals',
        message:
          `${shownValue(name)} is not a metric name: metrics are logged as name=value with names of letters, digits and ` +
          `underscores (at most 100), such as energy or accuracy.`
      })
      continue
    }
    const goal = value.trim().toLowerCase()
    if (goal === 'min' || goal === 'max') goals[name] = goal
    else
      report({
        input: 'metric-goals',
        message: `the goal of ${shownValue(name)} is ${shownValue(value)}: give min (lower is better) or max (higher is better).`
      })
  }
  return goals
}

function readMaxRegression(text: string, report: Report): number | undefined {
  if (text === '') return undefined
  const value = Number(text)
  if (/^\d+(\.\d+)?$/.test(text) && value <= 1_000_000) return value
  report({
    input: 'max-regression-percent',
    message:
      `${shownValue(text)} is not allowed: give a percentage of 0 or more, fractions allowed (e.g. 5 or 2.5), or leave it empty ` +
      `to never fail on a regression.`
  })
  return undefined
}
