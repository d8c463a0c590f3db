// What dist/ is built from, as a list of content digests. `npm run build` records it in
// dist/build-inputs.sha256; the test set-up and the release script compare it with the source
// to tell whether dist/ is stale without rebuilding it.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const DIST_DIGEST_FILE = join('dist', 'build-inputs.sha256')

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/**
 * One `<sha256>  <input>` line per input, sorted: the TypeScript sources, the compiler settings, the
 * build command, the installed packages and the script that finishes the bundle. Only what changes the
 * bundle counts: package.json's `type` and `scripts.build`, and the lock file's installed packages
 * (not the root entry, whose version, licence or engines do not reach the bundle).
 */
export function distInputs(root = '.'): string {
  const entries = new Map<string, string>()
  for (const file of [...filesUnder(join(root, 'src')), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')])
    entries.set(relative(root, file).split(sep).join('/'), sha256(readFileSync(file)))
  entries.set('scripts/finish-dist.ts', sha256(readFileSync(join(root, 'scripts', 'finish-dist.ts'))))

  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { type?: string; scripts?: Record<string, string> }
  entries.set('package.json (type, scripts.build)', sha256(JSON.stringify([manifest.type, manifest.scripts?.build])))
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, unknown> }
  const installed = Object.entries(lock.packages ?? {}).filter(([path]) => path !== '')
  entries.set('package-lock.json (installed packages)', sha256(JSON.stringify(installed)))

  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([input, digest]) => `${digest}  ${input}\n`)
    .join('')
}

/** The inputs dist/ was last built from, or undefined when it records none. */
export function recordedDistInputs(root = '.'): string | undefined {
  const file = join(root, DIST_DIGEST_FILE)
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** `<sha256>  <input>` lines as input → digest. */
function parseInputs(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^([0-9a-f]{64}) {2}(.+)$/gm)].map(([, digest, input]) => [input!, digest!]))
}

/**
 * The inputs that differ between what dist/ was built from and the source now (added, changed or
 * removed); undefined when dist/ records no inputs (built before they were recorded, or never).
 */
export function staleDistInputs(root = '.'): string[] | undefined {
  const recordedText = recordedDistInputs(root)
  if (recordedText === undefined) return undefined
  const recorded = parseInputs(recordedText)
  const current = parseInputs(distInputs(root))
  const names = new Set([...recorded.keys(), ...current.keys()])
  return [...names].filter((name) => recorded.get(name) !== current.get(name)).sort()
}
