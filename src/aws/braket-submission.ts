// Talks to Braket for the submission: the device pre-check, CreateJob exactly
// once, and the job's state right after.
import {
  BraketClient,
  CreateJobCommand,
  GetDeviceCommand,
  GetJobCommand,
  type CreateJobCommandInput,
  type GetJobCommandOutput
} from '@aws-sdk/client-braket'
import { ActionError, errorMessage, errorName } from '../common/errors.js'

export class SubmissionError extends ActionError {}

export interface DeviceSummary {
  deviceArn: string
  deviceName: string
  providerName: string
  deviceType: string
  deviceStatus: string
  queueSize?: string
}

/** Fails fast on a device that can't take the job; local simulators run inside the job and need no check. */
export async function checkDevice(braket: BraketClient, device: string, region: string): Promise<DeviceSummary | undefined> {
  if (device.startsWith('local:')) return undefined
  let response
  try {
    response = await braket.send(new GetDeviceCommand({ deviceArn: device }))
  } catch (error) {
    const name = errorName(error)
    if (name === 'ResourceNotFoundException' || name === 'ValidationException') {
      throw new SubmissionError(
        `Input "device": ${device} is not a Braket device in ${region} (${errorMessage(error)}). List the devices with "aws braket ` +
          `search-devices --filters name=deviceStatus,values=ONLINE --region ${region}".`
      )
    }
    if (name === 'AccessDeniedException')
      throw new SubmissionError(`The role may not read device ${device}: allow braket:GetDevice. (${errorMessage(error)})`)
    throw error
  }
  const summary: DeviceSummary = {
    deviceArn: response.deviceArn ?? device,
    deviceName: response.deviceName ?? '',
    providerName: response.providerName ?? '',
    deviceType: response.deviceType ?? '',
    deviceStatus: response.deviceStatus ?? '',
    queueSize: response.deviceQueueInfo?.find((q) => q.queue === 'JOBS_QUEUE')?.queueSize
  }
  if (summary.deviceStatus === 'RETIRED')
    throw new SubmissionError(
      `Input "device": ${summary.providerName} ${summary.deviceName} (${device}) is RETIRED and takes no more jobs. Pick another device; ` +
        `see the Braket console's Devices page.`
    )
  if (summary.deviceStatus === 'OFFLINE')
    throw new SubmissionError(
      `Input "device": ${summary.providerName} ${summary.deviceName} (${device}) is OFFLINE right now. Check its availability window in ` +
        `the Braket console and re-run then, or pick another device.`
    )
  return summary
}

/** Turns each CreateJob error the API defines into what to do about it. */
export function explainCreateJobError(error: unknown, request: CreateJobCommandInput): Error {
  if (!(error instanceof Error)) return new SubmissionError(String(error))
  const message = error.message
  switch (error.name) {
    case 'ValidationException':
      return new SubmissionError(`Braket rejected the job request: ${message}`)
    case 'AccessDeniedException':
      return new SubmissionError(
        `Braket denied CreateJob: ${message}. The submitting role needs braket:CreateJob, and iam:PassRole on the execution role ` +
          `${request.roleArn} (see the README's policy).`
      )
    case 'ConflictException':
      return new SubmissionError(
        `Braket already has a different job under clientToken ${request.clientToken}: the same run and step asked for a different job ` +
          `before (${message}). To submit another job from this step, set idempotency-key (e.g. to the matrix values), or set ` +
          `client-token explicitly.`
      )
    case 'DeviceOfflineException':
      return new SubmissionError(
        `Device ${request.deviceConfig?.device} is offline: ${message}. Check its availability in the Braket console, or pick another ` +
          `device.`
      )
    case 'DeviceRetiredException':
      return new SubmissionError(`Device ${request.deviceConfig?.device} is retired: ${message}. Pick another device.`)
    case 'ServiceQuotaExceededException':
      return new SubmissionError(
        `Braket's quota for hybrid jobs is used up: ${message}. Wait for running jobs to end, or request a quota increase (Service ` +
          `Quotas → Amazon Braket).`
      )
    case 'ThrottlingException':
    case 'InternalServiceException':
      return new SubmissionError(
        `Braket could not take the job after retries (${error.name}: ${message}). Re-run the job: the same clientToken makes sure no ` +
          `duplicate is created.`
      )
    default:
      return new SubmissionError(`CreateJob failed: ${error.name}: ${message}`)
  }
}

export async function createJob(braket: BraketClient, request: CreateJobCommandInput): Promise<string> {
  try {
    const response = await braket.send(new CreateJobCommand(request))
    if (!response.jobArn) throw new SubmissionError('CreateJob returned no jobArn.')
    return response.jobArn
  } catch (error) {
    if (error instanceof SubmissionError) throw error
    throw explainCreateJobError(error, request)
  }
}

export async function describeJob(braket: BraketClient, jobArn: string): Promise<GetJobCommandOutput> {
  return braket.send(new GetJobCommand({ jobArn }))
}

export const ENDED_UNSUCCESSFULLY = new Set(['FAILED', 'CANCELLED'])
