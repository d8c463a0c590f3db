// The archive as others read it: the parallel gzip's bytes do not depend on the
// thread count, and Python's tarfile and shutil.unpack_archive (what the Braket
// container uses), GNU tar and the stand-in's extractor all unpack the tree
// byte for byte: long paths, long link targets, names that are not UTF-8,
// modes, symlinks, empty files and directories, data in stored blocks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gunzipSync } from 'node:zlib'
import { parseEntryPoint } from '../src/archive/entry-point.js'
import { compileExcludePatterns } from '../src/archive/exclude-patterns.js'
import { fixedSizeBlocks } from '../src/archive/bounded-pipeline.js'
import { archiveSizeBound, archiveStream, digestSource, type PackagedSource } from '../src/archive/package-source.js'
import { looksIncompressible, parallelGzip } from '../src/archive/parallel-gzip.js'
import { nameText } from '../src/archive/path-bytes.js'
import { extractTarGz } from '../src/archive/safe-extract.js'

const KiB = 1024
const LATIN1_NAME = Buffer.concat([Buffer.from('latin1_'), Buffer.from([0xe9]), Buffer.from('.txt')])

let scratch: string
let sourceDir: string
let source: PackagedSource
let archivePath: string

/** Text that compresses like source code, from a fixed seed. */
function codeLike(bytes: number, seed: number): Buffer {
  const words = ['def', 'return', 'theta', 'qubit', 'circuit', 'energy', 'for', 'in', 'range', '(', ')', ':', '=', '+', 'np.pi']
  const lines: string[] = []
  let state = seed
  let length = 0
  while (length < bytes) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const line = `${'    '.repeat(state % 3)}${words[state % words.length]} ${words[(state >> 8) % words.length]} ${state % 997}`
    lines.push(line)
    length += line.length + 1
  }
  return Buffer.from(lines.join('\n')).subarray(0, bytes)
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of chunks) parts.push(chunk)
  return Buffer.concat(parts)
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'archive-readers-'))
  sourceDir = join(scratch, 'src', 'vqe')
  const deep = join(sourceDir, ...Array.from({ length: 12 }, (_, i) => `level_${i}_directory`))
  await mkdir(deep, { recursive: true })
  await mkdir(join(sourceDir, 'empty'))
  await writeFile(join(sourceDir, 'main.py'), 'def run():\n    return 42\n')
  await writeFile(join(sourceDir, 'run.sh'), '#!/bin/sh\necho hi\n')
  await chmod(join(sourceDir, 'run.sh'), 0o755)
  await writeFile(join(sourceDir, 'empty.txt'), '')
  await writeFile(join(sourceDir, `${'n'.repeat(120)}.py`), 'long name\n')
  await writeFile(join(deep, 'module.py'), codeLike(3 * KiB, 7))
  await writeFile(Buffer.concat([Buffer.from(`${sourceDir}/`), LATIN1_NAME]), 'latin-1 name\n')
  await writeFile(Buffer.concat([Buffer.from(`${deep}/`), Buffer.from('x'.repeat(90)), LATIN1_NAME]), 'long latin-1 name\n')
  await writeFile(join(sourceDir, 'weights.txt'), codeLike(1536 * KiB, 1))
  await writeFile(join(sourceDir, 'noise.bin'), randomBytes(700 * KiB))
  await symlink('main.py', join(sourceDir, 'entry.py'))
  await symlink(
    join('level_0_directory', 'level_1_directory', 'level_2_directory', 'level_3_directory', 'level_4_directory'),
    join(sourceDir, 'shortcut')
  )
  await symlink(join(...Array.from({ length: 12 }, (_, i) => `level_${i}_directory`), 'module.py'), join(sourceDir, 'deep_module.py'))
  source = await digestSource({
    sourceDir,
    entryPoint: parseEntryPoint('vqe.main:run'),
    compression: 'gzip',
    exclude: compileExcludePatterns([])
  })
  archivePath = join(scratch, 'source.tar.gz')
  await writeFile(archivePath, await collect(archiveStream(source)))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

interface Found {
  type: string
  executable?: boolean
  sha256?: string
  link?: string
}

