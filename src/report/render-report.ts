// A JobReport as Markdown for one channel: the headline, the facts table, the
// sections in order, the footer — within the channel's size limit. When it would not
// fit, the last sections give way first: their compact form, then a one-line note
// that they were left out. Pure.
import { codeText, escapeHtml, markdownText } from '../common/untrusted.js'
import { formatTime } from './format.js'
import type { Channel, JobReport, ReportSection } from './job-report.js'
import type { RunReference } from './run-reference.js'

interface Budget {
  limit: number
  measure(text: string): number
  /** Why a section was left out, in the note that replaces it. */
  why: string
}

export const CHANNEL_BUDGETS: Record<Channel, Budget> = {
  // GitHub shows a step summary of up to 1 MiB.
  summary: { limit: 1_000_000, measure: (text) => Buffer.byteLength(text, 'utf8'), why: 'the step summary’s 1 MiB limit' },
  // GitHub refuses a comment over 65,536 characters; the comment's marker and some room are kept back.
  comment: { limit: 64_000, measure: (text) => text.length, why: 'GitHub’s 65,536-character limit for comments; the step summary has it' }
}

const ICONS: Record<string, string> = { COMPLETED: '✅', FAILED: '❌', CANCELLED: '🛑', CANCELLING: '🛑', RUNNING: '⏳', QUEUED: '⏳' }

export function statusIcon(status: string): string {
  return ICONS[status] ?? 'ℹ️'
}

function headline(report: JobReport, channel: Channel): string {
  const { status, message } = report.headline
  const level = channel === 'summary' ? '##' : '###'
  const heading = `${level} ${statusIcon(status)} Amazon Braket hybrid job ${codeText(report.job.name)}: ${markdownText(status, 40)}`
  return `${heading}\n\n${markdownText(message, 1000)}`
}

function factsTable(report: JobReport, channel: Channel): string {
  const rows = report.facts(channel).map((fact) => `<tr><th align="left">${escapeHtml(fact.label)}</th><td>${fact.value}</td></tr>`)
  return rows.length > 0 ? `<table>\n${rows.join('\n')}\n</table>` : ''
}

/** "Workflow run experiments #17 (attempt 2) · commit 0123abc, head of #42 · updated 2026-12-01 14:40 UTC" */
export function footer(run: RunReference, updatedAt: number): string {
  const name = `${run.workflow ? `${markdownText(run.workflow, 100)} ` : ''}#${escapeHtml(run.runNumber || '?')}`
  const parts = [`Workflow run <a href="${escapeHtml(run.url)}">${name}</a>${run.attempt > 1 ? ` (attempt ${run.attempt})` : ''}`]
  if (run.commit) {
    const of = run.commit.pullRequest !== undefined ? `, head of pull request #${run.commit.pullRequest}` : ''
    parts.push(`commit <a href="${escapeHtml(run.commit.url)}">${codeText(run.commit.sha.slice(0, 7))}</a>${of}`)
  }
  parts.push(`updated ${formatTime(updatedAt)}`)
  return `<sub>${parts.join(' · ')}</sub>`
}

function sectionText(section: ReportSection, body: string, channel: Channel): string {
  if (section.plain === true || section.plain === channel) return body
  return `${channel === 'summary' ? '###' : '####'} ${escapeHtml(section.title)}\n\n${body}`
}

function leftOut(section: ReportSection, channel: Channel): string {
  return `_${escapeHtml(section.title)}: left out to stay within ${CHANNEL_BUDGETS[channel].why}._`
}

export function renderReport(report: JobReport, channel: Channel): string {
  const budget = CHANNEL_BUDGETS[channel]
  const head = [headline(report, channel), factsTable(report, channel)].filter(Boolean)
  const foot = footer(report.run, report.updatedAt)
  const blocks: Array<{ section: ReportSection; text: string }> = []
  for (const section of report.sections()) {
    const body = section.render(channel)
    if (body) blocks.push({ section, text: sectionText(section, body, channel) })
  }
  const document = () => [...head, ...blocks.map((block) => block.text), foot].join('\n\n') + '\n'
  const fits = () => budget.measure(document()) <= budget.limit
  // The last sections give way first: compact, then left out.
  for (let index = blocks.length - 1; index >= 0 && !fits(); index--) {
    const block = blocks[index]!
    const compact = block.section.compact?.(channel)
    block.text = compact ? sectionText(block.section, compact, channel) : leftOut(block.section, channel)
  }
  for (let index = blocks.length - 1; index >= 0 && !fits(); index--) blocks[index]!.text = leftOut(blocks[index]!.section, channel)
  return document()
}
