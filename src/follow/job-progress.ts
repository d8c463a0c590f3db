// What changed since the last GetJob: status transitions, new job events and queue
// moves, each reported once. Pure: the caller prints.
import type { GetJobCommandOutput } from '@aws-sdk/client-braket'

export type JobSnapshot = Pick<
  GetJobCommandOutput,
  'status' | 'events' | 'queueInfo' | 'failureReason' | 'createdAt' | 'startedAt' | 'endedAt'
>

export type ProgressLine =
  { kind: 'transition'; from?: string; to: string; text: string } | { kind: 'event'; text: string } | { kind: 'queue'; text: string }

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['COMPLETED', 'FAILED', 'CANCELLED'])
/** A job in these may still cost money: it is what cancelling is for. */
export const ACTIVE_STATUSES: ReadonlySet<string> = new Set(['QUEUED', 'RUNNING'])

/** `2025-01-02T03:04:05Z`: seconds are enough for a job that runs minutes to hours. */
export function stamp(time: Date | number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class JobProgress {
  status?: string
  private readonly seenEvents = new Set<string>()
  private queuePosition?: string

  update(job: JobSnapshot, now: number): ProgressLine[] {
    const lines: ProgressLine[] = []
    const status = job.status ?? 'UNKNOWN'
    if (status !== this.status) {
      // The job's own times where Braket records them; else when the change was seen.
      const at =
        (status === 'QUEUED' && job.createdAt) ||
        (status === 'RUNNING' && job.startedAt) ||
        (TERMINAL_STATUSES.has(status) && job.endedAt) ||
        now
      const text = this.status === undefined ? `${stamp(at)}  ${status}` : `${stamp(at)}  ${this.status} → ${status}`
      lines.push({ kind: 'transition', from: this.status, to: status, text })
      this.status = status
    }

    const events = [...(job.events ?? [])].sort((a, b) => (a.timeOfEvent?.getTime() ?? 0) - (b.timeOfEvent?.getTime() ?? 0))
    for (const event of events) {
      const key = `${event.eventType}|${event.timeOfEvent?.getTime() ?? ''}|${event.message ?? ''}`
      if (this.seenEvents.has(key)) continue
      this.seenEvents.add(key)
      const when = event.timeOfEvent ? stamp(event.timeOfEvent) : stamp(now)
      lines.push({ kind: 'event', text: `${when}  event ${event.eventType ?? 'UNKNOWN'}${event.message ? `: ${event.message}` : ''}` })
    }

    // Braket answers position 'None' outside QUEUED; only a real position is news.
    const position = status === 'QUEUED' ? job.queueInfo?.position : undefined
    if (position !== undefined && position !== 'None' && position !== this.queuePosition) {
      lines.push({
        kind: 'queue',
        text:
          `${stamp(now)}  position ${position} in the ` +
          `${job.queueInfo?.queue ?? 'JOBS_QUEUE'}${job.queueInfo?.message ? ` (${job.queueInfo.message})` : ''}`
      })
    }
    this.queuePosition = position
    return lines
  }
}