/** A tree read back with its names as exact bytes (shown as nameText), for comparison. */
async function readTree(root: string): Promise<Record<string, Found>> {
  const tree: Record<string, Found> = {}
  const visit = async (dir: Buffer, prefix: string) => {
    for (const name of await readdir(dir, { encoding: 'buffer' })) {
      const path = Buffer.concat([dir, Buffer.from('/'), name])
      const shown = `${prefix}${nameText(name)}`
      const stats = await lstat(path)
      if (stats.isSymbolicLink()) tree[shown] = { type: 'symlink', link: (await readlink(path, { encoding: 'buffer' })).toString('latin1') }
      else if (stats.isDirectory()) {
        tree[shown] = { type: 'directory' }
        await visit(path, `${shown}/`)
      } else {
        const sha256 = createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
        tree[shown] = { type: 'file', executable: (stats.mode & 0o100) !== 0, sha256 }
      }
    }
  }
  await visit(Buffer.from(root), '')
  return tree
}

describe('parallelGzip', () => {
  const input = Buffer.concat([codeLike(300 * KiB, 3), randomBytes(200 * KiB), codeLike(150 * KiB, 4), Buffer.alloc(70 * KiB, 7)])

  it('gives the same bytes on 1, 2 and 4 threads, however the input is chunked, and gunzip gives the input back', async () => {
    const runs = await Promise.all(
      [1, 2, 4].map((threads, run) => {
        const chunkBytes = [1, 4099, 65_536][run]!
        const chunks = Array.from({ length: Math.ceil(input.length / chunkBytes) }, (_, i) =>
          input.subarray(i * chunkBytes, (i + 1) * chunkBytes)
        )
        return collect(parallelGzip(Readable.from(chunks), { threads, blockBytes: 32 * KiB }))
      })
    )
    expect(runs[1]).toEqual(runs[0])
    expect(runs[2]).toEqual(runs[0])
    expect(gunzipSync(runs[0]!)).toEqual(input)
    // Smaller than the input (text and zeros compress), and the random part costs no more than its own size.
    expect(runs[0]!.length).toBeLessThan(200 * KiB + 120 * KiB)
  })

  it('stores random blocks instead of deflating them, and deflates text', () => {
    expect(looksIncompressible(randomBytes(64 * KiB))).toBe(true)
    expect(looksIncompressible(codeLike(64 * KiB, 9))).toBe(false)
    expect(looksIncompressible(Buffer.concat([randomBytes(48 * KiB), codeLike(16 * KiB, 9)]))).toBe(false)
  })

  it('writes a valid gzip member for empty input', async () => {
    const empty = await collect(parallelGzip(Readable.from([]), { threads: 2 }))
    expect(gunzipSync(empty)).toEqual(Buffer.alloc(0))
    expect([...empty.subarray(0, 10)]).toEqual([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3])
  })
})

