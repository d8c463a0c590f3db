import { readFileSync, writeFileSync } from 'node:fs'
import { renderReadme } from './readme-tables.js'

writeFileSync('README.md', renderReadme(readFileSync('README.md', 'utf8'), readFileSync('action.yml', 'utf8')))
console.log('README.md inputs and outputs tables rendered from action.yml')
