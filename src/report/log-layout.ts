// The step log's layout: a heading per phase, then aligned label/value rows.
import * as core from '@actions/core'
import { logText } from '../common/untrusted.js'

export function logHeading(title: string): void {
  core.info(`\u001b[1m${title}\u001b[0m`)
}

/** The value is often someone else's text (file names, hyperparameters, S3 keys): it is neutralised here, once for every row. */
export function logRow(label: string, value: string): void {
  core.info(`  ${logText(label).padEnd(16)} ${logText(value, 4000)}`)
}
