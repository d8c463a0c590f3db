import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { extract } from 'tar-stream'
import { parseEntryPoint } from '../src/archive/entry-point.js'
import { compileExcludePatterns } from '../src/archive/exclude-patterns.js'
import { archiveStream, digestSource, SourcePackagingError, type Compression, type PackagedSource } from '../src/archive/package-source.js'

interface ArchivedEntry {
  name: string
  type: string
  mode: number
  uid: number
  gid: number
  uname: string
  gname: string
  mtime: number
  linkname: string | null
  content: string
}

const FIXED_MTIME_SECONDS = Date.UTC(1980, 0, 1) / 1000

let scratch: string
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'archive-test-'))
})
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** Writes files (path → content) below `root`; directories end with `/`. */
async function makeTree(root: string, files: Record<string, string>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path)
    if (path.endsWith('/')) await mkdir(absolute, { recursive: true })
    else {
      await mkdir(dirname(absolute), { recursive: true })
      await writeFile(absolute, content)
    }
  }
  return root
}

interface PackOptions {
  entryPoint?: string
  exclude?: string[]
  compression?: Compression
}

/** Digests with the inputs parsed as the input layer parses them (which throws their syntax problems). */
async function pack(sourceDir: string, options: PackOptions = {}): Promise<PackagedSource> {
  return digestSource({
    sourceDir,
    entryPoint: parseEntryPoint(options.entryPoint ?? 'vqe.main:run'),
    compression: options.compression ?? 'gzip',
    exclude: compileExcludePatterns(options.exclude ?? [])
  })
}

/** The bytes that would be uploaded. */
async function archiveOf(source: PackagedSource): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of archiveStream(source)) chunks.push(chunk)
  return Buffer.concat(chunks)
}

async function readArchive(source: PackagedSource): Promise<ArchivedEntry[]> {
  const extractor = extract()
  Readable.from([await archiveOf(source)])
    .pipe(createGunzip())
    .pipe(extractor)
  const entries: ArchivedEntry[] = []
  for await (const entry of extractor) {
    const chunks: Buffer[] = []
    for await (const chunk of entry) chunks.push(chunk as Buffer)
    const header = entry.header
    entries.push({
      name: header.name,
      type: header.type ?? '',
      mode: header.mode ?? -1,
      uid: header.uid ?? -1,
      gid: header.gid ?? -1,
      uname: header.uname ?? '',
      gname: header.gname ?? '',
      mtime: (header.mtime?.getTime() ?? -1) / 1000,
      linkname: header.linkname ?? null,
      content: Buffer.concat(chunks).toString('utf8')
    })
  }
  return entries
}

