// The step summary and the PR comment of a COMPLETED, a FAILED and a `wait: false` run,
// read for what a reviewer needs: one status, each fact once, the run by its number with
// a link, the commit the reviewer pushed, no runner paths, JSON results, human times,
// tables with headers, and nothing of the job's able to act as Markdown or HTML.
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { reportFollowedJob } from '../src/follow/follow-report.js'
import { JobReport, SECTION_ORDER, type Channel } from '../src/report/job-report.js'
import { CHANNEL_BUDGETS, renderReport } from '../src/report/render-report.js'
import { runReference } from '../src/report/run-reference.js'
import { runIdentity } from './support/inputs.js'
import {
  HEAD_SHA,
  MERGE_SHA,
  PULL_REQUEST,
  RUN_ID,
  RUNNER_RESULTS_DIR,
  SAMPLE_RUNS,
  energyCurve,
  sampleReport,
  type SampleRun
} from './support/report-fixtures.js'

const CHANNELS: Channel[] = ['summary', 'comment']
const STATUS_WORDS = /\b(QUEUED|RUNNING|COMPLETED|FAILED|CANCELLING|CANCELLED)\b/g

/** What a reader sees: no tags, no link targets, entities decoded. */
function visible(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
}

/** The results.json preview: the <pre> after its title, as text. */
function preview(markdown: string): string {
  const pre = /results\.json(?:<\/summary>|\n)\s*<pre>([\s\S]*?)<\/pre>/.exec(markdown)
  return visible(pre![1]!)
}

const rendered = (run: SampleRun, channel: Channel) => renderReport(sampleReport(run).report, channel)

/** The Markdown as a GFM renderer turns it into HTML (GitHub then sanitises, which only removes more). */
const asGitHubRenders = async (markdown: string) => marked.parse(markdown, { gfm: true })

/** The HTML's text where GitHub links @mentions: outside code, pre and links, entities decoded. */
function mentionable(html: string): string {
  return visible(html.replace(/<(code|pre|a)\b[\s\S]*?<\/\1>/g, ''))
}

describe.each([
  ['COMPLETED', SAMPLE_RUNS.completed!],
  ['FAILED', SAMPLE_RUNS.failed!],
  ['QUEUED', SAMPLE_RUNS['not-waited']!]
])('the report of a %s run', (status, run) => {
  describe.each(CHANNELS)('in the %s', (channel) => {
    const markdown = rendered(run, channel)
    const text = visible(markdown)

    it('states the status once, in its headline', () => {
      expect(markdown.match(STATUS_WORDS)).toEqual([status])
      expect(markdown.split('\n')[0]).toMatch(new RegExp(`^#{2,3} \\S+ Amazon Braket hybrid job <code>[^<]+</code>: ${status}$`))
      expect(markdown.match(/Amazon Braket hybrid job/g)).toHaveLength(1)
    })

    it('says each fact once', () => {
      const labels = [...markdown.matchAll(/<th align="left">([^<]+)<\/th>/g)].map((match) => match[1])
      expect(new Set(labels).size).toBe(labels.length)
      expect(labels.length).toBeGreaterThanOrEqual(5)
      expect(markdown.match(/arn:aws:braket:::device\/quantum-simulator\/amazon\/sv1/g)).toHaveLength(1)
      expect(markdown.match(/console\.aws\.amazon\.com/g)).toHaveLength(1)
      expect(markdown.match(/<code>s3:\/\/[^<]*\/data<\/code>/g) ?? []).toHaveLength(channel === 'summary' ? 1 : 0)
    })

    it('names the run by its number, with a link to it, and the PR’s head commit — not the run id, nor the merge commit', () => {
      expect(markdown).toContain(`<a href="https://github.com/octo/quantum-lab/actions/runs/${RUN_ID}">experiments #17</a>`)
      expect(text).not.toContain(RUN_ID)
      expect(markdown).toContain(
        `<a href="https://github.com/octo/quantum-lab/commit/${HEAD_SHA}"><code>${HEAD_SHA.slice(0, 7)}</code></a>`
      )
      expect(text).toContain(`head of pull request #${PULL_REQUEST}`)
      expect(markdown).not.toContain(MERGE_SHA.slice(0, 7))
    })

    it('shows no path of the runner, and times as people write them', () => {
      expect(markdown).not.toContain(RUNNER_RESULTS_DIR)
      expect(markdown).not.toMatch(/\/home\/runner|_temp|temporary directory/)
      expect(text).toMatch(/updated \d{4}-\d\d-\d\d \d\d:\d\d UTC/)
      expect(markdown).not.toMatch(/\d\dT\d\d:\d\d/)
    })

    it('lays the facts out as a table of labelled rows, with no empty header', () => {
      expect(markdown).toMatch(/<table>\n<tr><th align="left">Job<\/th><td>/)
      expect(markdown).not.toMatch(/^\|\s*\|\s*\|/m)
      for (const table of markdown.match(/^\|.*\|\n\| ---.*$/gm) ?? []) expect(table.split('\n')[0]).toMatch(/^\| \w[^|]* \|/)
    })
  })
})

