// SearchJobs and SearchDevices: their filters, as documented in the model,
// and opaque nextToken pagination (SearchQuantumTasks shares both).
import { decodePageToken, pageOf } from '../core/page-tokens.js'
import { braketError } from './braket-errors.js'
import type { Device } from './devices.js'
import type { JobRecord } from './job-record.js'

export interface JobsFilter {
  name: string
  values: string[]
  operator: 'LT' | 'LTE' | 'EQUAL' | 'GT' | 'GTE' | 'BETWEEN' | 'CONTAINS'
}

export interface DevicesFilter {
  name: string
  values: string[]
}

/** Timestamps in filters: ISO-8601, or epoch seconds / milliseconds. */
function parseTime(value: string): number {
  const numeric = Number(value)
  const time = value.trim() !== '' && Number.isFinite(numeric) ? (numeric < 1e11 ? numeric * 1000 : numeric) : Date.parse(value)
  if (Number.isNaN(time)) throw braketError('ValidationException', `Value '${value}' of filter createdAt is not a valid timestamp.`)
  return time
}

/** A `createdAt` filter of the Search* operations: LT, LTE, EQUAL, GT, GTE on one value, BETWEEN two (inclusive). */
export function timeMatches(createdAt: Date, filter: { name: string; values: string[]; operator: string }): boolean {
  const { values, operator } = filter
  const created = createdAt.getTime()
  const [first, second] = values.map(parseTime)
  if (operator === 'BETWEEN') {
    if (values.length !== 2) throw braketError('ValidationException', 'Operator BETWEEN needs exactly 2 values.')
    return created >= first! && created <= second!
  }
  if (values.length !== 1) throw braketError('ValidationException', `Operator ${operator} needs exactly 1 value.`)
  switch (operator) {
    case 'LT':
      return created < first!
    case 'LTE':
      return created <= first!
    case 'EQUAL':
      return created === first!
    case 'GT':
      return created > first!
    case 'GTE':
      return created >= first!
    default:
      throw braketError('ValidationException', `Operator ${operator} is not supported for filter ${filter.name}.`)
  }
}

function jobMatches(record: JobRecord, filter: JobsFilter): boolean {
  const { name, values, operator } = filter
  if (name === 'jobArn') {
    if (operator === 'EQUAL') return values.includes(record.jobArn)
    if (operator === 'CONTAINS') return values.some((value) => record.jobArn.includes(value))
    throw braketError(
      'ValidationException',
      `Operator ${operator} is not supported for filter jobArn. Supported operators: EQUAL, CONTAINS.`
    )
  }
  if (name === 'createdAt') return timeMatches(record.createdAt, filter)
  throw braketError('ValidationException', `Filter name ${name} is not supported. Filter name can be either jobArn or createdAt.`)
}

export function filterJobs(records: JobRecord[], filters: JobsFilter[]): JobRecord[] {
  // Evaluate every filter at least once so a bad one is reported even when there are no jobs.
  for (const filter of filters) if (records.length === 0) jobMatches(placeholderJob, filter)
  return records.filter((record) => filters.every((filter) => jobMatches(record, filter)))
}

const placeholderJob = { jobArn: '', createdAt: new Date(0) } as JobRecord

export function filterDevices(devices: Device[], filters: DevicesFilter[]): Device[] {
  for (const filter of filters) {
    if (filter.name !== 'deviceArn')
      throw braketError(
        'ValidationException',
        `Filter name ${filter.name} is not supported. Only deviceArn filter name is currently supported.`
      )
  }
  return devices.filter((device) => filters.every((filter) => filter.values.includes(device.deviceArn)))
}

/** One page of `items` and the token for the next; tokens are bound to the search they came from. */
export function paginate<T>(
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
  scope: string
): { page: T[]; nextToken?: string } {
  const offset = nextToken === undefined ? 0 : decodePageToken(nextToken, scope)
  if (offset === undefined) throw braketError('ValidationException', 'The nextToken is not valid.')
  return pageOf(items, offset, maxResults ?? 100, scope)
}
