// Turns the `exclude` input into a matcher over paths relative to source-dir.
// Semantics are plain minimatch with `dot: true` (so `*` also matches dotfiles and
// `*.ipynb` matches top-level notebooks only; `**/*.ipynb` matches at any depth).
// Directories are matched as `dir/`, which lets `data`, `data/` and `data/**` all
// leave out the directory itself, and so everything below it, instead of leaving
// an empty `data/` behind.
import { Minimatch } from 'minimatch'
import { quoted } from '../common/untrusted.js'
import { SourcePackagingError } from './errors.js'
import { errorMessage } from '../common/errors.js'

export interface ExcludeRules {
  /** The first pattern (as the user wrote it) that leaves this path out, if any. */
  matchingPattern(relativePath: string, isDirectory: boolean): string | undefined
}

const ALLOWED = 'Allowed: minimatch globs relative to source-dir, one per line, such as data/**, **/*.ipynb or **/__pycache__/**.'

export function compileExcludePatterns(patterns: readonly string[]): ExcludeRules {
  const compiled: { text: string; matcher: Minimatch }[] = []
  for (const raw of patterns) {
    const text = raw.trim()
    // Blank lines and `#` comments are what multi-line action inputs naturally contain.
    if (text === '' || text.startsWith('#')) continue
    compiled.push({ text, matcher: compileOne(text) })
  }
  return {
    matchingPattern(relativePath, isDirectory) {
      const subject = isDirectory ? `${relativePath}/` : relativePath
      return compiled.find(({ matcher }) => matcher.match(subject))?.text
    }
  }
}

function compileOne(text: string): Minimatch {
  const fail = (what: string) => new SourcePackagingError('exclude', `${quoted(text)}: ${what}. ${ALLOWED}`)
  if (text.startsWith('!')) throw fail('negated patterns ("!…") are not supported, every pattern leaves paths out')
  if (/^([\\/]|[A-Za-z]:)/.test(text)) throw fail('absolute paths are not allowed')
  if (text.split(/[\\/]/).includes('..')) throw fail('".." is not allowed, patterns cannot reach outside source-dir')
  const relative = text.replace(/^(\.\/)+/, '')
  try {
    return new Minimatch(relative, { dot: true, nonegate: true, nocomment: true })
  } catch (error) {
    throw fail(`not a valid glob (${errorMessage(error)})`)
  }
}
