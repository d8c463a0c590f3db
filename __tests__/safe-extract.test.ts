import { existsSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readFile, readlink, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { extractTarGz, UnsafeArchiveError } from '../src/archive/safe-extract.js'
import { tarGz } from './support/tar-gz.js'

let base: string
let target: string
let outside: string

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'safe-extract-'))
  target = join(base, 'target')
  outside = join(base, 'outside')
  await mkdir(outside)
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

async function rejection(archive: Buffer, options?: { maxBytes?: number; maxEntries?: number }): Promise<UnsafeArchiveError> {
  const error = await extractTarGz(Readable.from([archive]), target, options).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(UnsafeArchiveError)
  return error as UnsafeArchiveError
}

describe('extractTarGz', () => {
  test('extracts a well-formed archive: nested files, modes made safe, links that stay inside', async () => {
    const archive = await tarGz([
      { name: 'algo/', type: 'directory', mode: 0o777 },
      { name: 'algo/__init__.py', content: '' },
      { name: 'algo/main.py', content: 'print("hi")\n', mode: 0o644 },
      { name: 'bin/run.sh', content: '#!/bin/sh\necho run\n', mode: 0o4777 },
      { name: './data/values.json', content: '{"a":1}' },
      // Starts with `..` but is a plain name inside.
      { name: '..notes.txt', content: 'inside' },
      { name: 'latest.json', type: 'symlink', linkname: 'data/values.json' },
      { name: 'copy.json', type: 'link', linkname: 'data/values.json' },
      { name: 'shortcut', type: 'symlink', linkname: 'algo' },
      { name: 'shortcut/extra.py', content: 'x = 1\n' }
    ])
    const result = await extractTarGz(Readable.from([archive]), target)

    expect(result.files).toEqual([
      'algo/__init__.py',
      'algo/main.py',
      'bin/run.sh',
      'data/values.json',
      '..notes.txt',
      'copy.json',
      'shortcut/extra.py'
    ])
    expect(await readFile(join(target, '..notes.txt'), 'utf8')).toBe('inside')
    expect(result.skipped).toEqual([])
    expect(await readFile(join(target, 'algo/main.py'), 'utf8')).toBe('print("hi")\n')
    expect(await readFile(join(target, 'latest.json'), 'utf8')).toBe('{"a":1}')
    expect(await readlink(join(target, 'latest.json'))).toBe('data/values.json')
    expect((await stat(join(target, 'copy.json'))).ino).toBe((await stat(join(target, 'data/values.json'))).ino)
    // Written through an inside link, so it lands in the real directory.
    expect(await readFile(join(target, 'algo/extra.py'), 'utf8')).toBe('x = 1\n')
    // setuid and group/other write are dropped; the execute bits stay.
    expect((await stat(join(target, 'bin/run.sh'))).mode & 0o7777).toBe(0o755)
    expect((await stat(join(target, 'algo'))).mode & 0o7777).toBe(0o755)
  })

  test('rejects a ../ escape and writes nothing outside', async () => {
    const archive = await tarGz([
      { name: 'ok.txt', content: 'fine' },
      { name: 'nested/../../outside/evil.txt', content: 'pwned' }
    ])
    const error = await rejection(archive)
    expect(error.entry).toBe('nested/../../outside/evil.txt')
    expect(error.message).toContain('nested/../../outside/evil.txt')
    expect(existsSync(join(outside, 'evil.txt'))).toBe(false)
  })

  test('rejects an absolute path', async () => {
    const error = await rejection(await tarGz([{ name: `${outside}/abs.txt`, content: 'pwned' }]))
    expect(error.reason).toBe('absolute path')
    expect(existsSync(join(outside, 'abs.txt'))).toBe(false)
  })

  test('rejects a symlink to /etc/passwd and a hard link to it', async () => {
    const symlinkError = await rejection(await tarGz([{ name: 'passwd', type: 'symlink', linkname: '/etc/passwd' }]))
    expect(symlinkError.entry).toBe('passwd')
    expect(existsSync(join(target, 'passwd'))).toBe(false)

    const hardLinkError = await rejection(await tarGz([{ name: 'passwd', type: 'link', linkname: '/etc/passwd' }]))
    expect(hardLinkError.entry).toBe('/etc/passwd')
    expect(existsSync(join(target, 'passwd'))).toBe(false)
  })

  test('rejects a link to outside followed by a file written through it', async () => {
    const error = await rejection(
      await tarGz([
        { name: 'escape', type: 'symlink', linkname: '../outside' },
        { name: 'escape/pwned.txt', content: 'pwned' }
      ])
    )
    expect(error.entry).toBe('escape')
    expect(await readdir(outside)).toEqual([])
  })

  test('follows link chains: a link whose target walks out through another link is rejected', async () => {
    const error = await rejection(
      await tarGz([
        { name: 's/', type: 'directory' },
        { name: 's/up', type: 'symlink', linkname: '..' },
        { name: 'x', type: 'symlink', linkname: 's/up/../outside' }
      ])
    )
    expect(error.entry).toBe('x')
    expect(existsSync(join(target, 'x'))).toBe(false)
  })

  test('re-checks links at the end: a later link that redirects an earlier one is caught', async () => {
    const error = await rejection(
      await tarGz([
        { name: 's/', type: 'directory' },
        { name: 's/up', type: 'symlink', linkname: '..' },
        // Harmless while `later` does not exist: later/.. is the target itself.
        { name: 'x', type: 'symlink', linkname: 'later/..' },
        // Now later → s/up → the target, so x → the target's parent.
        { name: 'later', type: 'symlink', linkname: 's/up' }
      ])
    )
    expect(error.entry).toBe('x')
    expect(existsSync(join(target, 'x'))).toBe(false)
  })

  test('replaces an existing link with the file instead of writing through it', async () => {
    const result = await extractTarGz(
      Readable.from([
        await tarGz([
          { name: 'real.txt', content: 'original' },
          { name: 'alias', type: 'symlink', linkname: 'real.txt' },
          { name: 'alias', content: 'replacement' }
        ])
      ]),
      target
    )
    expect(result.files).toEqual(['real.txt', 'alias'])
    expect(await readFile(join(target, 'real.txt'), 'utf8')).toBe('original')
    expect((await lstat(join(target, 'alias'))).isFile()).toBe(true)
    expect(await readFile(join(target, 'alias'), 'utf8')).toBe('replacement')
  })

  test('skips a character device and a FIFO, extracting the rest', async () => {
    const result = await extractTarGz(
      Readable.from([
        await tarGz([
          { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3 },
          { name: 'pipe', type: 'fifo' },
          { name: 'readme.txt', content: 'hello' }
        ])
      ]),
      target
    )
    expect(result.skipped).toEqual([
      { path: 'dev/null', reason: 'character-device entries are not extracted' },
      { path: 'pipe', reason: 'fifo entries are not extracted' }
    ])
    expect(result.files).toEqual(['readme.txt'])
    expect(existsSync(join(target, 'dev/null'))).toBe(false)
    expect(existsSync(join(target, 'pipe'))).toBe(false)
  })

  test('enforces the entry limit', async () => {
    const members = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, content: String(i) }))
    const error = await rejection(await tarGz(members), { maxEntries: 3 })
    expect(error.entry).toBe('f3.txt')
    expect(error.reason).toContain('more than 3 entries')
  })

  test('enforces the byte limit, and stops a gzip bomb without inflating it', async () => {
    const sizeError = await rejection(await tarGz([{ name: 'big.bin', content: Buffer.alloc(1000, 1) }]), { maxBytes: 100 })
    expect(sizeError.entry).toBe('big.bin')

    // 64 MiB of zeros compresses to ~64 KiB.
    const bomb = await tarGz([{ name: 'zeros.bin', content: Buffer.alloc(64 * 1024 * 1024) }])
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const bombError = await rejection(bomb, { maxBytes: 1024 * 1024 })
    expect(bombError.entry).toBe('zeros.bin')
    expect(existsSync(join(target, 'zeros.bin')) ? (await stat(join(target, 'zeros.bin'))).size : 0).toBeLessThanOrEqual(1024 * 1024)
  })

  test('fails on a corrupt gzip stream', async () => {
    await expect(extractTarGz(Readable.from([Buffer.from('not a gzip stream')]), target)).rejects.toThrow(/header|gzip/i)
  })
})
