// The tree the pre-flight reads is the archive's, laid out without making the
// archive: the same entries as the container unpacks (exclusions, links, names
// that are not UTF-8, byte for byte), each file with its own bytes and size.
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { lstat, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { archiveStream, digestSource } from '../src/archive/package-source.js'
import { extractTarGz } from '../src/archive/safe-extract.js'
import { layOutForCheck } from '../src/preflight/check-tree.js'
import { parseEntryPoint } from '../src/archive/entry-point.js'
import { compileExcludePatterns } from '../src/archive/exclude-patterns.js'
import { fileTree } from './support/files.js'

/** Every path below `root` with its kind, size and (for files) content or (for links) target. */
async function describeTree(root: string, prefix = ''): Promise<string[]> {
  const lines: string[] = []
  for (const name of (await readdir(join(root, prefix), { encoding: 'buffer' })).sort(Buffer.compare)) {
    const relative = Buffer.concat([Buffer.from(prefix), name]).toString('latin1')
    const path = Buffer.concat([Buffer.from(`${root}/${prefix}`), name])
    const info = await lstat(path)
    if (info.isDirectory()) lines.push(`d ${relative}`, ...(await describeTree(root, `${relative}/`)))
    else if (info.isSymbolicLink()) lines.push(`l ${relative} -> ${await readlink(path)}`)
    else lines.push(`f ${relative} ${info.size} ${(await readFile(path)).toString('base64').slice(0, 40)}`)
  }
  return lines
}

describe('the tree the pre-flight reads', () => {
  it('is exactly what unpacking the archive gives, with no archive made', async () => {
    const root = await fileTree('check-tree-', {
      'algo/main.py': 'def run(shots: int = 10):\n    pass\n',
      'algo/pkg/__init__.py': '',
      'algo/pkg/requirements.txt': '-r ../extra.pip\nnumpy\n',
      'algo/extra.pip': 'scipy\n',
      'algo/data/big.bin': Buffer.alloc(5 * 1024 * 1024, 7),
      'algo/notes.tmp': 'left out\n'
    })
    const sourceDir = join(root, 'algo')
    await writeFile(Buffer.concat([Buffer.from(`${sourceDir}/data/latin1_`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'é in latin-1\n')
    await symlink('../main.py', join(sourceDir, 'pkg', 'main-link.py'))
    const source = await digestSource({
      sourceDir,
      entryPoint: parseEntryPoint('algo.main:run'),
      compression: 'gzip',
      exclude: compileExcludePatterns(['*.tmp'])
    })

    const unpacked = await mkdtemp(join(tmpdir(), 'unpacked-'))
    await extractTarGz(Readable.from(archiveStream(source)), unpacked)
    const laidOut = await mkdtemp(join(tmpdir(), 'laid-out-'))
    await layOutForCheck(source.content.kind === 'archive' ? source.content.manifest : (undefined as never), laidOut)

    const expected = await describeTree(unpacked)
    expect(expected.some((line) => line.includes('notes.tmp'))).toBe(false)
    expect(expected).toContainEqual(expect.stringMatching(/^l .*main-link\.py -> \.\.\/main\.py$/))
    // The extractor used here names a file that is not UTF-8 with U+FFFD; the container's tarfile, as the layout, keeps its bytes.
    const laidOutTree = await describeTree(laidOut)
    const notLatin1 = (line: string) => !line.includes('latin1_')
    expect(laidOutTree.filter(notLatin1)).toEqual(expected.filter(notLatin1))
    expect(laidOutTree).toContain('f algo/data/latin1_\u00e9.txt 14 w6kgaW4gbGF0aW4tMQo=')
    // Hard links where the file system allows them: no bytes copied.
    const big = join(laidOut, source.rootName, 'data', 'big.bin')
    expect((await stat(big)).ino).toBe((await stat(join(sourceDir, 'data', 'big.bin'))).ino)
  })

  it('on another file system: small files copied, large ones kept at their size without their bytes', async () => {
    const root = await fileTree('check-tree-', {
      'algo/main.py': 'def run():\n    pass\n',
      'algo/big.bin': Buffer.alloc(6 * 1024 * 1024, 1)
    })
    const elsewhere = existsSync('/dev/shm') ? await mkdtemp('/dev/shm/laid-out-') : undefined
    if (!elsewhere || (await stat(elsewhere)).dev === (await stat(root)).dev) return // no second file system here
    const source = await digestSource({
      sourceDir: join(root, 'algo'),
      entryPoint: parseEntryPoint('algo.main:run'),
      compression: 'gzip',
      exclude: compileExcludePatterns([])
    })
    await layOutForCheck(source.content.kind === 'archive' ? source.content.manifest : (undefined as never), elsewhere)
    expect(await readFile(join(elsewhere, 'algo', 'main.py'), 'utf8')).toBe('def run():\n    pass\n')
    const big = await stat(join(elsewhere, 'algo', 'big.bin'))
    expect(big.size).toBe(6 * 1024 * 1024)
    expect(big.blocks * 512).toBeLessThan(big.size)
    await rm(elsewhere, { recursive: true, force: true })
  })
})
