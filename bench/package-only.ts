// The action's packaging alone, for the benchmark's "packaging only" row: the
// tree's digest, then its tar.gz written to a file (as `tar czf` and the SDK
// do), with the same code the action runs. Bundled with ncc like the action.
//   node package-only.js <source-dir> <output.tar.gz> <entry-point>
import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
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
await pipeline(Readable.from(archiveStream(source)), createWriteStream(output!))
console.log(source.sha256)
