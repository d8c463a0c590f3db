// Where the job's files live: the bucket and prefix the action stages into, the
// job's output and checkpoint locations, the KMS key, and the input channels.
import { isAbsolute, resolve } from 'node:path'
import { isInside } from '../common/paths.js'
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, checkConstraint, maxOf } from './constraints.js'
import { parseStringMap, shownValue, type Report } from './parse-input.js'
import { linkedOutside, type PathProbe } from './path-probe.js'

export interface InputChannel {
  channelName: string
  /** s3:// (or https) URI given in the workflow. */
  s3Uri?: string
  /** Path in the repository, uploaded by the action. */
  localPath?: string
}

export interface StorageSection {
  bucket?: string
  prefix: string
  outputS3Path?: string
  checkpointS3Uri?: string
  checkpointLocalPath?: string
  kmsKeyId?: string
  inputChannels: InputChannel[]
}

/** S3's bucket naming rules (S3's own limits, which the Braket model does not carry). */
const BUCKET_PATTERN = /^(?!xn--)(?!sthree-)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
/** The forms KMS accepts as a key identifier: key id (or multi-Region key id), key ARN, alias name, alias ARN. */
const KMS_KEY_FORMS = [
  /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
  /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
  /^alias\/[a-zA-Z0-9/_-]+$/,
  /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:alias\/[a-zA-Z0-9/_-]+$/
]

export function readStorageSection(raw: RawInputs, workspace: string, probe: PathProbe, report: Report): StorageSection {
  const bucket = raw['s3-bucket'] || undefined
  if (bucket && !BUCKET_PATTERN.test(bucket)) {
    report({
      input: 's3-bucket',
      message:
        `${shownValue(bucket)} is not a valid S3 bucket name: 3–63 lowercase letters, digits, dots and hyphens, starting and ` +
        `ending with a letter or digit.`
    })
  }
  const s3Uri = (input: 'output-s3-path' | 'checkpoint-s3-uri'): string | undefined => {
    const value = raw[input] || undefined
    if (value && !/^s3:\/\/[^/]+/.test(value))
      report({ input, message: `${shownValue(value)} is not allowed: give an s3:// URI such as s3://my-bucket/prefix.` })
    else if (value) checkConstraint(input, value, CONSTRAINTS.s3Path, report)
    return value?.replace(/\/+$/, '')
  }
  const outputS3Path = s3Uri('output-s3-path')
  const checkpointS3Uri = s3Uri('checkpoint-s3-uri')
  const checkpointLocalPath = raw['checkpoint-local-path'] || undefined
  if (checkpointLocalPath) checkConstraint('checkpoint-local-path', checkpointLocalPath, CONSTRAINTS.checkpointLocalPath, report)
  const kmsKeyId = raw['kms-key-id'] || undefined
  if (kmsKeyId && !KMS_KEY_FORMS.some((form) => form.test(kmsKeyId))) {
    report({
      input: 'kms-key-id',
      message:
        `${shownValue(kmsKeyId)} is not a KMS key: give a key id (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN ` +
        '(arn:aws:kms:us-west-2:123456789012:key/<key id>), an alias name (alias/my-key) or an alias ARN.'
    })
  }
  return {
    ...(bucket ? { bucket } : {}),
    prefix: readPrefix(raw, report),
    ...(outputS3Path ? { outputS3Path } : {}),
    ...(checkpointS3Uri ? { checkpointS3Uri } : {}),
    ...(checkpointLocalPath ? { checkpointLocalPath } : {}),
    ...(kmsKeyId ? { kmsKeyId } : {}),
    inputChannels: readInputChannels(raw, workspace, probe, report)
  }
}

/**
 * The longest URI the action sends below the prefix is its source archive's,
 * `s3://<bucket>/<prefix>/sources/<sha256>/source.tar.gz`: with the longest bucket
 * name it must stay within Braket's limit on S3 URIs.
 */
const MAX_BUCKET_NAME = 63
const LONGEST_SUFFIX = '/sources/'.length + 64 + '/source.tar.gz'.length

function readPrefix(raw: RawInputs, report: Report): string {
  const prefix = (raw['s3-prefix'] || 'jobs').replace(/^\/+|\/+$/g, '')
  const max = maxOf(CONSTRAINTS.s3Path) - 's3://'.length - MAX_BUCKET_NAME - 1 - LONGEST_SUFFIX
  if ([...prefix].length > max)
    report({
      input: 's3-prefix',
      message:
        `${shownValue(prefix)} is too long: it has ${[...prefix].length} characters; give at most ${max}, so that the job's S3 URIs ` +
        `stay within Braket's ${maxOf(CONSTRAINTS.s3Path)} characters.`
    })
  return prefix
}

/** Every channel is checked, local paths included, before any is uploaded. */
function readInputChannels(raw: RawInputs, workspace: string, probe: PathProbe, report: Report): InputChannel[] {
  const channels: InputChannel[] = []
  const channelMap = parseStringMap('input-data', raw['input-data'], report)
  const count = Object.keys(channelMap).length
  const max = maxOf(CONSTRAINTS.inputChannels)
  if (count > max) report({ input: 'input-data', message: `has ${count} channels; Braket allows at most ${max}.` })
  for (const [channelName, location] of Object.entries(channelMap)) {
    const fail = (message: string) => report({ input: 'input-data', message: `channel ${shownValue(channelName)}: ${message}` })
    checkConstraint('input-data', channelName, CONSTRAINTS.channelName, report, 'the channel name')
    if (/^(s3|https):\/\//.test(location)) {
      if (checkConstraint('input-data', location, CONSTRAINTS.s3Path, report, `the location of channel ${shownValue(channelName)},`)) {
        channels.push({ channelName, s3Uri: location })
      }
      continue
    }
    const localPath = resolve(workspace, location)
    if (isAbsolute(location) || !isInside(workspace, localPath)) {
      fail(`${shownValue(location)} is neither an s3:// URI nor a path inside the repository.`)
      continue
    }
    const found = probe(localPath)
    const outside = linkedOutside(found, workspace, probe)
    if (outside) fail(`${shownValue(location)} leads outside the repository (to ${outside}) through a symbolic link: give data inside it.`)
    else if (found.kind === 'missing') fail(`${shownValue(location)} does not exist in the repository.`)
    else if (found.kind === 'unreadable') fail(`${shownValue(location)} cannot be read (${found.why}).`)
    else if (found.kind === 'other') fail(`${shownValue(location)} is neither a file nor a directory.`)
    else channels.push({ channelName, localPath })
  }
  return channels
}