async function packagingError(promise: Promise<unknown>): Promise<SourcePackagingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(SourcePackagingError)
  return error as SourcePackagingError
}

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('packageSource: archive contents', () => {
  it('archives source-dir under its own name with normalised, reproducible metadata', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), {
      '__init__.py': '',
      'main.py': 'def run():\n    return 42\n',
      'util/helpers.py': 'X = 1\n',
      'run.sh': '#!/bin/sh\necho hi\n'
    })
    await chmod(join(sourceDir, 'run.sh'), 0o750)
    await chmod(join(sourceDir, 'main.py'), 0o600)
    await chmod(join(sourceDir, 'util'), 0o700)

    const packaged = await pack(sourceDir)

    expect(packaged).toMatchObject({
      fileName: 'source.tar.gz',
      sizeBytes: 'def run():\n    return 42\n'.length + 'X = 1\n'.length + '#!/bin/sh\necho hi\n'.length,
      fileCount: 4,
      rootName: 'vqe',
      skipped: [],
      compressionType: 'GZIP'
    })
    expect(packaged.sha256).toMatch(/^[0-9a-f]{64}$/)
    const entries = await readArchive(packaged)
    expect(entries.map(({ name, type, mode, content }) => ({ name, type, mode, content }))).toEqual([
      { name: 'vqe/', type: 'directory', mode: 0o755, content: '' },
      { name: 'vqe/__init__.py', type: 'file', mode: 0o644, content: '' },
      { name: 'vqe/main.py', type: 'file', mode: 0o644, content: 'def run():\n    return 42\n' },
      { name: 'vqe/run.sh', type: 'file', mode: 0o755, content: '#!/bin/sh\necho hi\n' },
      { name: 'vqe/util/', type: 'directory', mode: 0o755, content: '' },
      { name: 'vqe/util/helpers.py', type: 'file', mode: 0o644, content: 'X = 1\n' }
    ])
    for (const entry of entries) {
      expect({ uid: entry.uid, gid: entry.gid, uname: entry.uname, gname: entry.gname, mtime: entry.mtime }).toEqual({
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
        mtime: FIXED_MTIME_SECONDS
      })
    }
  })

  it('orders entries bytewise by path (parents first), including long and non-ASCII names', async () => {
    const longName = `${'deep/'.repeat(25)}leaf.py`
    const sourceDir = await makeTree(join(scratch, 'vqe'), {
      'main.py': '',
      'a.py': '',
      'a-c.py': '',
      'a/b.py': '',
      'B.py': '',
      'é.py': 'accent',
      '\u{FF21}.py': 'fullwidth A',
      '\u{1F600}.py': 'emoji',
      [longName]: 'long'
    })

    const entries = await readArchive(await pack(sourceDir))

    const names = entries.map((entry) => entry.name)
    const deepDirectories = Array.from({ length: 25 }, (_, depth) => `vqe/${'deep/'.repeat(depth + 1)}`)
    expect(names).toEqual([
      'vqe/',
      'vqe/B.py',
      'vqe/a-c.py',
      'vqe/a.py',
      'vqe/a/',
      'vqe/a/b.py',
      ...deepDirectories,
      `vqe/${longName}`,
      'vqe/main.py',
      'vqe/é.py',
      'vqe/\u{FF21}.py',
      'vqe/\u{1F600}.py'
    ])
    expect(entries.find((entry) => entry.name === `vqe/${longName}`)?.content).toBe('long')
    expect(entries.find((entry) => entry.name === 'vqe/\u{1F600}.py')?.content).toBe('emoji')
  })

  it('keeps empty directories, so empty packages still exist in the job', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '', 'empty/': '', 'plugins/nested/': '' })

    const entries = await readArchive(await pack(sourceDir))

    expect(entries.filter((entry) => entry.type === 'directory').map((entry) => entry.name)).toEqual([
      'vqe/',
      'vqe/empty/',
      'vqe/plugins/',
      'vqe/plugins/nested/'
    ])
  })

  it('gives byte-identical archives for the same files whatever their mtimes, permissions and creation order', async () => {
    const files: Record<string, string> = {
      'main.py': 'def run(): pass\n',
      'algos/__init__.py': '',
      'algos/qaoa.py': 'P = 3\n',
      'tools/run.sh': '#!/bin/sh\n',
      'z.txt': 'zzz'
    }
    const first = await makeTree(join(scratch, 'one', 'vqe'), files)
    const reversed = Object.fromEntries(Object.entries(files).reverse())
    const second = await makeTree(join(scratch, 'two', 'vqe'), reversed)
    // What differing umasks, checkouts and clocks do to otherwise equal trees.
    await chmod(join(first, 'tools/run.sh'), 0o755)
    await chmod(join(second, 'tools/run.sh'), 0o700)
    await chmod(join(first, 'main.py'), 0o644)
    await chmod(join(second, 'main.py'), 0o664)
    await chmod(join(second, 'algos'), 0o775)
    await utimes(join(first, 'main.py'), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'))
    await utimes(join(second, 'algos/qaoa.py'), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'))
    await utimes(second, new Date('1999-09-09T00:00:00Z'), new Date('1999-09-09T00:00:00Z'))

    const [a, b] = [await pack(first), await pack(second)]

    expect(a.sha256).toBe(b.sha256)
    expect(Buffer.compare(await archiveOf(a), await archiveOf(b))).toBe(0)
    // And the content does matter:
    await writeFile(join(second, 'z.txt'), 'zzZ')
    expect((await pack(second)).sha256).not.toBe(a.sha256)
  })

  it('writes a gzip header without a timestamp', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '' })

    const header = (await archiveOf(await pack(sourceDir))).subarray(0, 10)

    expect([...header.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]) // gzip magic, deflate
    expect(header[3]! & 0x08).toBe(0) // FNAME flag clear: no file name stored
    expect(header.readUInt32LE(4)).toBe(0) // MTIME
    expect(header[9]).toBe(3) // OS: Unix, whatever OS packaged it
  })
})

