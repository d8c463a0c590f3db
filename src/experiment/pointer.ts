// latest-completed.json: which record of a ref is the newest whose job COMPLETED.
// It only moves forward. A writer reads it (with its ETag), compares the job
// creation times, and writes only over the version it read (If-Match; If-None-Match
// when there was none); a writer that lost the race reads again and decides again.
// So two runs finishing together can never leave it pointing at the older job.
import type { ExperimentRecord } from './record.js'
import { pointerKey } from './record-keys.js'
import { lostRace, type RecordStore } from './record-store.js'

export const POINTER_SCHEMA = 'braket-hybrid-job-experiment-pointer'

export interface Pointer {
  schema: typeof POINTER_SCHEMA
  schemaVersion: 1
  /** The record's key. */
  record: string
  jobArn: string
  /** The job's creation time (ISO): what "newer" means. */
  jobCreatedAt: string
  sha: string
  updatedAt: string
}

/** Tries before giving up on a pointer everyone keeps moving (each try is a read and a write). */
const MAX_TRIES = 8

export function parsePointer(text: string): Pointer | undefined {
  try {
    const value = JSON.parse(text) as Partial<Pointer> | null
    if (value?.schema !== POINTER_SCHEMA || typeof value.record !== 'string' || typeof value.jobArn !== 'string') return undefined
    if (typeof value.jobCreatedAt !== 'string' || Number.isNaN(Date.parse(value.jobCreatedAt))) return undefined
    return value as Pointer
  } catch {
    return undefined
  }
}

/** Whether the candidate is newer than what the pointer names (ties broken by key, so every writer agrees). */
function isNewer(candidate: { createdAt: number; key: string }, current: Pointer): boolean {
  const currentAt = Date.parse(current.jobCreatedAt)
  return candidate.createdAt !== currentAt ? candidate.createdAt > currentAt : candidate.key < current.record
}

/** 'kept': it already names this record or a newer job. */
export type PointerMove = 'moved' | 'kept'

export async function readPointer(store: RecordStore, folder: string): Promise<{ pointer?: Pointer; etag?: string }> {
  const stored = await store.read(pointerKey(folder))
  if (!stored) return {}
  const pointer = parsePointer(stored.text)
  return pointer ? { pointer, etag: stored.etag } : { etag: stored.etag }
}

/** Points the ref at this COMPLETED record unless it already points at a newer job. */
export async function advancePointer(
  store: RecordStore,
  folder: string,
  key: string,
  record: ExperimentRecord,
  now: Date
): Promise<PointerMove> {
  if (record.status !== 'COMPLETED' || !record.createdAt) throw new Error('only a COMPLETED job with a creation time can be pointed at')
  const candidate = { createdAt: Date.parse(record.createdAt), key }
  const next: Pointer = {
    schema: POINTER_SCHEMA,
    schemaVersion: 1,
    record: key,
    jobArn: record.job.arn,
    jobCreatedAt: record.createdAt,
    sha: record.sha,
    updatedAt: now.toISOString()
  }
  for (let tries = 1; ; tries++) {
    const { pointer, etag } = await readPointer(store, folder)
    if (pointer && (pointer.record === key || !isNewer(candidate, pointer))) return 'kept'
    try {
      // An unreadable pointer is replaced, but still only the version that was read.
      await store.write(pointerKey(folder), next, etag !== undefined ? { ifMatch: etag } : { ifAbsent: true })
      return 'moved'
    } catch (error) {
      if (!lostRace(error) || tries >= MAX_TRIES) throw error
    }
  }
}