describe('the source archive', () => {
  it('is the same whatever the thread count', async () => {
    const bytes = await readFile(archivePath)
    for (const threads of [1, 2, 4]) expect(await collect(archiveStream(source, { threads }))).toEqual(bytes)
  })

  it("comes out the same through the upload's part cutter, which frees each piece as it copies it, time after time", async () => {
    const bytes = await readFile(archivePath)
    for (const blockBytes of [4 * KiB, 64 * KiB]) {
      const parts: Buffer[] = []
      for await (const part of fixedSizeBlocks(archiveStream(source, { blockBytes }), 5 * KiB)) parts.push(part)
      // Block sizes other than the default give other bytes (the dictionaries differ), but the same tree.
      const unpacked = gunzipSync(Buffer.concat(parts))
      expect(unpacked).toEqual(gunzipSync(bytes))
    }
    expect(await collect(archiveStream(source))).toEqual(bytes)
  })

  it('is never larger than the bound the upload sizes its parts by', async () => {
    const bytes = await readFile(archivePath)
    expect(bytes.length).toBeLessThanOrEqual(archiveSizeBound(source))
    // All stored, as random data is: still within the bound.
    const stored = await collect(archiveStream(source, { level: 0 }))
    expect(stored.length).toBeGreaterThan(gunzipSync(bytes).length)
    expect(stored.length).toBeLessThanOrEqual(archiveSizeBound(source))
  })

  it('is unpacked byte for byte by GNU tar, with pax records for what ustar cannot hold', async () => {
    const dest = join(scratch, 'gnu-tar')
    await mkdir(dest)
    execFileSync('tar', ['-xzf', archivePath, '-C', dest])
    expect(await readTree(join(dest, 'vqe'))).toEqual(await readTree(sourceDir))
    const listing = execFileSync('tar', ['-tzvf', archivePath], { encoding: 'latin1', stdio: ['ignore', 'pipe', 'pipe'] })
    expect(listing).toContain('vqe/latin1_\\351.txt') // GNU tar shows the byte 0xE9 in octal
    expect(listing).toMatch(/^-rwxr-xr-x 0\/0 +\d+ 1980-01-01 00:00 vqe\/run\.sh$/m)
  })

  it("is unpacked byte for byte by Python's shutil.unpack_archive (the Braket container's way) and listed by tarfile", async () => {
    const dest = join(scratch, 'python')
    const script = [
      'import os, shutil, sys, tarfile',
      'shutil.unpack_archive(sys.argv[1], sys.argv[2])',
      "with tarfile.open(sys.argv[1], 'r:gz') as archive:",
      '    for member in archive.getmembers(): print(os.fsencode(member.name).hex())'
    ].join('\n')
    const names = execFileSync('python3', ['-c', script, archivePath, dest], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((hex) => nameText(Buffer.from(hex, 'hex')))
    expect(await readTree(join(dest, 'vqe'))).toEqual(await readTree(sourceDir))
    expect(names).toEqual(
      source.content.kind === 'archive' ? source.content.manifest.entries.map((entry) => entry.name.replace(/\/$/, '')) : []
    )
    expect(names).toContain('vqe/latin1_\\xE9.txt')
  })

  it("is unpacked by the stand-in's extractor, as its Braket container does", async () => {
    const dest = join(scratch, 'stand-in')
    await mkdir(dest)
    const { files } = await extractTarGz(Readable.from([await readFile(archivePath)]), dest)
    const expected = Object.entries(await readTree(sourceDir)).filter(([, found]) => found.type === 'file')
    // The stand-in reads names as UTF-8, so it can only be asked about the names that are.
    const utf8 = expected.filter(([name]) => !name.includes('\\x')).map(([name]) => `vqe/${name}`)
    expect(files.filter((file) => !file.includes('\uFFFD'))).toEqual(expect.arrayContaining(utf8))
    expect(await readFile(join(dest, 'vqe', 'weights.txt'))).toEqual(await readFile(join(sourceDir, 'weights.txt')))
  })

  it('is named by a digest that follows the content, modes, names and links, and nothing else', async () => {
    const digest = async () =>
      (
        await digestSource({
          sourceDir,
          entryPoint: parseEntryPoint('vqe.main:run'),
          compression: 'gzip',
          exclude: compileExcludePatterns([])
        })
      ).sha256
    const original = await digest()
    expect(original).toBe(source.sha256)
    await chmod(join(sourceDir, 'main.py'), 0o600) // not a difference the archive keeps
    expect(await digest()).toBe(original)
    const changes: Array<[() => Promise<void>, () => Promise<void>]> = [
      [() => chmod(join(sourceDir, 'main.py'), 0o755), () => chmod(join(sourceDir, 'main.py'), 0o644)],
      [() => writeFile(join(sourceDir, 'empty.txt'), ' '), () => writeFile(join(sourceDir, 'empty.txt'), '')],
      [
        async () => {
          await rm(join(sourceDir, 'entry.py'))
          await symlink('run.sh', join(sourceDir, 'entry.py'))
        },
        async () => {
          await rm(join(sourceDir, 'entry.py'))
          await symlink('main.py', join(sourceDir, 'entry.py'))
        }
      ],
      [() => mkdir(join(sourceDir, 'new_empty')), () => rm(join(sourceDir, 'new_empty'), { recursive: true })]
    ]
    for (const [change, undo] of changes) {
      await change()
      expect(await digest()).not.toBe(original)
      await undo()
      expect(await digest()).toBe(original)
    }
  })
})