describe('packageSource: what is left out', () => {
  it('never packages .git, at the root or in a nested checkout', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), {
      'main.py': '',
      '.git/HEAD': 'ref: refs/heads/main',
      '.git/objects/ab/cdef': 'blob',
      'vendor/lib/.git': 'gitdir: ../../.git/modules/lib',
      'vendor/lib/lib.py': '',
      '.gitignore': '*.pyc'
    })

    const packaged = await pack(sourceDir)

    const names = (await readArchive(packaged)).map((entry) => entry.name)
    expect(names).toEqual(['vqe/', 'vqe/.gitignore', 'vqe/main.py', 'vqe/vendor/', 'vqe/vendor/lib/', 'vqe/vendor/lib/lib.py'])
    expect(packaged.skipped).toEqual([
      { path: '.git/', reason: 'git metadata is never packaged', expected: true },
      { path: 'vendor/lib/.git', reason: 'git metadata is never packaged', expected: true }
    ])
  })

  it('leaves out exclude matches, and a matched directory with everything below it', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), {
      'main.py': '',
      'notes.ipynb': '{}',
      'analysis/deep.ipynb': '{}',
      'data/raw/big.csv': '1,2',
      'data/README': 'x',
      '__pycache__/main.cpython-312.pyc': '',
      'algos/__pycache__/qaoa.cpython-312.pyc': '',
      'algos/qaoa.py': '',
      'logs/run.log': '',
      'logs.py': '',
      '.env': 'SECRET=1'
    })

    const packaged = await pack(sourceDir, { exclude: ['data/**', '*.ipynb', '**/__pycache__/**', 'logs/', '.env'] })

    const names = (await readArchive(packaged)).map((entry) => entry.name)
    expect(names).toEqual([
      'vqe/',
      'vqe/algos/',
      'vqe/algos/qaoa.py',
      'vqe/analysis/',
      'vqe/analysis/deep.ipynb',
      'vqe/logs.py',
      'vqe/main.py'
    ])
    expect(packaged.fileCount).toBe(4)
    expect(packaged.skipped).toEqual([
      { path: '.env', reason: 'exclude pattern left out 1 path: .env', expected: true },
      { path: '**/__pycache__/**', reason: 'exclude pattern left out 2 paths: __pycache__/, algos/__pycache__/', expected: true },
      { path: 'data/**', reason: 'exclude pattern left out 1 path: data/', expected: true },
      { path: 'logs/', reason: 'exclude pattern left out 1 path: logs/', expected: true },
      { path: '*.ipynb', reason: 'exclude pattern left out 1 path: notes.ipynb', expected: true }
    ])
  })

  it('ignores blank and comment exclude lines, and a leading ./', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '', 'data/a.csv': '' })

    const packaged = await pack(sourceDir, { exclude: ['', '   ', '# large inputs', './data/**'] })

    expect((await readArchive(packaged)).map((entry) => entry.name)).toEqual(['vqe/', 'vqe/main.py'])
    expect(packaged.skipped).toEqual([{ path: './data/**', reason: 'exclude pattern left out 1 path: data/', expected: true }])
  })

  it('skips symlinks that resolve outside source-dir, however they get there', async () => {
    const outside = await makeTree(join(scratch, 'outside'), { 'secret.txt': 'TOP SECRET', 'lib/shared.py': 'LEAK = 1' })
    const sourceDir = await makeTree(join(scratch, 'project', 'vqe'), { 'main.py': '' })
    await symlink(join(outside, 'secret.txt'), join(sourceDir, 'absolute.txt'))
    await symlink('../../outside/secret.txt', join(sourceDir, 'relative.txt'))
    await symlink(join(outside, 'lib'), join(sourceDir, 'lib'))
    await symlink('lib/shared.py', join(sourceDir, 'through-link.py')) // inside → a link that leaves
    await symlink(outside, join(sourceDir, 'data')) // excluded: left out quietly, no warning about its target

    const packaged = await pack(sourceDir, { exclude: ['data/**'] })

    const entries = await readArchive(packaged)
    expect(entries.map((entry) => entry.name)).toEqual(['vqe/', 'vqe/main.py'])
    expect(entries.some((entry) => entry.content.includes('SECRET') || entry.content.includes('LEAK'))).toBe(false)
    expect(packaged.skipped).toEqual([
      {
        path: 'absolute.txt',
        reason: `symlink to ${join(outside, 'secret.txt')} points outside source-dir; not followed`,
        expected: false
      },
      { path: 'lib', reason: `symlink to ${join(outside, 'lib')} points outside source-dir; not followed`, expected: false },
      { path: 'relative.txt', reason: 'symlink to ../../outside/secret.txt points outside source-dir; not followed', expected: false },
      { path: 'through-link.py', reason: 'symlink to lib/shared.py points outside source-dir; not followed', expected: false },
      { path: 'data/**', reason: 'exclude pattern left out 1 path: data/', expected: true }
    ])
  })

  it('stores symlinks to packaged files and directories inside source-dir as relative symlinks', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': 'def run(): pass', 'impl/core.py': 'CORE = 1', 'impl/sub/': '' })
    await symlink(join(sourceDir, 'impl', 'core.py'), join(sourceDir, 'core.py')) // absolute path, still inside
    await symlink('../core.py', join(sourceDir, 'impl', 'sub', 'again.py')) // via another link
    await symlink('impl', join(sourceDir, 'api'))
    await symlink('.', join(sourceDir, 'impl', 'here'))

    const packaged = await pack(sourceDir)

    const links = (await readArchive(packaged)).filter((entry) => entry.type === 'symlink')
    expect(links.map(({ name, linkname, mode, content }) => ({ name, linkname, mode, content }))).toEqual([
      { name: 'vqe/api', linkname: 'impl', mode: 0o777, content: '' },
      { name: 'vqe/core.py', linkname: 'impl/core.py', mode: 0o777, content: '' },
      { name: 'vqe/impl/here', linkname: '.', mode: 0o777, content: '' },
      { name: 'vqe/impl/sub/again.py', linkname: '../core.py', mode: 0o777, content: '' }
    ])
    expect(packaged.fileCount).toBe(2)
    expect(packaged.skipped).toEqual([])
  })

  it('skips in-tree symlinks that would dangle: to a left-out path, to nothing, or in a loop', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '', 'data/big.csv': '1', '.git/config': '' })
    await symlink('data/big.csv', join(sourceDir, 'big.csv'))
    await symlink('.git/config', join(sourceDir, 'gitconfig'))
    await symlink('missing.py', join(sourceDir, 'broken.py'))
    await symlink('loop-b', join(sourceDir, 'loop-a'))
    await symlink('loop-a', join(sourceDir, 'loop-b'))

    const packaged = await pack(sourceDir, { exclude: ['data/'] })

    expect((await readArchive(packaged)).map((entry) => entry.name)).toEqual(['vqe/', 'vqe/main.py'])
    expect(packaged.skipped).toEqual([
      { path: '.git/', reason: 'git metadata is never packaged', expected: true },
      {
        path: 'big.csv',
        reason: 'symlink to data/big.csv points at data/big.csv, which is not packaged (data/: matches exclude pattern "data/")',
        expected: false
      },
      { path: 'broken.py', reason: 'symlink to missing.py is broken (ENOENT)', expected: false },
      {
        path: 'gitconfig',
        reason: 'symlink to .git/config points at .git/config, which is not packaged (.git/: git metadata is never packaged)',
        expected: false
      },
      { path: 'loop-a', reason: 'symlink to loop-b loops', expected: false },
      { path: 'loop-b', reason: 'symlink to loop-a loops', expected: false },
      { path: 'data/', reason: 'exclude pattern left out 1 path: data/', expected: true }
    ])
  })

  ;(hasMkfifo() ? it : it.skip)('skips FIFOs with a reason', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '' })
    execFileSync('mkfifo', [join(sourceDir, 'pipe')])
    await symlink('pipe', join(sourceDir, 'to-pipe'))

    const packaged = await pack(sourceDir)

    expect((await readArchive(packaged)).map((entry) => entry.name)).toEqual(['vqe/', 'vqe/main.py'])
    expect(packaged.skipped).toEqual([
      { path: 'pipe', reason: 'named pipe (FIFO): only regular files, directories and symlinks are packaged', expected: false },
      {
        path: 'to-pipe',
        reason: 'symlink to pipe points at a named pipe (FIFO); only regular files, directories and symlinks are packaged',
        expected: false
      }
    ])
  })

  it('rejects exclude patterns that are absolute, climb out with .., or negate, naming the exclude input', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '' })

    for (const [pattern, problem] of [
      ['/etc/**', 'absolute paths are not allowed'],
      ['C:/data/**', 'absolute paths are not allowed'],
      ['../shared/**', '".." is not allowed'],
      ['data/../../x', '".." is not allowed'],
      ['!keep.py', 'negated patterns']
    ] as const) {
      const error = await packagingError(pack(sourceDir, { exclude: ['data/**', pattern] }))
      expect(error.input).toBe('exclude')
      expect(error.message).toContain(`Input "exclude": "${pattern}": ${problem}`)
      expect(error.message).toContain('Allowed: minimatch globs relative to source-dir')
    }
  })
})

