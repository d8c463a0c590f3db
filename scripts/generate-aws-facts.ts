// Regenerates src/facts/aws-facts.ts from the AWS API models.
// Usage: npm run generate:facts [-- <models dir>]   (default ../shared/aws-models)
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildFactsModule } from './aws-facts-extract.js'

const modelsDir = resolve(process.argv[2] ?? '../shared/aws-models')
const target = resolve('src/facts/aws-facts.ts')
writeFileSync(target, buildFactsModule(modelsDir))
console.log(`wrote ${target} from ${modelsDir}`)
