// `npm run bench`: every benchmark, one after the other, each in its own process.
import { execFileSync } from 'node:child_process'

for (const bench of ['bench/archive.bench.ts', 'bench/submit.bench.ts']) {
  console.log(`\n=== ${bench}`)
  execFileSync(process.execPath, ['--import', 'tsx', bench], { stdio: 'inherit' })
}