describe('packageSource: entry point', () => {
  it('finds the module as a file: vqe.main → vqe/main.py', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': 'def run(): pass' })

    const packaged = await pack(sourceDir, { entryPoint: 'vqe.main:run' })

    expect((await readArchive(packaged)).map((entry) => entry.name)).toContain('vqe/main.py')
  })

  it('finds the module as a package: vqe.algos → vqe/algos/__init__.py, and vqe → vqe/__init__.py', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { '__init__.py': 'def start(): pass', 'algos/__init__.py': 'def run(): pass' })

    await expect(pack(sourceDir, { entryPoint: 'vqe.algos:run' })).resolves.toMatchObject({ fileCount: 2 })
    await expect(pack(sourceDir, { entryPoint: 'vqe:start' })).resolves.toMatchObject({ fileCount: 2 })
  })

  it('finds a module reached through a packaged in-tree directory symlink', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'impl/main.py': 'def run(): pass' })
    await symlink('impl', join(sourceDir, 'current'))

    await expect(pack(sourceDir, { entryPoint: 'vqe.current.main:run' })).resolves.toMatchObject({ fileCount: 1 })
  })

  it('requires __main__.py when a package is the entry point without a function', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'algos/__init__.py': '' })

    const error = await packagingError(pack(sourceDir, { entryPoint: 'vqe.algos' }))
    expect(error.input).toBe('entry-point')
    expect(error.message).toBe(
      `Input "entry-point": "vqe.algos": vqe.algos is a package, and an entry point without ":function" runs the package's ` +
        `vqe/algos/__main__.py, which is not in source-dir ${sourceDir}; name a function (vqe.algos:main) or a module file instead`
    )

    await writeFile(join(sourceDir, 'algos', '__main__.py'), 'print(1)')
    await expect(pack(sourceDir, { entryPoint: 'vqe.algos' })).resolves.toMatchObject({ fileCount: 2 })
  })

  it('reports a missing module with what it looked for and the modules that exist', async () => {
    const sourceDir = await makeTree(join(scratch, 'algorithms', 'vqe'), {
      'main.py': '',
      'util.py': '',
      'README.md': '',
      'my-notes.py': ''
    })
    const error = await packagingError(pack(sourceDir, { entryPoint: 'vqe.mian:run' }))

    expect(error.input).toBe('entry-point')
    expect(error.message).toBe(
      `Input "entry-point": "vqe.mian:run": module vqe.mian is not in source-dir ${sourceDir} ` +
        `(looked for vqe/mian.py and vqe/mian/__init__.py); modules found: vqe.main, vqe.util`
    )
  })

  it('names source-dir relative to the working directory when it is inside it', async () => {
    const cwd = process.cwd()
    const sourceDir = await makeTree(join(scratch, 'algorithms', 'vqe'), { 'main.py': '' })
    process.chdir(scratch)
    try {
      const error = await packagingError(pack(sourceDir, { entryPoint: 'vqe.mian:run' }))
      expect(error.message).toContain('is not in source-dir algorithms/vqe (looked for')
    } finally {
      process.chdir(cwd)
    }
  })

  it('explains when the module exists but is left out', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '', 'jobs/train.py': '' })

    const error = await packagingError(pack(sourceDir, { entryPoint: 'vqe.jobs.train:run', exclude: ['jobs/**'] }))

    expect(error.input).toBe('entry-point')
    expect(error.message).toBe(
      `Input "entry-point": "vqe.jobs.train:run": module vqe.jobs.train is not in source-dir ${sourceDir} ` +
        `(looked for vqe/jobs/train.py and vqe/jobs/train/__init__.py); ` +
        `vqe/jobs/ is not packaged: matches exclude pattern "jobs/**"; modules found: vqe.main`
    )
  })

  it('points out that module names start with the archive root', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '' })

    const error = await packagingError(pack(sourceDir, { entryPoint: 'main:run' }))

    expect(error.input).toBe('entry-point')
    expect(error.message).toContain('module names start with the archive root "vqe" (the name of source-dir); modules found: vqe.main')
  })

  it('rejects malformed entry points, saying what is allowed', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'main.py': '' })

    for (const [entryPoint, problem] of [
      ['', 'is empty'],
      ['vqe/main.py', 'looks like a file path; write the module path instead (vqe.main)'],
      ['vqe..main', 'has an empty part in its module path "vqe..main"'],
      ['1vqe.main', 'has "1vqe" in its module path, which is not a Python identifier'],
      ['vqe-algo.main', 'has "vqe-algo" in its module path, which is not a Python identifier'],
      [' vqe.main', 'has " vqe" in its module path, which is not a Python identifier'],
      ['vqe.main:', 'has nothing after ":"'],
      ['vqe.main:run()', 'names the function "run()", which is not a Python identifier'],
      ['vqe.main:run:again', 'has more than one ":"']
    ] as const) {
      const error = await packagingError(pack(sourceDir, { entryPoint }))
      expect(error.input).toBe('entry-point')
      expect(error.message).toBe(
        `Input "entry-point": "${entryPoint}" ${problem}. Allowed: a dotted Python module path, optionally followed by ":function", ` +
          `such as vqe.main or vqe.main:run.`
      )
    }
  })

  it('accepts non-ASCII Python identifiers', async () => {
    const sourceDir = await makeTree(join(scratch, 'vqe'), { 'schätzung.py': '' })

    await expect(pack(sourceDir, { entryPoint: 'vqe.schätzung:läuft' })).resolves.toMatchObject({ fileCount: 1 })
  })
})

