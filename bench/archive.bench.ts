// Benchmark of source packaging: throughput, and peak memory at two input sizes
// to show memory does not grow with the size of the tree.
//
//   npx tsx bench/archive.bench.ts            # 50 MB and 200 MB
//   npx tsx bench/archive.bench.ts 20 80      # other sizes, in MB
//
// Each size is packaged in a fresh child process, so its peak RSS
// (getrusage maxRSS) belongs to that run alone. Generated trees live in a
// temporary directory that is removed at the end.
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MB = 1024 * 1024

interface ChildReport {
  elapsedMs: number
  baselineRssMB: number
  sampledPeakRssMB: number
  maxRssMB: number
  peakHeapUsedMB: number
  archiveMB: number
  fileCount: number
}

if (process.argv[2] === '--child') await runChild(process.argv[3]!, process.argv[4]!)
else
  await runParent(
    process.argv
      .slice(2)
      .map(Number)
      .filter((n) => n > 0)
  )

async function runParent(sizesMB: number[]): Promise<void> {
  const sizes = sizesMB.length > 0 ? sizesMB : [50, 200]
  const scratch = await mkdtemp(join(tmpdir(), 'archive-bench-'))
  try {
    const pool = makeContentPool()
    console.log(`node ${process.version}, ${process.platform}/${process.arch}; half the bytes compressible text, half random\n`)
    console.log('input MB  files  archive MB  seconds   MB/s   baseline RSS  peak RSS (sampled)  peak RSS (maxRSS)  peak JS heap used')
    const peaks: number[] = []
    for (const sizeMB of sizes) {
      const sourceDir = join(scratch, `size-${sizeMB}`, 'bench_src')
      const fileCount = await generateTree(sourceDir, sizeMB * MB, pool)
      const workDir = join(scratch, `work-${sizeMB}`)
      await mkdir(workDir)
      const report = await packageInChild(sourceDir, workDir)
      const seconds = report.elapsedMs / 1000
      console.log(
        [
          sizeMB.toFixed(0).padStart(8),
          String(fileCount).padStart(6),
          report.archiveMB.toFixed(1).padStart(11),
          seconds.toFixed(2).padStart(8),
          (sizeMB / seconds).toFixed(1).padStart(6),
          `${report.baselineRssMB.toFixed(0)} MB`.padStart(14),
          `${report.sampledPeakRssMB.toFixed(0)} MB`.padStart(19),
          `${report.maxRssMB.toFixed(0)} MB`.padStart(18),
          `${report.peakHeapUsedMB.toFixed(0)} MB`.padStart(18)
        ].join('  ')
      )
      peaks.push(report.maxRssMB)
      await rm(join(scratch, `size-${sizeMB}`), { recursive: true, force: true })
      await rm(workDir, { recursive: true, force: true })
    }
    if (sizes.length > 1) {
      const inputGrowth = sizes.at(-1)! / sizes[0]!
      console.log(`\ninput grew ${inputGrowth.toFixed(1)}x; peak RSS grew ${(peaks.at(-1)! / peaks[0]!).toFixed(2)}x`)
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

function packageInChild(sourceDir: string, workDir: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', sourceDir, workDir], { execArgv: process.execArgv })
    let report: ChildReport | undefined
    child.on('message', (message) => (report = message as ChildReport))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 && report ? resolve(report) : reject(new Error(`benchmark child exited with ${code}`))))
  })
}

async function runChild(sourceDir: string, workDir: string): Promise<void> {
  const { packageSource } = await import('../src/archive/package-source.js')
  const baseline = process.memoryUsage().rss
  let peak = baseline
  let peakHeapUsed = 0
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    peak = Math.max(peak, usage.rss)
    peakHeapUsed = Math.max(peakHeapUsed, usage.heapUsed)
  }, 10)
  const started = performance.now()
  const { parseEntryPoint } = await import('../src/archive/entry-point.js')
  const { compileExcludePatterns } = await import('../src/archive/exclude-patterns.js')
  const packaged = await packageSource({
    sourceDir,
    entryPoint: parseEntryPoint('bench_src.main:run'),
    compression: 'gzip',
    exclude: compileExcludePatterns([]),
    workDir
  })
  const elapsedMs = performance.now() - started
  clearInterval(sampler)
  const report: ChildReport = {
    elapsedMs,
    baselineRssMB: baseline / MB,
    sampledPeakRssMB: Math.max(peak, process.memoryUsage().rss) / MB,
    maxRssMB: process.resourceUsage().maxRSS / 1024, // reported in KiB
    peakHeapUsedMB: peakHeapUsed / MB,
    archiveMB: packaged.sizeBytes / MB,
    fileCount: packaged.fileCount
  }
  process.send!(report, () => process.exit(0))
}

interface ContentPool {
  text: Buffer
  random: Buffer
}

function makeContentPool(): ContentPool {
  const words = [
    'def',
    'return',
    'import',
    'numpy',
    'as',
    'np',
    'circuit',
    'qubit',
    'theta',
    'energy',
    'for',
    'in',
    'range',
    'if',
    'else',
    '=',
    '+',
    '(',
    ')',
    ':'
  ]
  const lines: string[] = []
  let seed = 1
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
  for (let length = 0; length < 4 * MB; length += lines.at(-1)!.length + 1) {
    const wordCount = 4 + (next() % 10)
    lines.push(
      `${' '.repeat(4 * (next() % 3))}${Array.from({ length: wordCount }, () => words[next() % words.length]).join(' ')} ${next() % 1000}`
    )
  }
  return { text: Buffer.from(lines.join('\n')), random: randomBytes(4 * MB) }
}

/** A few thousand files of 1–128 KB (mean ~64 KB) in directories of 40, half text and half random bytes. */
async function generateTree(root: string, totalBytes: number, pool: ContentPool): Promise<number> {
  await mkdir(root, { recursive: true })
  await writeFile(join(root, 'main.py'), 'def run():\n    pass\n')
  let written = 0
  let index = 0
  while (written < totalBytes) {
    const size = Math.min(totalBytes - written, 1024 + ((index * 7919) % (127 * 1024)))
    const source = index % 2 === 0 ? pool.text : pool.random
    const offset = (index * 104729) % (source.length - size)
    const directory = join(root, `pkg_${Math.floor(index / 40)}`)
    if (index % 40 === 0) await mkdir(directory)
    await writeFile(join(directory, `module_${index}.${index % 2 === 0 ? 'py' : 'bin'}`), source.subarray(offset, offset + size))
    written += size
    index++
  }
  return index + 1
}
