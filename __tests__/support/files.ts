// Small trees of files for the tests that read or run an algorithm.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Writes each `relative path → content` below `root`, making folders as needed. */
export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true })
    await writeFile(join(root, name), content)
  }
}

/** A fresh temporary folder holding `files`. */
export async function fileTree(prefix: string, files: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  await writeFiles(root, files)
  return root
}

/** An algorithm folder `algorithms/<name>` in a checkout; returns its source-dir. */
export async function writeAlgorithm(workspace: string, name: string, files: Record<string, string>): Promise<string> {
  await writeFiles(join(workspace, 'algorithms', name), files)
  return `algorithms/${name}`
}
