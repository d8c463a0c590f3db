// A device's Braket spending limit (SearchSpendingLimits), to show next to the
// estimate: the limit and what is queued and spent on the device in its period.
// Informational only: a denied call is a debug line, any other failure a
// warning line, and neither changes the step's outcome.
import { SearchSpendingLimitsCommand, type BraketClient } from '@aws-sdk/client-braket'
import { awsCallError } from '../aws/aws-call.js'
import { errorMessage, errorName } from '../common/errors.js'

export interface SpendingLimitView {
  deviceArn: string
  spendingLimitArn: string
  /** USD amounts as numbers; undefined when the service's figure was not a number. */
  limitUsd?: number
  queuedSpendUsd?: number
  totalSpendUsd?: number
  periodStart?: Date
  periodEnd?: Date
}

export interface SpendingLimitLog {
  debug(message: string): void
  warning(message: string): void
}

const usd = (text: string | undefined) =>
  text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined

/** The device's spending limit, or undefined when it has none or it cannot be read. */
export async function spendingLimitFor(
  braket: BraketClient,
  deviceArn: string,
  log: SpendingLimitLog
): Promise<SpendingLimitView | undefined> {
  try {
    const answer = await braket.send(
      new SearchSpendingLimitsCommand({ filters: [{ name: 'deviceArn', operator: 'EQUAL', values: [deviceArn] }] })
    )
    const limit = answer.spendingLimits?.find((entry) => entry.deviceArn === deviceArn)
    if (!limit) return undefined
    return {
      deviceArn,
      spendingLimitArn: limit.spendingLimitArn ?? '',
      ...optional('limitUsd', usd(limit.spendingLimit)),
      ...optional('queuedSpendUsd', usd(limit.queuedSpend)),
      ...optional('totalSpendUsd', usd(limit.totalSpend)),
      ...optional('periodStart', limit.timePeriod?.startAt),
      ...optional('periodEnd', limit.timePeriod?.endAt)
    }
  } catch (error) {
    if (errorName(error) === 'AccessDeniedException')
      log.debug(`SearchSpendingLimits was denied (${errorMessage(error)}); the device's spending limit is not shown.`)
    else
      log.warning(
        awsCallError(
          { service: 'Braket', operation: 'SearchSpendingLimits', target: deviceArn, permission: 'braket:SearchSpendingLimits' },
          error,
          {
            advice: "The device's spending limit is not shown (it is for information only)."
          }
        ).message
      )
    return undefined
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}
