// The action's inputs as declared in action.yml, read once into plain strings.
import * as core from '@actions/core'

export const INPUT_NAMES = [
  'aws-region',
  'role-to-assume',
  'audience',
  'role-session-name',
  'role-duration-seconds',
  'execution-role-arn',
  'device',
  'source-dir',
  'entry-point',
  'job-name',
  'image',
  'instance-type',
  'instance-count',
  'volume-size-gb',
  'max-runtime-seconds',
  'distribution',
  'hyperparameters',
  'hyperparameters-must-bind',
  'input-data',
  's3-bucket',
  's3-prefix',
  'output-s3-path',
  'checkpoint-s3-uri',
  'checkpoint-local-path',
  'copy-checkpoints-from-job',
  'resume',
  'kms-key-id',
  'compression',
  'exclude',
  'tags',
  'reservation-arn',
  'client-token',
  'idempotency-key',
  'experiment',
  'job-arn',
  'attach',
  'logs-since',
  'dry-run',
  'run-on-runner',
  'local-device',
  'wait',
  'wait-timeout-minutes',
  'cancel-on-timeout',
  'cancel-on-workflow-cancel',
  'stream-logs',
  'download-results',
  'comment-on-pr',
  'github-token',
  'baseline-ref',
  'metric-goals',
  'max-regression-percent',
  'max-cost-usd'
] as const

export type InputName = (typeof INPUT_NAMES)[number]
export type RawInputs = Readonly<Record<InputName, string>>

/** Multi-line inputs keep their inner lines; every other input is trimmed. */
const MULTILINE: ReadonlySet<InputName> = new Set(['hyperparameters', 'input-data', 'tags', 'exclude', 'metric-goals'])

export function readInputs(getInput: (name: string, options?: core.InputOptions) => string = core.getInput): RawInputs {
  const raw = {} as Record<InputName, string>
  for (const name of INPUT_NAMES) raw[name] = getInput(name, { trimWhitespace: !MULTILINE.has(name) })
  return raw
}