describe('packageSource: compression none', () => {
  it('uploads a single .py file as is with compression none', async () => {
    const file = join(scratch, 'vqe.py')
    await writeFile(file, 'def run():\n    pass\n')

    const packaged = await pack(file, { compression: 'none', entryPoint: 'vqe:run' })

    const bytes = await readFile(file)
    expect(packaged).toEqual({
      fileName: 'vqe.py',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sizeBytes: bytes.length,
      fileCount: 1,
      rootName: 'vqe.py',
      skipped: [],
      compressionType: 'NONE',
      content: { kind: 'file', path: file }
    })
    expect(await archiveOf(packaged)).toEqual(bytes)
    expect((await stat(file)).size).toBe(bytes.length) // left untouched
  })
})

describe('archiveStream: a file that changed after the digest', () => {
  async function digested(files: Record<string, string>): Promise<{ source: PackagedSource; dir: string }> {
    const dir = await makeTree(join(scratch, 'vqe'), { 'main.py': 'def run(): pass\n', ...files })
    return { source: await pack(dir), dir }
  }

  it('fails with a source-dir error when a file is gone', async () => {
    const { source, dir } = await digested({ 'gone.py': 'here' })
    await rm(join(dir, 'gone.py'))

    const error = await packagingError(archiveOf(source))

    expect(error.input).toBe('source-dir')
    expect(error.message).toMatch(/^Input "source-dir": cannot read "vqe\/gone\.py" while packaging \(ENOENT/)
  })

  it('fails when a file changed, so the archive never differs from its content address', async () => {
    for (const [name, content] of [
      ['edited.py', 'HERE'],
      ['grown.py', 'here and more'],
      ['shrunk.py', 'he']
    ] as const) {
      const { source, dir } = await digested({ [name]: 'here' })
      await writeFile(join(dir, name), content)

      const error = await packagingError(archiveOf(source))

      expect(error.message).toBe(
        `Input "source-dir": "vqe/${name}" changed while it was being packaged; make sure no earlier step is still writing to ` +
          'source-dir, then run the step again'
      )
      await rm(dir, { recursive: true })
    }
  })

  it('checks large files, read in pieces, the same way', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024)
    const { source, dir } = await digested({ 'big.bin': big })
    await writeFile(join(dir, 'big.bin'), `${big.slice(0, -1)}y`)

    expect((await packagingError(archiveOf(source))).message).toMatch(/"vqe\/big\.bin" changed while it was being packaged/)
  })

  it('does not follow a file that became a symlink', async () => {
    const { source, dir } = await digested({ 'swapped.py': 'fine' })
    await writeFile(join(scratch, 'secret.txt'), 'TOP SECRET')
    await rm(join(dir, 'swapped.py'))
    await symlink(join(scratch, 'secret.txt'), join(dir, 'swapped.py'))

    const error = await packagingError(archiveOf(source))

    expect(error.message).toMatch(/^Input "source-dir": cannot read "vqe\/swapped\.py" while packaging \(ELOOP/)
  })

  ;(hasMkfifo() ? it : it.skip)('does not hang on a file that became a FIFO', async () => {
    const { source, dir } = await digested({ 'fifo.py': 'fine' })
    await rm(join(dir, 'fifo.py'))
    execFileSync('mkfifo', [join(dir, 'fifo.py')])

    const error = await packagingError(archiveOf(source))

    expect(error.message).toBe('Input "source-dir": cannot read "vqe/fifo.py" while packaging (it is no longer a regular file)')
  })
})
