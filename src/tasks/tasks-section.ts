// The job's quantum tasks in the report: per device the tasks, requested shots and
// statuses, and the failed tasks' ARNs. Pure.
import { markdownTable } from '../common/markdown-table.js'
import { codeText, markdownText } from '../common/untrusted.js'
import { SECTION_ORDER, type Channel, type ReportSection } from '../report/job-report.js'
import type { TaskCounts } from './task-counts.js'

const FAILED_SHOWN: Record<Channel, number> = { summary: 20, comment: 3 }

const statusText = (byStatus: Record<string, number>) =>
  Object.entries(byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count} ${markdownText(status, 40)}`)
    .join(', ')

function failedList(counts: TaskCounts, channel: Channel): string {
  const shown = counts.failedArns.slice(0, FAILED_SHOWN[channel]).map((arn) => `- ${codeText(arn)}`)
  const more = counts.failedArns.length - shown.length
  const rest = more > 0 ? [`- and ${more} more${channel === 'comment' ? ' (in the step summary)' : ''}`] : []
  return [`Failed tasks (${counts.failedArns.length}):`, '', ...shown, ...rest].join('\n')
}

/** The tasks as counted at the end; `unavailable` says why they could not be counted. */
export function quantumTasksSection(counts: TaskCounts | undefined, unavailable?: string): ReportSection {
  const render = (channel: Channel) => {
    if (!counts) return `Not counted: ${markdownText(unavailable ?? 'the search did not answer', 400)}.`
    if (counts.total === 0) return channel === 'summary' ? 'The job created no quantum tasks.' : undefined
    const rows = Object.entries(counts.byDevice)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([device, perDevice]) => [codeText(device), String(perDevice.tasks), String(perDevice.shots), statusText(perDevice.byStatus)])
    const total = ['**All**', `**${counts.total}**`, `**${counts.shots}**`, statusText(counts.byStatus)]
    const table = markdownTable(['Device', 'Tasks', 'Shots', 'Status'], rows.length > 1 ? [...rows, total] : rows, [
      'left',
      'right',
      'right',
      'left'
    ])
    return counts.failedArns.length > 0 ? `${table}\n\n${failedList(counts, channel)}` : table
  }
  return {
    id: 'quantum-tasks',
    title: 'Quantum tasks',
    order: SECTION_ORDER.quantumTasks,
    render,
    compact: () => (counts ? `${counts.total} quantum tasks, ${counts.shots} shots: ${statusText(counts.byStatus)}.` : undefined)
  }
}
