// The job's classical compute: container image, instance type and count, volume, runtime limit.
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, checkConstraint, rangeOf, type Constraint } from './constraints.js'
import { parseWholeNumber, shownValue, type Report } from './parse-input.js'

/** The Braket job images by their short names (AwsQuantumJob's image_uris). */
export const BRAKET_IMAGES = ['base', 'cudaq', 'pytorch', 'tensorflow'] as const
const BRAKET_IMAGE_ACCOUNT = '292282985366'

export function braketImageUri(name: (typeof BRAKET_IMAGES)[number], region: string): string {
  return `${BRAKET_IMAGE_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/amazon-braket-${name}-jobs:latest`
}

export interface InstanceSection {
  imageUri: string
  instanceType: string
  instanceCount: number
  volumeSizeInGb: number
  maxRuntimeInSeconds: number
}

export const INSTANCE_DEFAULTS = {
  instanceType: 'ml.m5.large',
  instanceCount: 1,
  volumeSizeInGb: 30,
  maxRuntimeInSeconds: 432_000
} as const

export function readInstanceSection(raw: RawInputs, region: string, report: Report): InstanceSection {
  const imageInput = raw.image || 'base'
  const imageRegion = region || 'us-west-2'
  let imageUri = imageInput
  if ((BRAKET_IMAGES as readonly string[]).includes(imageInput))
    imageUri = braketImageUri(imageInput as (typeof BRAKET_IMAGES)[number], imageRegion)
  else if (!imageInput.includes('.dkr.ecr.')) {
    report({
      input: 'image',
      message:
        `${shownValue(imageInput)} is not allowed: give ${BRAKET_IMAGES.join(', ')}, or an ECR image URI such as ` +
        `123456789012.dkr.ecr.${imageRegion}.amazonaws.com/my-image:tag.`
    })
  } else checkConstraint('image', imageInput, CONSTRAINTS.imageUri, report)

  const instanceType = raw['instance-type'] || INSTANCE_DEFAULTS.instanceType
  checkConstraint('instance-type', instanceType, CONSTRAINTS.instanceType, report)
  const whole = (input: 'instance-count' | 'volume-size-gb' | 'max-runtime-seconds', fallback: number, constraint: Constraint): number =>
    parseWholeNumber(input, raw[input] || String(fallback), report, rangeOf(constraint)) ?? fallback
  return {
    imageUri,
    instanceType,
    instanceCount: whole('instance-count', INSTANCE_DEFAULTS.instanceCount, CONSTRAINTS.instanceCount),
    volumeSizeInGb: whole('volume-size-gb', INSTANCE_DEFAULTS.volumeSizeInGb, CONSTRAINTS.volumeSizeInGb),
    maxRuntimeInSeconds: whole('max-runtime-seconds', INSTANCE_DEFAULTS.maxRuntimeInSeconds, CONSTRAINTS.maxRuntimeInSeconds)
  }
}
