// The report of one job, as the step summary and the pull-request comment tell it:
// one headline (the status, and one sentence about it), the facts — each said once,
// in one table —, an ordered list of sections, and a footer naming the run and commit.
// Each section renders itself for each channel; render-report.ts lays them out and
// keeps each channel within GitHub's size limit.
//
// How a feature adds to the summary and the comment (nothing else writes either):
//   report.addSection({
//     id: 'cost', title: 'Cost', order: SECTION_ORDER.cost,
//     render: (channel) => (channel === 'summary' ? fullTable : shortTable),  // undefined: not on that channel
//     compact: () => oneLine                                                  // used when the channel is short of room
//   })
//   report.setFact({ label: 'Resumed from', value: codeText(jobArn), order: FACT_ORDER.source + 1 })
//   report.addNote('ran-on-runner', 'Ran on the runner: no AWS job, no cost.')  // a line under the headline
//   report.overlayBaseline({ label: 'main, run #16', series: { cost: points } }) // the metric charts draw it as a second line
// A section with an id already there replaces it; so does a fact with the same label.
// Text from the repository, the job or AWS goes through src/common/untrusted.ts
// (markdownText, codeText, preText) before it is part of a value or a section.
// writeStepSummary(report) writes the whole summary, again each time it is called.
import type { MetricBaseline } from '../follow/metric-series.js'
import type { RunReference } from './run-reference.js'

export type Channel = 'summary' | 'comment'

export interface ReportSection {
  /** One section per id: adding another with the same id replaces it. */
  readonly id: string
  /** Its heading (and its name when it has to be left out). */
  readonly title: string
  /** Where it goes: lower first. See SECTION_ORDER. */
  readonly order: number
  /** Without a heading of its own (a note under the headline), everywhere or on one channel. */
  readonly plain?: boolean | Channel
  /** Its Markdown/HTML on a channel, untrusted text already neutralised; undefined: nothing to show there. */
  render(channel: Channel): string | undefined
  /** A smaller form for when the channel runs out of room; without one, the section is left out with a note. */
  compact?(channel: Channel): string | undefined
}

/** Where the sections the action knows of go; a new one picks a number in between. */
export const SECTION_ORDER = {
  notes: 100,
  /** Only for a job that did not succeed: why comes first. */
  logTail: 150,
  comparison: 200,
  metrics: 300,
  cost: 400,
  quantumTasks: 500,
  results: 600
} as const

export interface Fact {
  label: string
  /** HTML, untrusted text already neutralised. */
  value: string
  /** Place in the table, lower first (see FACT_ORDER); by default after the others. */
  order?: number
  /** Only on this channel. */
  only?: Channel
}

export const FACT_ORDER = {
  job: 10,
  device: 20,
  instance: 30,
  entryPoint: 40,
  hyperparameters: 50,
  source: 60,
  timing: 70,
  output: 80,
  results: 90
} as const

export interface Headline {
  /** The job's status (COMPLETED, FAILED, QUEUED, …): the only place the report states it. */
  status: string
  /** One sentence about it, plain text (escaped when rendered). */
  message: string
}

export interface ReportedJob {
  name: string
  arn: string
  consoleUrl: string
}

export class JobReport {
  private readonly factsByLabel = new Map<string, Fact>()
  private readonly sectionsById = new Map<string, ReportSection>()
  private chartBaseline?: MetricBaseline

  constructor(
    readonly job: ReportedJob,
    readonly run: RunReference,
    public headline: Headline,
    /** When the report was last brought up to date (ms since the epoch). */
    public updatedAt: number
  ) {}

  setHeadline(headline: Headline, at: number): void {
    this.headline = headline
    this.updatedAt = at
  }

  setFact(fact: Fact): void {
    this.factsByLabel.set(fact.label, fact)
  }

  removeFact(label: string): void {
    this.factsByLabel.delete(label)
  }

  addSection(section: ReportSection): void {
    this.sectionsById.set(section.id, section)
  }

  removeSection(id: string): void {
    this.sectionsById.delete(id)
  }

  /** One line of Markdown under the headline (e.g. "Resumed from job X's checkpoint"), already neutralised. */
  addNote(id: string, markdown: string): void {
    this.addSection({ id: `note:${id}`, title: 'Note', order: SECTION_ORDER.notes, plain: true, render: () => markdown })
  }

  /** The baseline run's series, drawn by the metric charts as a second line, aligned by iteration. */
  overlayBaseline(baseline: MetricBaseline): void {
    this.chartBaseline = baseline
  }

  get baseline(): MetricBaseline | undefined {
    return this.chartBaseline
  }

  facts(channel: Channel): Fact[] {
    return [...this.factsByLabel.values()]
      .filter((fact) => !fact.only || fact.only === channel)
      .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER))
  }

  sections(): ReportSection[] {
    return [...this.sectionsById.values()].sort((a, b) => a.order - b.order)
  }
}
