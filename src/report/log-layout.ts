// The step log's layout: a heading per phase, then aligned label/value rows.
import * as core from '@actions/core'

export function logHeading(title: string): void {
  core.info(`\u001b[1m${title}\u001b[0m`)
}

export function logRow(label: string, value: string): void {
  core.info(`  ${label.padEnd(16)} ${value}`)
}
