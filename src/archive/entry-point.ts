// The entry point names what the job container runs: `module` (run like
// `python -m module`) or `module:function` (imported, then the function called).
// The container puts the archive root's parent on sys.path, so module names
// start with the archive root, the source-dir's own name: `vqe.main` is
// `vqe/main.py` or `vqe/main/__init__.py` inside the archive.
import { explainLeftOut, type SourceEntry, type SourceListing } from './walk-source.js'
import { compareBytewise } from './byte-order.js'
import { SourcePackagingError } from './errors.js'
import { quoted } from '../common/untrusted.js'

export interface EntryPoint {
  text: string
  moduleName: string
  moduleParts: string[]
  functionName?: string
}

const ALLOWED = 'Allowed: a dotted Python module path, optionally followed by ":function", such as vqe.main or vqe.main:run.'
// Python 3 identifiers (PEP 3131): XID_Start or "_", then XID_Continue.
const IDENTIFIER = /^[\p{XID_Start}_]\p{XID_Continue}*$/u
const MODULES_SHOWN = 10

export function isPythonIdentifier(name: string): boolean {
  return IDENTIFIER.test(name)
}

export function parseEntryPoint(text: string): EntryPoint {
  const fail = (problem: string) => new SourcePackagingError('entry-point', `${quoted(text)} ${problem}. ${ALLOWED}`)
  if (text.trim() === '') throw fail('is empty')
  if (/[/\\]/.test(text)) {
    const suggestion = text
      .replace(/^\.?[/\\]+/, '')
      .replace(/\.py(?=:|$)/, '')
      .replace(/[/\\]+/g, '.')
    throw fail(`looks like a file path; write the module path instead (${suggestion})`)
  }
  const [moduleName = '', functionName, ...extra] = text.split(':')
  if (extra.length > 0) throw fail('has more than one ":"')
  const moduleParts = moduleName.split('.')
  const badPart = moduleParts.find((part) => !isPythonIdentifier(part))
  if (badPart !== undefined) {
    throw fail(
      badPart === ''
        ? `has an empty part in its module path "${moduleName}"`
        : `has "${badPart}" in its module path, which is not a Python identifier`
    )
  }
  if (functionName !== undefined && !isPythonIdentifier(functionName)) {
    throw fail(functionName === '' ? 'has nothing after ":"' : `names the function "${functionName}", which is not a Python identifier`)
  }
  return functionName === undefined ? { text, moduleName, moduleParts } : { text, moduleName, moduleParts, functionName }
}

/** What the entry point's module file may be, as archive paths (archive root first). */
export function moduleCandidates(entryPoint: EntryPoint): { moduleFile: string; packageInit: string } {
  const path = entryPoint.moduleParts.join('/')
  return { moduleFile: `${path}.py`, packageInit: `${path}/__init__.py` }
}

/**
 * Fails unless the archive will contain the entry point's module, looking at
 * the archive as the container will see it once unpacked (so a module reached
 * through a packaged in-tree symlink counts, and an excluded one does not).
 */
export function requireEntryPointModule(entryPoint: EntryPoint, listing: SourceListing, rootName: string, sourceDirShown: string): void {
  const tree = new PackagedTree(listing.entries)
  const { moduleFile, packageInit } = moduleCandidates(entryPoint)
  const inSource = (archivePath: string) => (archivePath.startsWith(`${rootName}/`) ? archivePath.slice(rootName.length + 1) : undefined)
  const isPackagedFile = (archivePath: string) => {
    const relativePath = inSource(archivePath)
    return relativePath !== undefined && tree.kindAt(relativePath) === 'file'
  }
  const fail = (problem: string) => new SourcePackagingError('entry-point', `${quoted(entryPoint.text)}: ${problem}`)

  // Python prefers a package over a same-named module file, so check it first.
  if (isPackagedFile(packageInit)) {
    // Without ":function" the container runs the module like `python -m`, which for a package runs its __main__.py.
    const packageMain = packageInit.replace(/__init__\.py$/, '__main__.py')
    if (entryPoint.functionName === undefined && !isPackagedFile(packageMain)) {
      throw fail(
        `${entryPoint.moduleName} is a package, and an entry point without ":function" runs the package's ${packageMain}, ` +
          `which is not in source-dir ${sourceDirShown}; name a function (${entryPoint.moduleName}:main) or a module file instead`
      )
    }
    return
  }
  if (isPackagedFile(moduleFile)) return

  const notes = new Set<string>()
  for (const candidate of [moduleFile, packageInit]) {
    const relativePath = inSource(candidate)
    const why = relativePath === undefined ? undefined : explainLeftOut(listing.leftOut, relativePath)
    if (why) notes.add(`${rootName}/${why.path} is not packaged: ${why.reason}`)
  }
  if (entryPoint.moduleParts[0] !== rootName) {
    notes.add(`module names start with the archive root "${rootName}" (the name of source-dir)`)
  }
  if (!isPythonIdentifier(rootName)) {
    notes.add(`"${rootName}" is not a Python identifier, so no module in it can be named; rename the directory`)
  }
  const modules = pythonModuleNames(listing.entries, rootName)
  const found =
    modules.length === 0
      ? 'no importable Python modules found'
      : `modules found: ${modules.slice(0, MODULES_SHOWN).join(', ')}` +
        (modules.length > MODULES_SHOWN ? ` (and ${modules.length - MODULES_SHOWN} more)` : '')
  throw fail(
    `module ${entryPoint.moduleName} is not in source-dir ${sourceDirShown} (looked for ${moduleFile} and ${packageInit}); ` +
      [...notes, found].join('; ')
  )
}

/** Importable module names in the archive, sorted: `vqe.main` for vqe/main.py, `vqe.algos` for vqe/algos/__init__.py. */
export function pythonModuleNames(entries: readonly SourceEntry[], rootName: string): string[] {
  const names = new Set<string>()
  for (const entry of entries) {
    const isFile = entry.kind === 'file' || (entry.kind === 'symlink' && entry.targetKind === 'file')
    if (!isFile || !entry.relativePath.endsWith('.py')) continue
    const parts = [rootName, ...entry.relativePath.slice(0, -'.py'.length).split('/')]
    if (parts.at(-1) === '__init__') parts.pop()
    if (parts.every(isPythonIdentifier)) names.add(parts.join('.'))
  }
  return [...names].sort(compareBytewise)
}

/** The packaged entries as a filesystem: lookups follow packaged symlinks the way the unpacked tree will. */
class PackagedTree {
  private readonly byPath: Map<string, SourceEntry>

  constructor(entries: readonly SourceEntry[]) {
    this.byPath = new Map(entries.map((entry) => [entry.relativePath, entry]))
  }

  kindAt(relativePath: string): 'file' | 'directory' | undefined {
    let current = ''
    let kind: 'file' | 'directory' = 'directory'
    for (const part of relativePath.split('/')) {
      const entry = this.byPath.get(current === '' ? part : `${current}/${part}`)
      if (entry === undefined || kind === 'file') return undefined
      // A packaged link's target is a resolved, packaged path, so one hop is enough.
      current = entry.kind === 'symlink' ? entry.targetPath : entry.relativePath
      kind = entry.kind === 'symlink' ? entry.targetKind : entry.kind
    }
    return kind
  }
}
