// Jest global setup: the process-level tests run dist/, so rebuild it when the source is newer.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

export default function buildDist(): void {
  const bundles = ['dist/index.js', 'dist/post/index.js'].filter((file) => existsSync(file))
  const built = bundles.length === 2 ? Math.min(...bundles.map((file) => statSync(file).mtimeMs)) : 0
  if (process.env.CI !== 'true' && built < newestMtime('src')) {
    console.log('\nsrc/ is newer than dist/: rebuilding the bundle')
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
  }
}
