// The defaults action.yml declares, as the runner fills them in when the workflow
// leaves an input out. An input holding its default cannot be told from one the
// workflow did not give; a test keeps this table equal to action.yml.
import type { InputName } from './action-inputs.js'

export const INPUT_DEFAULTS: Readonly<Partial<Record<InputName, string>>> = {
  audience: 'sts.amazonaws.com',
  'role-duration-seconds': '3600',
  image: 'base',
  'instance-type': 'ml.m5.large',
  'instance-count': '1',
  'volume-size-gb': '30',
  'max-runtime-seconds': '432000',
  distribution: 'none',
  'hyperparameters-must-bind': 'true',
  's3-prefix': 'jobs',
  resume: 'false',
  compression: 'gzip',
  'dry-run': 'false',
  'run-on-runner': 'false',
  'local-device': 'local:braket/braket.local.qubit',
  wait: 'false',
  'wait-timeout-minutes': '340',
  'stream-logs': 'true',
  'comment-on-pr': 'false',
  'github-token': '${{ github.token }}'
}

/** Whether the workflow gave the input: it is set, and not to its default (booleans in any of YAML's spellings). */
export function isGiven(name: InputName, value: string): boolean {
  const fallback = INPUT_DEFAULTS[name]
  if (value === '' || value === fallback) return false
  return !(fallback === 'true' || fallback === 'false') || value.toLowerCase() !== fallback
}
