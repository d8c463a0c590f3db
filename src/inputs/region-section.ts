// aws-region: where STS, S3 and Braket are called (a QPU's own region, for QPUs).
import type { RawInputs } from './action-inputs.js'
import { shownValue, type Report } from './parse-input.js'

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/

export function readRegion(raw: RawInputs, env: NodeJS.ProcessEnv, report: Report): string {
  const region = raw['aws-region'] || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  if (region === '') {
    report({
      input: 'aws-region',
      message:
        'is empty and the environment has no AWS_REGION: set aws-region, such as us-west-2 (GitHub-hosted runners have no default region).'
    })
  } else if (!REGION_PATTERN.test(region)) {
    const lower = region.toLowerCase()
    const hint = REGION_PATTERN.test(lower) ? ` Region names are lowercase: ${lower}.` : ''
    report({
      input: 'aws-region',
      message: `${shownValue(region)} is not an AWS region name: give one such as us-west-2 or eu-north-1.${hint}`
    })
  }
  return region
}
