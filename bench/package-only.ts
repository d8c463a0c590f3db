// The action's packaging alone, for the benchmark's "packaging only" row: the
// tree's digest, then its tar.gz written to a file (as `tar czf` and the SDK
// do), with the same code the action runs, each piece freed once written as
// the upload frees it once copied. Bundled with ncc like the action.
//   node package-only.js <source-dir> <output.tar.gz> <entry-point>
import { open } from 'node:fs/promises'
import { release } from '../src/archive/bounded-pipeline.js'
import { parseEntryPoint } from '../src/archive/entry-point.js'
import { compileExcludePatterns } from '../src/archive/exclude-patterns.js'
import { archiveStream, digestSource } from '../src/archive/package-source.js'

const [sourceDir, output, entryPoint] = process.argv.slice(2)
const source = await digestSource({
  sourceDir: sourceDir!,
  entryPoint: parseEntryPoint(entryPoint!),
  compression: 'gzip',
  exclude: compileExcludePatterns([])
})
const file = await open(output!, 'w')
for await (const piece of archiveStream(source)) {
  await file.writeFile(piece)
  release(piece)
}
await file.close()
console.log(source.sha256)
