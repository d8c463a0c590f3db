// The baseline: the newest record of the baseline branch whose job COMPLETED.
// The ref's newest records are looked at first (their names sort newest first);
// one whose outcome nobody recorded (wait: false) is completed on the spot and,
// once COMPLETED, moves the pointer. latest-completed.json answers when the
// newest records hold no completed job.
import { advancePointer, readPointer, type Pointer } from './pointer.js'
import { outcomeKnown, parseRecord, type ExperimentRecord } from './record.js'
import { isRecordKey } from './record-keys.js'
import { failedCallText, type RecordStore } from './record-store.js'

/** Newest records looked at before falling back to the pointer. */
const LOOKBACK = 10

export interface StoredRecord {
  key: string
  etag: string
  record: ExperimentRecord
}

export interface BaselineSearch {
  store: RecordStore
  /** The baseline branch's folder. */
  folder: string
  /** Whether a record may be this run's baseline (not this run's own job; on the same branch, only older runs). */
  eligible(record: ExperimentRecord): boolean
  /** Reads the outcome of a job nobody recorded one for, and records it; the record as it is now. */
  complete(stored: StoredRecord): Promise<ExperimentRecord>
  /** Problems that do not stop the search (an unreadable record, a pointer that could not be moved). */
  warn(message: string): void
  now(): Date
}

export type BaselineFound =
  | { found: true; key: string; record: ExperimentRecord; completedNow: boolean }
  | { found: false; /** Newer runs of the branch whose jobs had not ended yet. */ pending: ExperimentRecord[] }

async function readRecord(search: BaselineSearch, key: string): Promise<StoredRecord | undefined> {
  const stored = await search.store.read(key)
  if (!stored) return undefined
  const record = parseRecord(stored.text)
  if ('problem' in record) {
    search.warn(`Skipped s3://${search.store.target.bucket}/${key}: ${record.problem}.`)
    return undefined
  }
  return { key, etag: stored.etag, record }
}

async function pointAt(search: BaselineSearch, key: string, record: ExperimentRecord): Promise<void> {
  try {
    await advancePointer(search.store, search.folder, key, record, search.now())
  } catch (error) {
    search.warn(`Could not point latest-completed.json at ${key}: ${failedCallText(error)}.`)
  }
}

/** Newer than the pointer's record: its name sorts first. */
const newerThan = (key: string, pointer: Pointer | undefined) => !pointer || key < pointer.record

export async function findBaseline(search: BaselineSearch): Promise<BaselineFound> {
  const { pointer } = await readPointer(search.store, search.folder)
  const keys = (await search.store.keys(search.folder, LOOKBACK + 1)).filter((key) => isRecordKey(search.folder, key)).slice(0, LOOKBACK)
  const pending: ExperimentRecord[] = []
  for (const key of keys) {
    const stored = await readRecord(search, key)
    if (!stored || !search.eligible(stored.record)) continue
    let record = stored.record
    let completedNow = false
    if (!outcomeKnown(record) && newerThan(key, pointer)) {
      record = await search.complete(stored)
      completedNow = outcomeKnown(record)
      if (!outcomeKnown(record)) pending.push(record)
    }
    if (record.status !== 'COMPLETED') continue
    if (newerThan(key, pointer)) await pointAt(search, key, record)
    return { found: true, key, record, completedNow }
  }
  if (pointer && !keys.includes(pointer.record)) {
    const stored = await readRecord(search, pointer.record)
    if (stored && stored.record.status === 'COMPLETED' && search.eligible(stored.record))
      return { found: true, key: stored.key, record: stored.record, completedNow: false }
  }
  return { found: false, pending }
}
