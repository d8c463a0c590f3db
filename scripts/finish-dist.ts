// The last step of `npm run build`. ncc copies the bundled packages' `//# sourceMappingURL=…` comments
// into dist/ without the maps they name, so they are removed; then the build's inputs are recorded.
import { readFileSync, writeFileSync } from 'node:fs'
import { DIST_DIGEST_FILE, distInputs } from './dist-inputs.js'

const BUNDLES = ['dist/index.js', 'dist/post/index.js']
const SOURCE_MAP_COMMENT = /^\/\/[#@] sourceMappingURL=.*\n?/gm

for (const bundle of BUNDLES) writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(SOURCE_MAP_COMMENT, ''))
writeFileSync(DIST_DIGEST_FILE, distInputs())
