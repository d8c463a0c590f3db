// max-cost-usd: the most the job may cost, by list prices, before the action stops it.
import type { RawInputs } from './action-inputs.js'
import { shownValue, type Report } from './parse-input.js'

/** A cap beyond this is a typo, not a budget. */
const MAX_CAP_USD = 1_000_000

export function readMaxCost(raw: RawInputs, report: Report): number | undefined {
  const text = raw['max-cost-usd']
  if (text === '') return undefined
  const value = Number(text)
  if (/^\d+(\.\d{1,4})?$/.test(text) && value > 0 && value <= MAX_CAP_USD) return value
  report({
    input: 'max-cost-usd',
    message:
      `${shownValue(text)} is not allowed: give an amount in US dollars above 0 and at most ${MAX_CAP_USD}, without a currency ` +
      `sign (e.g. 25 or 12.50), or leave it empty for no cap.`
  })
  return undefined
}
