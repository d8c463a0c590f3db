// The benchmark's algorithm directory, shaped like a real one with data in it:
// 3,000 source files of 1–40 KB (half code-like text, half random bytes) and
// one data file making up the rest of the size, alternating 1 MiB of text and
// 1 MiB of random bytes. Text comes from a fixed seed; random bytes are new
// each time, so nothing can be found in S3 from an earlier run.
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const MiB = 1024 * 1024
const SOURCE_FILES = 3000
const FILES_PER_DIRECTORY = 50

/** Writes the tree at `root` (its module is `<basename>.main:run`); answers the bytes written. */
export async function generateTree(root: string, totalBytes: number): Promise<number> {
  const text = codeLike(8 * MiB)
  let seed = 42
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
  await mkdir(root, { recursive: true })
  await writeFile(join(root, 'main.py'), 'def run():\n    print("hello from the benchmark")\n')
  let written = 0
  const files = Math.min(SOURCE_FILES, Math.floor((totalBytes * 0.3) / (20.5 * 1024)))
  for (let index = 0; index < files; index++) {
    const size = 1024 + (next() % (39 * 1024))
    const directory = join(root, `pkg_${Math.floor(index / FILES_PER_DIRECTORY)}`)
    if (index % FILES_PER_DIRECTORY === 0) await mkdir(directory)
    const offset = next() % (text.length - size)
    const content = index % 2 === 0 ? text.subarray(offset, offset + size) : randomBytes(size)
    await writeFile(join(directory, `module_${index}.${index % 2 === 0 ? 'py' : 'bin'}`), content)
    written += size
  }
  await mkdir(join(root, 'data'))
  const data: Buffer[] = []
  for (let chunk = 0; written < totalBytes; chunk++) {
    const size = Math.min(MiB, totalBytes - written)
    data.push(chunk % 2 === 0 ? randomBytes(size) : text.subarray(chunk % 7, (chunk % 7) + size))
    written += size
  }
  await writeFile(join(root, 'data', 'samples.dat'), Buffer.concat(data))
  return written
}

/** Python-like lines from a small vocabulary: compresses about as well as real code (deflate ratio ~0.2). */
function codeLike(bytes: number): Buffer {
  const words = [
    'def',
    'return',
    'import',
    'numpy',
    'as',
    'np',
    'circuit',
    'qubit',
    'theta',
    'energy',
    'for',
    'in',
    'range',
    'if',
    '=',
    '+',
    '(',
    ')',
    ':'
  ]
  let seed = 1
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
  const lines: string[] = []
  for (let length = 0; length < bytes; length += lines.at(-1)!.length + 1) {
    const count = 4 + (next() % 10)
    lines.push(
      `${' '.repeat(4 * (next() % 3))}${Array.from({ length: count }, () => words[next() % words.length]).join(' ')} ${next() % 1000}`
    )
  }
  return Buffer.from(lines.join('\n')).subarray(0, bytes)
}
