// source-dir, entry-point, compression and exclude: what is packaged and what the
// container runs. Every rule for these inputs is checked here, before anything runs;
// packaging itself only looks for the entry point's module in the walked tree.
import { basename, extname, resolve } from 'node:path'
import { isInside } from '../common/paths.js'
import { parseEntryPoint, type EntryPoint } from '../archive/entry-point.js'
import { SourcePackagingError } from '../archive/errors.js'
import { compileExcludePatterns, type ExcludeRules } from '../archive/exclude-patterns.js'
import type { Compression } from '../archive/types.js'
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, checkConstraint } from './constraints.js'
import { parseLines, shownValue, type Report } from './parse-input.js'
import { linkedOutside, type PathProbe } from './path-probe.js'

export interface SourceSection {
  /** Absolute path of the algorithm directory (or file, with compression none). */
  sourcePath: string
  /** As written in the workflow, for messages. */
  sourceDir: string
  entryPoint: string
  entryModule?: EntryPoint
  compression: Compression
  exclude: string[]
  excludeRules: ExcludeRules
}

export function readSourceSection(raw: RawInputs, workspace: string, probe: PathProbe, report: Report): SourceSection {
  const compression = readCompression(raw, report)
  const sourceDir = raw['source-dir']
  const sourcePath = resolve(workspace, sourceDir || '.')
  if (sourceDir === '')
    report({ input: 'source-dir', message: 'is required: give the algorithm directory in the repository, such as algorithms/vqe.' })
  else checkSourcePath(sourceDir, sourcePath, workspace, compression, probe, report)

  const entryPoint = raw['entry-point']
  let entryModule: EntryPoint | undefined
  if (entryPoint === '')
    report({ input: 'entry-point', message: 'is required: give the module (and function) the job runs, such as vqe.main:run.' })
  else if (checkConstraint('entry-point', entryPoint, CONSTRAINTS.entryPoint, report))
    entryModule = caught(() => parseEntryPoint(entryPoint), report)
  if (entryModule && compression === 'none' && sourceDir !== '' && extname(sourcePath) === '.py')
    checkSingleFileModule(entryModule, sourcePath, report)

  const exclude = parseLines(raw.exclude)
  const excludeRules = caught(() => compileExcludePatterns(exclude), report) ?? compileExcludePatterns([])
  return { sourcePath, sourceDir, entryPoint, ...(entryModule ? { entryModule } : {}), compression, exclude, excludeRules }
}

function readCompression(raw: RawInputs, report: Report): Compression {
  const compression = raw.compression || 'gzip'
  if (compression === 'gzip' || compression === 'none') return compression
  report({
    input: 'compression',
    message: `${shownValue(compression)} is not allowed: give gzip (a tar.gz of source-dir) or none (source-dir is one .py file).`
  })
  return 'gzip'
}

function checkSourcePath(
  sourceDir: string,
  sourcePath: string,
  workspace: string,
  compression: Compression,
  probe: PathProbe,
  report: Report
) {
  const fail = (message: string) => report({ input: 'source-dir', message: `${shownValue(sourceDir)} ${message}` })
  if (!isInside(workspace, sourcePath)) return fail(`is outside the workspace ${workspace}: give a path inside the repository.`)
  const found = probe(sourcePath)
  const outside = linkedOutside(found, workspace, probe)
  if (outside) return fail(`leads outside the workspace (to ${outside}) through a symbolic link: give a path inside the repository.`)
  switch (found.kind) {
    case 'missing':
      return fail(`does not exist in the workspace ${workspace}: check the path, and that actions/checkout ran before this step.`)
    case 'unreadable':
      return fail(`cannot be read (${found.why}).`)
    case 'other':
      return fail('is neither a directory nor a file.')
    case 'directory':
      if (basename(sourcePath) === '') return fail('is the filesystem root: name a project directory.')
      if (compression === 'none') {
        report({
          input: 'compression',
          message:
            `none uploads a single .py file as is, but source-dir ${shownValue(sourceDir)} is a directory: use gzip to package a ` +
            `directory.`
        })
      }
      return
    case 'file':
      if (compression === 'gzip') {
        const hint = extname(sourcePath) === '.py' ? ' (a single .py file is uploaded as is with compression: none)' : ''
        return fail(`is a file, but compression gzip packages a directory${hint}.`)
      }
      if (extname(sourcePath) !== '.py') fail('is not a .py file: with compression none, source-dir must be a single .py file.')
  }
}

function checkSingleFileModule(entryModule: EntryPoint, sourcePath: string, report: Report): void {
  const fileName = basename(sourcePath)
  const stem = fileName.slice(0, -'.py'.length)
  if (entryModule.moduleName === stem) return
  report({
    input: 'entry-point',
    message:
      `${shownValue(entryModule.text)} is not allowed with compression none: the only module is ${stem} (the file ${fileName}), ` +
      `so the entry point must be ${stem} or ${stem}:<function>.`
  })
}

/** Runs a parser of the archive module that throws its input problems; reports the problem instead. */
function caught<T>(parse: () => T, report: Report): T | undefined {
  try {
    return parse()
  } catch (error) {
    if (!(error instanceof SourcePackagingError)) throw error
    report(error.problem)
    return undefined
  }
}
