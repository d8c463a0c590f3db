// Inputs → one validated, typed job spec. Pure: no network, no file reads.
import { isAbsolute, relative, resolve } from 'node:path'
import { describeLimits, validateShape } from '../facts/validate-shape.js'
import type { InputName, RawInputs } from '../inputs/action-inputs.js'
import { CONSTRAINTS, type Constraint } from './constraints.js'
import { InputError, type InputProblem } from './input-error.js'
import { parseBoolean, parseLines, parseStringMap, parseWholeNumber, type Report } from './parse-input.js'
import { parseFollowSpec, type FollowSpec } from '../follow/follow-spec.js'
import type { RunIdentity } from './run-identity.js'

export type CredentialSource =
  { kind: 'web-identity'; roleArn: string; audience: string; sessionName: string; durationSeconds: number } | { kind: 'environment' }

export interface InputChannel {
  channelName: string
  /** s3:// (or https) URI given in the workflow. */
  s3Uri?: string
  /** Path in the repository, uploaded by the action. */
  localPath?: string
}

export interface JobSpec {
  region: string
  credentials: CredentialSource
  executionRoleArn: string
  device: string
  /** Absolute path of the algorithm directory (or file). */
  sourcePath: string
  /** As written in the workflow, for messages. */
  sourceDir: string
  entryPoint: string
  compression: 'gzip' | 'none'
  exclude: string[]
  jobName?: string
  imageUri: string
  instanceType: string
  instanceCount: number
  volumeSizeInGb: number
  maxRuntimeInSeconds: number
  hyperParameters: Record<string, string>
  inputChannels: InputChannel[]
  bucket?: string
  prefix: string
  outputS3Path?: string
  checkpointS3Uri?: string
  checkpointLocalPath?: string
  kmsKeyId?: string
  tags: Record<string, string>
  reservationArn?: string
  clientToken?: string
  idempotencyKey: string
  dryRun: boolean
  /** What happens after the submission: wait, logs, results, PR comment. */
  follow: FollowSpec
}

/** The Braket job images by their short names (AwsQuantumJob's image_uris). */
export const BRAKET_IMAGES = ['base', 'cudaq', 'pytorch', 'tensorflow'] as const
const BRAKET_IMAGE_ACCOUNT = '292282985366'