describe('what each run shows', () => {
  it('a COMPLETED run: its metrics with charts, what was downloaded, and results.json as JSON at 6 significant digits', () => {
    const summary = rendered(SAMPLE_RUNS.completed!, 'summary')
    expect(summary).toContain('| expectation\\_value\\_of\\_the\\_hamiltonian\\_on\\_qubits\\_zero\\_through\\_seven | -1.13862 |')
    expect(summary.match(/^```mermaid$/gm)).toHaveLength(3)
    expect(summary).toContain('2 files downloaded from <code>s3://')
    expect(summary).toContain('<code>results.json</code>, <code>plots/energy.csv</code>')
    const json = preview(summary)
    const parsed = JSON.parse(json.replace(/\/\*[^*]*\*\//g, ''))
    expect(parsed.theta).toEqual([-2.6445, 0.9725])
    expect(parsed.energy).toBe(-1.13728)
    expect(json).toContain('/* 95 more of 100 values */')
    expect(json).not.toMatch(/\d{8}/)
  })

  it('a COMPLETED run’s comment: at most 3 charts, results folded', () => {
    const comment = rendered(
      { ...SAMPLE_RUNS.completed!, series: { a: energyCurve(5), b: energyCurve(5), c: energyCurve(5), d: energyCurve(5) } },
      'comment'
    )
    expect(comment.match(/^```mermaid$/gm)).toHaveLength(3)
    expect(comment).toContain('_1 more metric chart in the step summary._')
    expect(comment).toMatch(/<details><summary>results\.json<\/summary>\n\n<pre>\{/)
  })

  it('a FAILED run: the failure reason once, in the headline, and the last log lines', () => {
    for (const channel of CHANNELS) {
      const markdown = rendered(SAMPLE_RUNS.failed!, channel)
      expect(markdown.match(/the ansatz needs 4 qubits, the device has 2/g)).toHaveLength(1)
      expect(markdown).toContain("The job's last 3 log lines")
      expect(markdown).toContain('<pre>Traceback (most recent call last):\n')
      expect(markdown).not.toContain('<th align="left">Results</th>')
    }
  })

  it('a run that does not wait: what was submitted, and that the step does not wait for it', () => {
    const summary = rendered(SAMPLE_RUNS['not-waited']!, 'summary')
    expect(summary).toContain('This step does not wait for it (wait: false)')
    expect(summary).not.toMatch(/Metrics|results\.json|<th align="left">Time/)
  })

  it('a re-run: the attempt, and a link to it', () => {
    const summary = rendered({ ...SAMPLE_RUNS.completed!, attempt: 2 }, 'summary')
    expect(summary).toContain(
      `<a href="https://github.com/octo/quantum-lab/actions/runs/${RUN_ID}/attempts/2">experiments #17</a> (attempt 2)`
    )
  })

  it('a push: the pushed commit (GITHUB_SHA), no pull request', () => {
    const summary = rendered({ ...SAMPLE_RUNS.completed!, event: 'push' }, 'summary')
    expect(summary).toContain(`<code>${HEAD_SHA.slice(0, 7)}</code></a> · updated`)
    expect(summary).not.toContain('pull request')
  })
})

describe('text that is not the action’s', () => {
  const hostile = '```</pre><img src=x onerror=alert(1)> | **x** [l](http://e) @octocat'
  const run: SampleRun = {
    kind: 'failed',
    jobName: 'evil`<b>@octocat</b>',
    hyperparameters: `note: "${hostile}"`,
    failureReason: `AlgorithmError: ${hostile}`,
    lastLines: [hostile, '::error::x'],
    series: { [hostile]: energyCurve(4) },
    baseline: { label: hostile, series: { [hostile]: energyCurve(4, { shift: 0.1 }) } }
  }

  it.each(CHANNELS)('cannot open Markdown or HTML, close a code fence, mention anyone or break a table in the %s', async (channel) => {
    const markdown = rendered(run, channel)
    const html = await asGitHubRenders(markdown)
    expect(html).not.toMatch(/<img|<b>|<strong>|<em>|<a href="http:\/\/e"|<script/)
    expect(mentionable(html)).not.toContain('@octocat')
    // The only fences are the charts' own, and each table row keeps its two cells.
    expect(markdown.match(/```/g)).toHaveLength(2 * (markdown.match(/^```mermaid$/gm) ?? []).length)
    for (const row of html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) expect(row.match(/<t[hd][ >]/g)).toHaveLength(2)
  })

  it('results.json and file names too', async () => {
    const { report, followed } = sampleReport({ ...SAMPLE_RUNS.completed!, results: { [hostile]: hostile } })
    followed!.results!.files.push(hostile)
    reportFollowedJob(report, followed!)
    const markdown = renderReport(report, 'summary')
    const html = await asGitHubRenders(markdown)
    expect(html).not.toMatch(/<img|<strong>|<a href="http:\/\/e"/)
    expect(mentionable(html)).not.toContain('@octocat')
    expect(preview(markdown)).toContain('"```</pre><img src=x onerror=alert(1)>')
    expect(markdown.match(/```/g)).toHaveLength(2 * (markdown.match(/^```mermaid$/gm) ?? []).length)
  })
})

