// The last step of `npm run build`. ncc copies the bundled packages' `//# sourceMappingURL=…` comments
// into dist/ without the maps they name, so they are removed; then the build's inputs are recorded.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST_DIGEST_FILE, distInputs } from './dist-inputs.js'

/** The entry bundles and the chunks they load on demand (`<id>.index.js`). */
const BUNDLES = ['dist', 'dist/post'].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name))
)
const SOURCE_MAP_COMMENT = /^\/\/[#@] sourceMappingURL=.*\n?/gm

for (const bundle of BUNDLES) writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(SOURCE_MAP_COMMENT, ''))
writeFileSync(DIST_DIGEST_FILE, distInputs())
