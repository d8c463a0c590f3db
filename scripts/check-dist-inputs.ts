// Exits 0 when dist/ was built from the sources as they are now, 1 (naming what changed) when it is
// stale. Quick: it compares the input digests that `npm run build` recorded, without rebuilding.
import { DIST_DIGEST_FILE, staleDistInputs } from './dist-inputs.js'

const stale = staleDistInputs()
if (stale === undefined) {
  console.log(`dist/ has no ${DIST_DIGEST_FILE}: it was built before its inputs were recorded, or not at all.`)
  process.exitCode = 1
} else if (stale.length > 0) {
  console.log(`dist/ is stale; changed since it was built: ${stale.join(', ')}`)
  process.exitCode = 1
}