export function braketImageUri(name: (typeof BRAKET_IMAGES)[number], region: string): string {
  return `${BRAKET_IMAGE_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/amazon-braket-${name}-jobs:latest`
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/
/** S3's bucket naming rules (the S3 API model is not among the Braket facts). */
const BUCKET_PATTERN = /^(?!xn--)(?!sthree-)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const DEVICE_ARN = /^arn:aws[a-z-]*:braket:([a-z0-9-]*):(\d{12})?:device\/.+$/
const LOCAL_DEVICE = /^local:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/

/** Tag keys the action sets itself, for provenance. */
export const PROVENANCE_TAG_PREFIX = 'github:'

function check(input: InputName, value: unknown, constraint: Constraint, report: Report, what?: string): boolean {
  const problems = validateShape(constraint.facts, constraint.shape, value)
  if (problems.length === 0) return true
  const shown = typeof value === 'string' ? `"${value.length > 80 ? `${value.slice(0, 77)}...` : value}"` : String(value)
  const limits = describeLimits(constraint.facts.shapes[constraint.shape]!)
  report({
    input,
    message:
      `${what ? `${what} ` : ''}${shown} is not allowed: it ` +
      `${problems[0]!.message}.${limits && !problems[0]!.message.includes('one of') ? ` Allowed: ${limits}.` : ''}`
  })
  return false
}

export function deviceRegion(device: string): string | undefined {
  const region = DEVICE_ARN.exec(device)?.[1]
  return region ? region : undefined
}

export function defaultSessionName(identity: RunIdentity): string {
  return `GitHubActions-${identity.runId}-${identity.runAttempt}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64)
}

export function buildJobSpec(raw: RawInputs, identity: RunIdentity, env: NodeJS.ProcessEnv): JobSpec {
  const problems: InputProblem[] = []
  const report: Report = (problem) => problems.push(problem)
  const required = (input: InputName): string => {
    if (raw[input] === '') report({ input, message: 'is required.' })
    return raw[input]
  }

  const region = raw['aws-region'] || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  if (region === '') report({ input: 'aws-region', message: 'no region given: set aws-region, or AWS_REGION in the environment.' })
  else if (!REGION_PATTERN.test(region))
    report({ input: 'aws-region', message: `"${region}" is not an AWS region name such as us-west-2.` })

  const dryRun = parseBoolean('dry-run', raw['dry-run'], report)

  let credentials: CredentialSource = { kind: 'environment' }
  if (raw['role-to-assume'] !== '') {
    const roleArn = raw['role-to-assume']
    if (check('role-to-assume', roleArn, CONSTRAINTS.assumedRoleArn, report)) check('role-to-assume', roleArn, CONSTRAINTS.roleArn, report)
    const audience = raw.audience || 'sts.amazonaws.com'
    const sessionName = raw['role-session-name'] || defaultSessionName(identity)
    check('role-session-name', sessionName, CONSTRAINTS.roleSessionName, report)
    const durationSeconds = parseWholeNumber('role-duration-seconds', raw['role-duration-seconds'] || '3600', report)
    if (durationSeconds !== undefined) check('role-duration-seconds', durationSeconds, CONSTRAINTS.roleDurationSeconds, report)
    credentials = { kind: 'web-identity', roleArn, audience, sessionName, durationSeconds: durationSeconds ?? 3600 }
  }

  const executionRoleArn = required('execution-role-arn')
  if (executionRoleArn) check('execution-role-arn', executionRoleArn, CONSTRAINTS.roleArn, report)

  const device = required('device')
  if (device) {
    if (!DEVICE_ARN.test(device) && !LOCAL_DEVICE.test(device)) {
      report({
        input: 'device',
        message:
          `"${device}" is neither a Braket device ARN (arn:aws:braket:<region>::device/qpu/<provider>/<name>, or ` +
          `arn:aws:braket:::device/quantum-simulator/amazon/sv1) nor a local simulator (local:<provider>/<name>, e.g. ` +
          `local:braket/braket.local.qubit).`
      })
    } else if (check('device', device, CONSTRAINTS.device, report)) {
      const home = deviceRegion(device)
      if (home && region && home !== region) {
        report({
          input: 'device',
          message:
            `${device} is a device of ${home}, but aws-region is ${region}. A QPU's jobs run in its own region: set aws-region: ` +
            `${home}.`
        })
      }
    }
  }

  const sourceDir = required('source-dir')
  const sourcePath = resolve(identity.workspace, sourceDir || '.')
  if (sourceDir && relative(identity.workspace, sourcePath).startsWith('..')) {
    report({
      input: 'source-dir',
      message: `"${sourceDir}" is outside the workspace ${identity.workspace}; give a path inside the repository.`
    })
  }

  const entryPoint = required('entry-point')
  if (entryPoint) check('entry-point', entryPoint, CONSTRAINTS.entryPoint, report)

  const compression = (raw.compression || 'gzip') as JobSpec['compression']
  if (compression !== 'gzip' && compression !== 'none')
    report({ input: 'compression', message: `"${raw.compression}" is not a compression. Allowed: gzip, none.` })

  const jobName = raw['job-name'] || undefined
  if (jobName) check('job-name', jobName, CONSTRAINTS.jobName, report)

  const imageInput = raw.image || 'base'
  let imageUri = imageInput
  if ((BRAKET_IMAGES as readonly string[]).includes(imageInput))
    imageUri = braketImageUri(imageInput as (typeof BRAKET_IMAGES)[number], region || 'us-west-2')
  else if (validateShape(CONSTRAINTS.imageUri.facts, CONSTRAINTS.imageUri.shape, imageInput).length > 0) {
    report({
      input: 'image',
      message:
        `"${imageInput}" is not allowed. Allowed: ${BRAKET_IMAGES.join(', ')}, or an ECR image URI such as ` +
        `123456789012.dkr.ecr.${region || 'us-west-2'}.amazonaws.com/my-image:tag.`
    })
  }

  const instanceType = raw['instance-type'] || 'ml.m5.large'
  check('instance-type', instanceType, CONSTRAINTS.instanceType, report)
  const whole = (input: InputName, fallback: string, constraint: Constraint): number => {
    const value = parseWholeNumber(input, raw[input] || fallback, report)
    if (value !== undefined) check(input, value, constraint, report)
    return value ?? Number(fallback)
  }
  const instanceCount = whole('instance-count', '1', CONSTRAINTS.instanceCount)
  const volumeSizeInGb = whole('volume-size-gb', '30', CONSTRAINTS.volumeSizeInGb)
  const maxRuntimeInSeconds = whole('max-runtime-seconds', '432000', CONSTRAINTS.maxRuntimeInSeconds)

  const hyperParameters = parseStringMap('hyperparameters', raw.hyperparameters, report)
  const hyperParameterCount = Object.keys(hyperParameters).length
  const maxHyperParameters = CONSTRAINTS.hyperParameters.facts.shapes[CONSTRAINTS.hyperParameters.shape]!.max!
  if (hyperParameterCount > maxHyperParameters)
    report({ input: 'hyperparameters', message: `has ${hyperParameterCount} entries; Braket allows at most ${maxHyperParameters}.` })
  for (const [name, value] of Object.entries(hyperParameters)) {
    check('hyperparameters', name, CONSTRAINTS.hyperParameterName, report, 'the name')
    check('hyperparameters', value, CONSTRAINTS.hyperParameterValue, report, `the value of "${name}",`)
  }

  const inputChannels: InputChannel[] = []
  const channelMap = parseStringMap('input-data', raw['input-data'], report)
  const maxChannels = CONSTRAINTS.inputChannels.facts.shapes[CONSTRAINTS.inputChannels.shape]!.max!
  if (Object.keys(channelMap).length > maxChannels)
    report({ input: 'input-data', message: `has ${Object.keys(channelMap).length} channels; Braket allows at most ${maxChannels}.` })
  for (const [channelName, location] of Object.entries(channelMap)) {
    check('input-data', channelName, CONSTRAINTS.channelName, report, 'the channel name')
    if (/^(s3|https):\/\//.test(location)) {
      if (check('input-data', location, CONSTRAINTS.s3Path, report, `the location of channel "${channelName}",`))
        inputChannels.push({ channelName, s3Uri: location })
    } else {
      const localPath = resolve(identity.workspace, location)
      if (isAbsolute(location) || relative(identity.workspace, localPath).startsWith('..')) {
        report({
          input: 'input-data',
          message: `channel "${channelName}": "${location}" is neither an s3:// URI nor a path inside the repository.`
        })
      } else inputChannels.push({ channelName, localPath })
    }
  }

  const bucket = raw['s3-bucket'] || undefined
  if (bucket && !BUCKET_PATTERN.test(bucket))
    report({
      input: 's3-bucket',
      message:
        `"${bucket}" is not a valid S3 bucket name: 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a ` +
        `letter or digit.`
    })
  const prefix = (raw['s3-prefix'] || 'jobs').replace(/^\/+|\/+$/g, '')
  const s3Input = (input: InputName): string | undefined => {
    const value = raw[input] || undefined
    if (value && !/^s3:\/\//.test(value)) report({ input, message: `"${value}" is not an s3:// URI.` })
    else if (value) check(input, value, CONSTRAINTS.s3Path, report)
    return value?.replace(/\/+$/, '')
  }
  const outputS3Path = s3Input('output-s3-path')
  const checkpointS3Uri = s3Input('checkpoint-s3-uri')
  const checkpointLocalPath = raw['checkpoint-local-path'] || undefined
  if (checkpointLocalPath) check('checkpoint-local-path', checkpointLocalPath, CONSTRAINTS.checkpointLocalPath, report)
  const kmsKeyId = raw['kms-key-id'] || undefined
  if (kmsKeyId) check('kms-key-id', kmsKeyId, CONSTRAINTS.kmsKeyId, report)

  const tags = parseStringMap('tags', raw.tags, report)
  for (const key of Object.keys(tags)) {
    if (key.startsWith('aws:')) report({ input: 'tags', message: `"${key}": the aws: prefix is reserved for AWS.` })
    if (key.startsWith(PROVENANCE_TAG_PREFIX))
      report({
        input: 'tags',
        message: `"${key}": the ${PROVENANCE_TAG_PREFIX} prefix is reserved for the provenance tags this action adds.`
      })
  }

  const reservationArn = raw['reservation-arn'] || undefined
  if (reservationArn) check('reservation-arn', reservationArn, CONSTRAINTS.associationArn, report)
  const clientToken = raw['client-token'] || undefined
  if (clientToken) check('client-token', clientToken, CONSTRAINTS.clientToken, report)

  const exclude = parseLines(raw.exclude)
  const follow = parseFollowSpec(raw, identity.workspace, report)

  if (problems.length > 0) throw new InputError(problems)
  return {
    region,
    credentials,
    executionRoleArn,
    device,
    sourcePath,
    sourceDir,
    entryPoint,
    compression,
    exclude,
    jobName,
    imageUri,
    instanceType,
    instanceCount,
    volumeSizeInGb,
    maxRuntimeInSeconds,
    hyperParameters,
    inputChannels,
    bucket,
    prefix,
    outputS3Path,
    checkpointS3Uri,
    checkpointLocalPath,
    kmsKeyId,
    tags,
    reservationArn,
    clientToken,
    idempotencyKey: raw['idempotency-key'],
    dryRun,
    follow
  }
}
