// `npm run release -- 1.2.3`: cuts a release in the local repository, and pushes nothing.
// It checks that the tree is clean and that dist/ is the build of the source (rebuilt and compared),
// moves CHANGELOG.md's Unreleased section under the version with today's date, commits, tags
// v1.2.3 and moves the major tag (v1) to it. Then it prints the push commands.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { staleDistInputs } from './dist-inputs.js'

const CHANGELOG = 'CHANGELOG.md'
const UNRELEASED = '## [Unreleased]'

class ReleaseError extends Error {}

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

const tagExists = (tag: string) => git('tag', '--list', tag) !== ''

type Version = [number, number, number]
const parseVersion = (text: string): Version | undefined => {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text)
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined
}
const isAbove = (a: Version, b: Version) => (a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2])

function checkCleanTree(): void {
  const changes = git('status', '--porcelain', '--untracked-files=all')
  if (changes !== '') throw new ReleaseError(`The working tree has changes; commit or stash them first:\n${changes}`)
}

/** The changelog with Unreleased's entries moved under the version; refuses an empty Unreleased or an older version. */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  const start = changelog.indexOf(`${UNRELEASED}\n`)
  if (start < 0) throw new ReleaseError(`${CHANGELOG} has no "${UNRELEASED}" section.`)
  const bodyStart = start + UNRELEASED.length + 1
  const next = changelog.indexOf('\n## ', bodyStart)
  const bodyEnd = next < 0 ? changelog.length : next + 1
  const entries = changelog.slice(bodyStart, bodyEnd).trim()
  if (entries === '') throw new ReleaseError(`${CHANGELOG}'s Unreleased section is empty: say what changed in ${version} first.`)

  const latest = /^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog.slice(bodyEnd))?.[1]
  if (latest && !isAbove(parseVersion(version)!, parseVersion(latest)!))
    throw new ReleaseError(`${version} is not above the latest release in ${CHANGELOG}, ${latest}.`)
  return `${changelog.slice(0, bodyStart)}\n## [${version}] - ${date}\n\n${entries}\n\n${changelog.slice(bodyEnd)}`.replace(/\n+$/, '\n')
}

/** dist/ must be the build of what is committed: first the recorded inputs (quick), then a rebuild compared byte for byte. */
function checkFreshDist(): void {
  const stale = staleDistInputs()
  if (stale === undefined || stale.length > 0)
    throw new ReleaseError(
      `dist/ is not the build of the source (${stale ? `changed since: ${stale.join(', ')}` : 'it records no build inputs'}). ` +
        `Run 'npm run build', commit dist/, and release again.`
    )
  console.log('Rebuilding dist/ to compare it with the committed one …')
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] })
  const differences = git('status', '--porcelain', '--untracked-files=all', '--', 'dist')
  if (differences !== '')
    throw new ReleaseError(
      `The build differs from the committed dist/:\n${differences}\nReview and commit the rebuilt dist/, then release again.`
    )
}

export function release(version: string, date = new Date().toISOString().slice(0, 10)): void {
  const parsed = parseVersion(version)
  if (!parsed) throw new ReleaseError(`Give the version as MAJOR.MINOR.PATCH, e.g. npm run release -- 1.2.3 (got "${version}").`)
  const tag = `v${version}`
  const major = `v${parsed[0]}`
  checkCleanTree()
  if (tagExists(tag)) throw new ReleaseError(`${tag} exists already.`)
  const changelog = releaseChangelog(readFileSync(CHANGELOG, 'utf8'), version, date)
  checkFreshDist()

  writeFileSync(CHANGELOG, changelog)
  git('add', CHANGELOG)
  git('commit', '--quiet', '--message', `Release ${version}`)
  git('tag', '--annotate', tag, '--message', tag)
  const movedFrom = tagExists(major) ? git('rev-parse', '--short', `${major}^{commit}`) : undefined
  git('tag', '--force', '--annotate', major, '--message', `${major}: ${tag}`)
  const head = git('rev-parse', '--short', 'HEAD')
  console.log(`Released ${version}: commit ${head}, tag ${tag}; ${major} ${movedFrom ? `moved from ${movedFrom} to ${head}` : 'created'}.`)
  console.log(`Publish it with:\n  git push origin HEAD ${tag}\n  git push --force origin ${major}`)
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  try {
    release(process.argv[2] ?? '')
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error
    console.error(`release: ${error.message}`)
    process.exitCode = 1
  }
}
