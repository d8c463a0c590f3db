// `npm run render-report`: the step summary and the pull-request comment of sample runs
// (those the report tests check) — and any Markdown file given, such as the summary
// `npm run local` keeps — drawn as a reviewer sees them: the Markdown through a GFM
// renderer with GitHub's stylesheet, the charts as images from Mermaid's own renderer
// (@mermaid-js/mermaid-cli in headless Chromium), each page in GitHub's light and
// dark themes, as HTML and as a screenshot. Not part of CI.
//
//   npm run render-report -- [--out DIR] [--install-browser] [--only NAME] [FILE.md …]
//
// The browser is Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium);
// --install-browser installs it with apt-get when it is missing, with the colour emoji
// font GitHub's pages show ✅ and ❌ in. puppeteer never
// downloads a browser of its own (.puppeteerrc.json: skipDownload).
import { renderMermaid } from '@mermaid-js/mermaid-cli'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { marked } from 'marked'
import puppeteer, { type Browser } from 'puppeteer'
import { renderReport } from '../src/report/render-report.js'
import { SAMPLE_RUNS, sampleReport } from '../__tests__/support/report-fixtures.js'

/** What this machine's Chromium needs to run headless in a container, and to stay off the network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** GitHub's page colours and the Mermaid theme it draws diagrams with in each. */
const THEMES = {
  light: { page: '#ffffff', css: 'github-markdown-light.css', mermaid: 'default' },
  dark: { page: '#0d1117', css: 'github-markdown-dark.css', mermaid: 'dark' }
} as const
type Theme = keyof typeof THEMES

const root = fileURLToPath(new URL('..', import.meta.url))

function ensureChromium(path: string, install: boolean): void {
  if (existsSync(path)) return
  if (!install)
    throw new Error(`No browser at ${path}: pass --install-browser to install Debian's chromium with apt-get, or set CHROMIUM_PATH.`)
  console.log('Installing chromium with apt-get …')
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-color-emoji']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit' })
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}); run it as root.`)
  }
  if (!existsSync(path)) throw new Error(`apt-get installed chromium, but not at ${path}: set CHROMIUM_PATH.`)
}

/** Charts already drawn, by theme and source: the summary and the comment share theirs. */
const drawn = new Map<string, string>()

async function chartImage(browser: Browser, source: string, theme: Theme): Promise<string> {
  const key = `${theme}\n${source}`
  let image = drawn.get(key)
  if (!image) {
    const { data } = await renderMermaid(browser, source, 'png', {
      backgroundColor: 'transparent',
      mermaidConfig: { theme: THEMES[theme].mermaid },
      viewport: { width: 800, height: 600, deviceScaleFactor: 1 }
    })
    image = `<p><img alt="chart" style="max-width: 100%" src="data:image/png;base64,${Buffer.from(data).toString('base64')}"></p>`
    drawn.set(key, image)
  }
  return image
}

/** The Markdown with each ```mermaid block replaced by the chart Mermaid draws, as an image. */
async function withChartImages(browser: Browser, markdown: string, theme: Theme): Promise<string> {
  let html = markdown
  for (const block of markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm))
    html = html.replace(block[0], await chartImage(browser, block[1]!, theme))
  return html
}

async function page(browser: Browser, title: string, markdown: string, theme: Theme): Promise<string> {
  const css = await readFile(join(root, 'node_modules', 'github-markdown-css', THEMES[theme].css), 'utf8')
  const body = await marked.parse(await withChartImages(browser, markdown, theme), { gfm: true })
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title} (${theme})</title><style>${css}
body { background: ${THEMES[theme].page}; margin: 0; }
.markdown-body { box-sizing: border-box; max-width: 900px; padding: 32px; }
</style></head><body><article class="markdown-body">${body}</article></body></html>`
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, 'install-browser': { type: 'boolean' }, only: { type: 'string' } }
  })
  const out = resolve(values.out ?? join(tmpdir(), 'braket-report-render'))
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  ensureChromium(chromium, values['install-browser'] ?? false)
  await mkdir(out, { recursive: true })

  const documents: Array<{ name: string; markdown: string }> = []
  for (const [name, run] of Object.entries(SAMPLE_RUNS)) {
    if (values.only && !name.includes(values.only)) continue
    const { report } = sampleReport(run)
    documents.push(
      { name: `${name}-summary`, markdown: renderReport(report, 'summary') },
      { name: `${name}-comment`, markdown: renderReport(report, 'comment') }
    )
  }
  for (const file of positionals) documents.push({ name: basename(file).replace(/\.md$/, ''), markdown: await readFile(file, 'utf8') })

  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_FLAGS })
  try {
    const tab = await browser.newPage()
    await tab.setViewport({ width: 960, height: 600, deviceScaleFactor: 1 })
    for (const document of documents) {
      await writeFile(join(out, `${document.name}.md`), document.markdown)
      for (const theme of Object.keys(THEMES) as Theme[]) {
        const html = await page(browser, document.name, document.markdown, theme)
        const file = join(out, `${document.name}-${theme}`)
        await writeFile(`${file}.html`, html)
        await tab.setContent(html, { waitUntil: 'load' })
        await tab.screenshot({ path: `${file}.png`, fullPage: true })
        console.log(`${file}.html  ${file}.png`)
      }
    }
  } finally {
    await browser.close()
  }
}

await main()
