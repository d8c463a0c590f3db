// Counts of a job's quantum tasks, for the summary table and the
// `quantum-tasks` output: total, by status, by device (tasks and requested
// shots), and the ARNs of the failed ones.

export interface TaskSummaryLike {
  quantumTaskArn?: string
  deviceArn?: string
  status?: string
  shots?: number
}

export interface DeviceTaskCounts {
  tasks: number
  /** Shots requested by the device's tasks (whatever became of them). */
  shots: number
  byStatus: Record<string, number>
}

export interface TaskCounts {
  total: number
  byStatus: Record<string, number>
  byDevice: Record<string, DeviceTaskCounts>
  /** Shots requested by all tasks. */
  shots: number
  failedArns: string[]
}

const increment = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by
}

export function countTasks(tasks: readonly TaskSummaryLike[]): TaskCounts {
  const counts: TaskCounts = { total: 0, byStatus: {}, byDevice: {}, shots: 0, failedArns: [] }
  for (const task of tasks) {
    const status = task.status ?? 'UNKNOWN'
    const device = task.deviceArn ?? 'unknown device'
    const shots = task.shots ?? 0
    counts.total += 1
    counts.shots += shots
    increment(counts.byStatus, status)
    const perDevice = (counts.byDevice[device] ??= { tasks: 0, shots: 0, byStatus: {} })
    perDevice.tasks += 1
    perDevice.shots += shots
    increment(perDevice.byStatus, status)
    if (status === 'FAILED' && task.quantumTaskArn) counts.failedArns.push(task.quantumTaskArn)
  }
  counts.failedArns.sort()
  return counts
}

/** The `quantum-tasks` output: {"total", "byStatus", "byDevice": {<arn>: {"tasks", "shots"}}, "shots", "failedArns"}. */
export function quantumTasksOutput(counts: TaskCounts): string {
  const byDevice = Object.fromEntries(
    Object.entries(counts.byDevice)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([device, { tasks, shots }]) => [device, { tasks, shots }])
  )
  return JSON.stringify({ total: counts.total, byStatus: counts.byStatus, byDevice, shots: counts.shots, failedArns: counts.failedArns })
}
