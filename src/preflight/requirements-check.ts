// Every requirements.txt the container will hand to pip, read the way pip reads
// it: backslash continuations joined, comments dropped, options recognised, each
// remaining line a PEP 508 requirement (pip-requirements-js's grammar), a URL, or
// a local path inside the tree; `-r`/`-c` includes followed and kept inside the
// tree. A line pip would refuse is a problem naming the file and the line.
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, posix, resolve } from 'node:path'
import { errorMessage } from '../common/errors.js'
import { isInside } from '../common/paths.js'
import { quoted } from '../common/untrusted.js'
import type { InputProblem } from '../inputs/input-error.js'

export interface RequirementsListing {
  /** Archive path, e.g. vqe/requirements.txt. */
  path: string
  requirements: number
  /** Files it includes with -r or -c, as archive paths. */
  includes: string[]
}

/** Options pip accepts on a line of their own in a requirements file (pip's req_file.py SUPPORTED_OPTIONS). */
const GLOBAL_OPTIONS = new Set([
  '-i',
  '--index-url',
  '--extra-index-url',
  '--no-index',
  '-f',
  '--find-links',
  '--pre',
  '--prefer-binary',
  '--require-hashes',
  '--only-binary',
  '--no-binary',
  '--trusted-host',
  '--use-feature'
])
const INCLUDE = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?<=^-[rc]))(\S.*)$/
const EDITABLE = /^(?:-e|--editable)(?:\s*=\s*|\s+)(\S.*)$/
/** Per-requirement options that may follow a requirement on its line. */
const PER_REQUIREMENT_OPTION = /\s--(?:hash|config-settings|global-option|install-option)\b.*$/
const URL = /^[a-z][a-z0-9+.-]*:\/\//i
const ALLOWED =
  'Each line must be a requirement (PEP 508: a name, optional [extras], version specifiers and ; markers), a URL or a path inside ' +
  'source-dir, an -r/-c include inside source-dir, or a pip option.'
const MAX_FILE_BYTES = 1024 * 1024

interface Line {
  number: number
  text: string
}

/** Logical lines: comments removed, backslash continuations joined, numbered by the line they start on. */
export function logicalLines(content: string): Line[] {
  const lines: Line[] = []
  let pending: Line | undefined
  content.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/(^|\s)#.*$/, '')
    const continued = /\\$/.test(text)
    const part = continued ? text.slice(0, -1) : text
    pending = pending ? { number: pending.number, text: pending.text + part } : { number: index + 1, text: part }
    if (continued) return
    if (pending.text.trim() !== '') lines.push({ number: pending.number, text: pending.text.trim() })
    pending = undefined
  })
  if (pending && pending.text.trim() !== '') lines.push({ number: pending.number, text: pending.text.trim() })
  return lines
}

/** The PEP 508 grammar (pip-requirements-js and its parser, ohm), loaded only for a tree that has requirements. */
let grammar: Promise<typeof import('pip-requirements-js')> | undefined
const pep508Grammar = () => (grammar ??= import('pip-requirements-js'))

export class RequirementsChecker {
  readonly problems: InputProblem[] = []
  private readonly listed = new Map<string, RequirementsListing>()

  /** `root`: the unpacked archive (the container's code directory and pip's working directory). */
  constructor(private readonly root: string) {}

  async check(archivePath: string): Promise<void> {
    if (this.listed.has(archivePath)) return
    const listing: RequirementsListing = { path: archivePath, requirements: 0, includes: [] }
    this.listed.set(archivePath, listing)
    const file = resolve(this.root, ...archivePath.split('/'))
    if (statSync(file).size > MAX_FILE_BYTES) return this.problem(archivePath, undefined, `is larger than ${MAX_FILE_BYTES} bytes.`)
    for (const line of logicalLines(await readFile(file, 'utf8'))) await this.checkLine(listing, line)
  }

  listings(): RequirementsListing[] {
    return [...this.listed.values()]
  }

  private async checkLine(listing: RequirementsListing, line: Line): Promise<void> {
    const include = INCLUDE.exec(line.text)
    if (include) {
      const target = include[1]!.trim()
      if (URL.test(target)) return
      const included = this.insidePath(listing.path, line, posix.join(posix.dirname(listing.path), target), target)
      if (included === undefined) return
      listing.includes.push(included)
      return this.check(included)
    }
    const editable = EDITABLE.exec(line.text)
    if (editable) {
      const target = editable[1]!.trim()
      if (!URL.test(target)) this.insidePath(listing.path, line, posix.normalize(target), target, 'directory')
      listing.requirements += 1
      return
    }
    if (line.text.startsWith('-')) {
      const option = line.text.split(/[\s=]/)[0]!
      if (!GLOBAL_OPTIONS.has(option))
        this.problem(listing.path, line, `${quoted(option)} is not an option pip accepts in a requirements file.`)
      return
    }
    listing.requirements += 1
    const requirement = line.text.replace(PER_REQUIREMENT_OPTION, '').trim()
    // pip expands ${VARIABLE}s from the environment before it parses; what they hold is not known here.
    if (URL.test(requirement) || requirement.includes('${')) return
    if (/^[.~/]/.test(requirement)) return void this.insidePath(listing.path, line, posix.normalize(requirement), requirement, 'any')
    try {
      ;(await pep508Grammar()).parsePipRequirementsLine(requirement)
    } catch (error) {
      const detail = errorMessage(error).replace(/^Failed to parse requirements line\. Line 1, col (\d+):/, 'at column $1:')
      this.problem(listing.path, line, `${quoted(line.text, 200)} is not a requirement pip accepts (${detail.trim()}).`)
    }
  }

  /** The archive path a local path names, when it is inside the tree and exists; otherwise a problem. */
  private insidePath(
    from: string,
    line: Line,
    archivePath: string,
    written: string,
    kind: 'file' | 'directory' | 'any' = 'file'
  ): string | undefined {
    const target = resolve(kind === 'file' ? dirname(resolve(this.root, from)) : this.root, written)
    const shown = quoted(written, 200)
    if (!isInside(this.root, target)) {
      this.problem(from, line, `${shown} is outside source-dir; the job gets only what source-dir holds.`)
      return undefined
    }
    const found = existsSync(target) ? statSync(target) : undefined
    if (!found || (kind === 'file' && !found.isFile()) || (kind === 'directory' && !found.isDirectory())) {
      this.problem(from, line, `${shown} is not in the archive (looked for ${archivePath}).`)
      return undefined
    }
    return posix.normalize(archivePath)
  }

  private problem(path: string, line: Line | undefined, message: string): void {
    const where = line ? `${path}, line ${line.number}` : path
    this.problems.push({ input: 'source-dir', message: `${where}: ${message} ${ALLOWED}` })
  }
}
