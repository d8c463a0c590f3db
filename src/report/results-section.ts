// What the job left: the results fact (what was downloaded, from where — never where on
// the runner, which no reader can open), and a look at results.json.
import { codeText, logText, preText } from '../common/untrusted.js'
import type { DownloadedResults } from '../follow/results-download.js'
import { SECTION_ORDER, type ReportSection } from './job-report.js'

const LISTED_FILES = 5

/** "3 files from s3://…/output/model.tar.gz: results.json, plots/cost.csv, …" */
export function downloadedFact(results: DownloadedResults): string {
  const count = results.files.length
  const names = results.files.slice(0, LISTED_FILES).map((file) => codeText(file, 120))
  const more = count > LISTED_FILES ? `, and ${count - LISTED_FILES} more` : ''
  return `${count} file${count === 1 ? '' : 's'} downloaded from ${codeText(results.s3Uri)}${count ? `: ${names.join(', ')}${more}` : ''}`
}

/** Open in the summary; folded in the comment, under its title. */
function folded(title: string, body: string): string {
  return `<details><summary>${title}</summary>\n\n${body}\n\n</details>`
}

export function resultsSection(preview: string): ReportSection {
  return {
    id: 'results',
    title: 'results.json',
    order: SECTION_ORDER.results,
    plain: 'comment',
    render: (channel) => (channel === 'summary' ? preText(preview) : folded('results.json', preText(preview)))
  }
}

export function logTailSection(lines: readonly string[]): ReportSection {
  const title = `The job's last ${lines.length} log line${lines.length === 1 ? '' : 's'}`
  const text = () => preText(lines.map((line) => logText(line, 1000)).join('\n'))
  return {
    id: 'log-tail',
    title,
    order: SECTION_ORDER.logTail,
    plain: 'comment',
    render: (channel) => (channel === 'summary' ? text() : folded(title, text()))
  }
}
