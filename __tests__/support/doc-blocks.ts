// The code blocks of the project's Markdown, so tests can run or check what the docs tell people to do.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fencedBlocks as blocksOf } from '../../scripts/markdown-blocks.js'

/** The bodies of the fenced blocks of one language (```sh, ```yaml) in a Markdown file, in order. */
export function fencedBlocks(markdownFile: string, language: string): string[] {
  return blocksOf(readFileSync(markdownFile, 'utf8'), language).map((block) => block.body)
}

/** The one block of a language that contains `marker`; throws when there is none or several. */
export function blockWith(markdownFile: string, language: string, marker: string): string {
  const found = fencedBlocks(markdownFile, language).filter((block) => block.includes(marker))
  if (found.length !== 1) throw new Error(`${markdownFile}: ${found.length} \`\`\`${language} blocks contain ${JSON.stringify(marker)}`)
  return found[0]!
}

/**
 * Whether the AWS CLI on PATH reads AWS_ENDPOINT_URL_<SERVICE> (v1 from botocore 1.31, v2 from 2.13):
 * an older one would ignore the stand-in and aim at AWS itself.
 */
export function awsCliReadsEndpointVariables(): boolean {
  const result = spawnSync('aws', ['--version'], { encoding: 'utf8' })
  if (result.status !== 0) return false
  const version = `${result.stdout} ${result.stderr}`
  const v2 = /aws-cli\/2\.(\d+)\./.exec(version)
  if (v2) return Number(v2[1]) >= 13
  const botocore = /botocore\/1\.(\d+)\./.exec(version)
  return botocore !== null && Number(botocore[1]) >= 31
}
