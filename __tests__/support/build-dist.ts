// Jest global setup: the process-level tests run dist/, so rebuild it when it is stale.
// Stale is decided by content, not file times: `npm run build` records a digest of its inputs
// (dist/build-inputs.sha256) and scripts/check-dist-inputs.ts compares it with the source. File
// times say nothing here: a fresh clone gives every file the time of the checkout, so src/ could
// look newer than an up-to-date dist/ (a needless rebuild) or older than a stale one.
// (The check runs under tsx in its own process: jest's global setup cannot import a .ts module.)
import { execFileSync, spawnSync } from 'node:child_process'

export default function buildDist(): void {
  // CI checks dist/ against the source itself and fails when it is stale; it must not be rebuilt here.
  if (process.env.CI === 'true') return
  const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-dist-inputs.ts'], { encoding: 'utf8' })
  if (check.status === 0) return
  process.stderr.write(`\n${check.stdout.trim() || check.stderr.trim()}\nRebuilding it (npm run build).\n`)
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] })
}
