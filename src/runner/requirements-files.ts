// Every requirements.txt in the job's code, the files the container installs
// with pip (it walks the whole unpacked tree, top down).
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { compareBytewise } from '../archive/byte-order.js'

export const REQUIREMENTS_FILE_NAME = 'requirements.txt'

/** Paths relative to `root`, `/`-separated: a folder's own file before those of its subfolders, names in byte order. */
export async function requirementsFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = (await readdir(join(root, prefix), { withFileTypes: true })).sort((a, b) => compareBytewise(a.name, b.name))
  const found: string[] = []
  const here = (name: string) => (prefix === '' ? name : `${prefix}/${name}`)
  if (entries.some((entry) => entry.isFile() && entry.name === REQUIREMENTS_FILE_NAME)) found.push(here(REQUIREMENTS_FILE_NAME))
  // os.walk does not follow links to folders, and neither does this.
  for (const entry of entries) if (entry.isDirectory()) found.push(...(await requirementsFiles(root, here(entry.name))))
  return found
}
