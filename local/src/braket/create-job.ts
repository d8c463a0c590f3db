// The checks CreateJob makes beyond the model's shape constraints: the role
// may be passed by the caller, the device exists, is reachable in the
// request's region and is usable (CreateQuantumTask checks its device alike),
// and the algorithm script is in S3.
import type { KnownCredentials } from '../core/credentials.js'
import type { ObjectStore } from '../stores/object-store.js'
import { parseS3Uri } from '../stores/object-store.js'
import { braketError } from './braket-errors.js'
import { isLocalDevice, isWellFormedLocalDevice, type DeviceCatalog } from './devices.js'
import type { CreateJobRequest } from './job-record.js'

/** JSON with object keys sorted, so two equal requests compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** IAM: a role can only be passed to a service by a caller of the role's own account. */
export function checkRoleCanBePassed(request: CreateJobRequest, caller: KnownCredentials): void {
  const roleAccount = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(request.roleArn)?.[1]
  if (roleAccount !== caller.accountId) {
    throw braketError(
      'AccessDeniedException',
      `User: ${caller.arn} is not authorized to perform: iam:PassRole on resource: ${request.roleArn}`
    )
  }
}

export function checkDevice(request: CreateJobRequest, devices: DeviceCatalog, region: string): void {
  const arn = request.deviceConfig.device
  if (isLocalDevice(arn)) {
    // The job's own container simulates; the service only checks the form.
    if (!isWellFormedLocalDevice(arn))
      throw braketError(
        'ValidationException',
        `Local device ${arn} is not valid. Local devices have the form local:<provider>/<simulator>.`
      )
    return
  }
  checkUsableDevice(arn, devices, region)
}

/** A Braket device (not `local:`) exists, is reachable in the request's region, and is neither retired nor offline. */
export function checkUsableDevice(arn: string, devices: DeviceCatalog, region: string): void {
  const device = devices.get(arn)
  if (!device) throw braketError('ValidationException', `Device ${arn} does not exist.`)
  if (!device.regions.includes(region)) {
    const where = device.deviceType === 'QPU' ? ` It is available in ${device.regions.join(', ')}.` : ''
    throw braketError('ValidationException', `Device ${arn} is not available in ${region}.${where}`)
  }
  if (device.deviceStatus === 'RETIRED') throw braketError('DeviceRetiredException', `Device ${arn} has been retired.`)
  if (device.deviceStatus === 'OFFLINE') throw braketError('DeviceOfflineException', `Device ${arn} is offline.`)
}

/** The entry point's source must be in S3 when the job is created. */
export function checkSourceExists(request: CreateJobRequest, objects: ObjectStore): void {
  const scriptMode = (request.algorithmSpecification as { scriptModeConfig?: { s3Uri?: string } } | undefined)?.scriptModeConfig
  if (scriptMode?.s3Uri === undefined) return
  const location = parseS3Uri(scriptMode.s3Uri)
  if (!location || !objects.bucket(location.bucket) || !objects.exists(location.bucket, location.key)) {
    throw braketError('ValidationException', `No S3 object found at algorithmSpecification.scriptModeConfig.s3Uri ${scriptMode.s3Uri}.`)
  }
}
