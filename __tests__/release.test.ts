// `npm run release -- X.Y.Z`, run on a throw-away clone of this repository in a temp dir: what it
// refuses, and what a release leaves (changelog, commit, tags, the major tag moved). No network:
// the clone's origin is this repository on disk, and the script pushes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { staleDistInputs } from '../scripts/dist-inputs.js'
import { releaseChangelog } from '../scripts/release.js'

const REPOSITORY = resolve('.')
const RELEASE_SCRIPT = join(REPOSITORY, 'scripts', 'release.ts')
const today = new Date().toISOString().slice(0, 10)
/** A release rebuilds dist/ (tsc and two ncc bundles): tens of seconds on two busy cores. */
const BUILD_TIMEOUT_MS = 300_000

let clone: string
const { NODE_OPTIONS: _jestNodeOptions, ...inherited } = process.env
const env = {
  ...inherited,
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com'
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, env, encoding: 'utf8' }).trim()

/** The release script of this working tree, run in the clone as `npm run release -- <version>` runs it there. */
function release(version: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', RELEASE_SCRIPT, version], { cwd: clone, env, encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'release-'))
  clone = join(dir, 'clone')
  execFileSync('git', ['clone', '--quiet', REPOSITORY, clone], { env })
  // This checkout's packages, hard-linked (a copy where that fails). Not a symlink: ncc names modules by their real
  // paths, so packages outside the clone would give other module ids and a dist/ that differs from the committed one.
  const copied = spawnSync('cp', ['-al', join(REPOSITORY, 'node_modules'), join(clone, 'node_modules')])
  if (copied.status !== 0)
    cpSync(join(REPOSITORY, 'node_modules'), join(clone, 'node_modules'), { recursive: true, verbatimSymlinks: true })
  // The release's fresh dist/: this checkout's, when it is the build of the clone's sources (as jest's set-up leaves it).
  rmSync(join(clone, 'dist'), { recursive: true })
  cpSync(join(REPOSITORY, 'dist'), join(clone, 'dist'), { recursive: true })
  if (staleDistInputs(clone)?.length !== 0) execFileSync('npm', ['run', 'build', '--silent'], { cwd: clone, env, stdio: 'ignore' })
  git('add', '--all', 'dist')
  git('commit', '--quiet', '--allow-empty', '--message', 'dist/ built from the sources')
}, BUILD_TIMEOUT_MS)

afterAll(() => {
  rmSync(resolve(clone, '..'), { recursive: true, force: true })
})

describe('npm run release', () => {
  it('refuses a version that is not MAJOR.MINOR.PATCH, and a tree with changes', () => {
    expect(release('v1.2').stderr).toContain('Give the version as MAJOR.MINOR.PATCH')
    writeFileSync(join(clone, 'notes.txt'), 'draft')
    const dirty = release('1.2.3')
    expect(dirty.status).toBe(1)
    expect(dirty.stderr).toContain('The working tree has changes; commit or stash them first:\n?? notes.txt')
    rmSync(join(clone, 'notes.txt'))
  })

  it('refuses a dist/ that is not the build of the source, naming what changed', () => {
    appendFileSync(join(clone, 'src', 'index.ts'), '// changed\n')
    git('commit', '--quiet', '--all', '--message', 'a source change without its dist/')
    const stale = release('1.2.3')
    expect(stale.status).toBe(1)
    expect(stale.stderr).toContain('dist/ is not the build of the source (changed since: src/index.ts)')
    git('reset', '--quiet', '--hard', 'HEAD~1')
  })

  it(
    'releases: the changelog under the version, a commit, the version tag, and the major tag moved to it',
    () => {
      const before = git('rev-parse', 'HEAD')
      git('tag', 'v1', 'HEAD~1') // an earlier v1, to be moved
      const unreleased = /## \[Unreleased\]\n([\s\S]*)/.exec(readFileSync(join(clone, 'CHANGELOG.md'), 'utf8'))![1]!.trim()

      const run = release('1.2.3')
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.stdout).toContain('git push origin HEAD v1.2.3')

      expect(git('log', '-1', '--format=%s')).toBe('Release 1.2.3')
      expect(git('rev-parse', 'HEAD~1')).toBe(before)
      expect(git('diff', '--name-only', 'HEAD~1', 'HEAD')).toBe('CHANGELOG.md')
      const changelog = readFileSync(join(clone, 'CHANGELOG.md'), 'utf8')
      expect(changelog).toContain(`## [Unreleased]\n\n## [1.2.3] - ${today}\n\n${unreleased}\n`)
      expect(git('rev-parse', 'v1.2.3^{commit}')).toBe(git('rev-parse', 'HEAD'))
      expect(git('rev-parse', 'v1^{commit}')).toBe(git('rev-parse', 'HEAD'))
      expect(git('status', '--porcelain')).toBe('')
      // Nothing was pushed: the origin has neither tag.
      expect(execFileSync('git', ['tag', '--list', 'v1.2.3', 'v1'], { cwd: REPOSITORY, encoding: 'utf8' }).trim()).toBe('')
    },
    BUILD_TIMEOUT_MS
  )

  it('refuses a tag that exists, and an empty Unreleased section, before building anything', () => {
    expect(release('1.2.3').stderr).toContain('v1.2.3 exists already.')
    expect(release('1.2.4').stderr).toContain("CHANGELOG.md's Unreleased section is empty: say what changed in 1.2.4 first.")
  })
})

describe('releaseChangelog', () => {
  const changelog = '# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A thing.\n\n## [1.2.3] - 2026-01-01\n\n- First.\n'

  it('puts the next version above the last one', () => {
    expect(releaseChangelog(changelog, '1.3.0', '2026-02-02')).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [1.3.0] - 2026-02-02\n\n### Fixed\n\n- A thing.\n\n## [1.2.3] - 2026-01-01\n\n- First.\n'
    )
  })

  it('refuses a version that is not above the latest release', () => {
    expect(() => releaseChangelog(changelog, '1.2.3', '2026-02-02')).toThrow(
      '1.2.3 is not above the latest release in CHANGELOG.md, 1.2.3.'
    )
    expect(() => releaseChangelog(changelog, '1.1.9', '2026-02-02')).toThrow('not above')
  })
})