describe('the report model', () => {
  const base = () => sampleReport(SAMPLE_RUNS.completed!).report

  it('puts a feature’s section where its order says, its note under the headline, and replaces by id', () => {
    const report = base()
    report.addSection({ id: 'comparison', title: 'Compared with main', order: SECTION_ORDER.comparison, render: () => 'Δ table' })
    report.addSection({ id: 'cost', title: 'Cost', order: SECTION_ORDER.cost, render: (channel) => `cost for the ${channel}` })
    report.addSection({ id: 'cost', title: 'Cost', order: SECTION_ORDER.cost, render: () => 'cost, again' })
    report.addNote('resumed', 'Resumed from job `x`’s checkpoint.')
    const markdown = renderReport(report, 'comment')
    const at = (text: string) => markdown.indexOf(text)
    expect(at('Resumed from job')).toBeGreaterThan(at('</table>'))
    expect(at('Resumed from job')).toBeLessThan(at('#### Compared with main'))
    expect(at('#### Compared with main')).toBeLessThan(at('#### Metrics'))
    expect(at('#### Metrics')).toBeLessThan(at('#### Cost\n\ncost, again'))
    expect(at('#### Cost')).toBeLessThan(at('<summary>results.json'))
    expect(markdown).not.toContain('cost for the')
  })

  it('says a fact once when a feature sets it again, and keeps a fact to its channel', () => {
    const report = base()
    report.setFact({ label: 'Time', value: 'ran 3m', order: 70 })
    report.setFact({ label: 'Cost', value: '$0.42 (estimate)', only: 'comment' })
    expect(renderReport(report, 'summary').match(/<th align="left">Time/g)).toHaveLength(1)
    expect(renderReport(report, 'summary')).toContain('<td>ran 3m</td>')
    expect(renderReport(report, 'summary')).not.toContain('$0.42')
    expect(renderReport(report, 'comment')).toContain('<th align="left">Cost</th><td>$0.42 (estimate)</td>')
  })

  it('draws the baseline a feature gives, whenever before the report is rendered', () => {
    const report = base()
    expect(renderReport(report, 'summary')).not.toContain('🟠 baseline')
    report.overlayBaseline({ label: 'main, run #16', series: { energy: energyCurve(12, { shift: 0.1 }) } })
    const markdown = renderReport(report, 'summary')
    expect(markdown).toContain('🔵 this run · 🟠 baseline: main, run \\#16')
    expect(markdown.match(/^ {2}line \[/gm)).toHaveLength(4)
  })

  it('keeps each channel within GitHub’s limit: the last sections give way, compact first, then left out', () => {
    const report = base()
    const big = 'x'.repeat(70_000)
    report.addSection({ id: 'cost', title: 'Cost', order: SECTION_ORDER.cost, render: () => big, compact: () => 'cost: one line' })
    report.addSection({ id: 'tasks', title: 'Quantum tasks', order: SECTION_ORDER.quantumTasks, render: () => big })
    const comment = renderReport(report, 'comment')
    expect(comment.length).toBeLessThanOrEqual(CHANNEL_BUDGETS.comment.limit)
    expect(comment).toContain('#### Cost\n\ncost: one line')
    expect(comment).toContain('_Quantum tasks: left out to stay within GitHub’s 65,536-character limit for comments')
    expect(comment).toContain('```mermaid')
    const summary = renderReport(report, 'summary')
    expect(summary.match(/x{70000}/g)).toHaveLength(2)
  })

  it('names the run by number even when GitHub gives none, and a pushed commit without a pull request', () => {
    const reference = runReference(runIdentity({ eventName: 'workflow_dispatch' }), {}, { pull_request: { head: { sha: 'f'.repeat(40) } } })
    expect(reference.commit?.sha).toBe('a'.repeat(40))
    const report = new JobReport({ name: 'j', arn: 'arn', consoleUrl: 'https://x' }, reference, { status: 'QUEUED', message: 'm' }, 0)
    expect(renderReport(report, 'comment')).toContain('experiments #?</a> · commit')
  })
})
