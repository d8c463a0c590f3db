// Where a job's log lines live in CloudWatch Logs, and how lines of several
// instances are put in one order. Pure.

/** The group every Braket hybrid job logs to. */
export const JOB_LOG_GROUP = '/aws/braket/jobs'

export interface LogLine {
  timestamp: number
  message: string
  /** `algo-1`, `algo-2`, …: which instance printed it. */
  instance: string
}

/**
 * Today's job ARNs end in a UUID and the streams are `<jobName>/<uuid>/algo-<n>-<epoch>`;
 * early ARNs ended in the job name and the streams were `<jobName>/algo-<n>-<epoch>`.
 */
export function logStreamPrefix(jobArn: string, jobName: string): string {
  const jobId = jobArn.split('/').pop() ?? ''
  return jobId === '' || jobId === jobName ? `${jobName}/` : `${jobName}/${jobId}/`
}

export function instanceOf(streamName: string): string {
  return /(?:^|\/)(algo-\d+)(?:-|$)/.exec(streamName)?.[1] ?? streamName.split('/').pop() ?? streamName
}

/** Instances in their natural order: algo-2 before algo-10. */
export function compareInstances(a: string, b: string): number {
  const number = (label: string) => Number(/(\d+)$/.exec(label)?.[1] ?? Number.MAX_SAFE_INTEGER)
  return number(a) - number(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * One time-ordered list from per-stream batches, never reordering lines within a
 * stream (their order is the order they were printed): a k-way merge by the head's
 * timestamp, ties going to the lower instance.
 */
export function mergeByTime(batches: readonly (readonly LogLine[])[]): LogLine[] {
  const heads = batches.map(() => 0)
  const merged: LogLine[] = []
  for (;;) {
    let best = -1
    for (let i = 0; i < batches.length; i++) {
      const line = batches[i]![heads[i]!]
      if (!line) continue
      const current = best >= 0 ? batches[best]![heads[best]!]! : undefined
      if (
        !current ||
        line.timestamp < current.timestamp ||
        (line.timestamp === current.timestamp && compareInstances(line.instance, current.instance) < 0)
      )
        best = i
    }
    if (best < 0) return merged
    merged.push(batches[best]![heads[best]!]!)
    heads[best]! += 1
  }
}
