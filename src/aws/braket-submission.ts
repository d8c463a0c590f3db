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
import { ActionError, errorName } from '../common/errors.js'
import { awsCall, awsCallError, callFailure, describeCall, describeFailure, type AwsCall } from './aws-call.js'

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
  const call: AwsCall = { service: 'Braket', operation: 'GetDevice', target: device, permission: 'braket:GetDevice' }
  let response
  try {
    response = await braket.send(new GetDeviceCommand({ deviceArn: device }))
  } catch (error) {
    const name = errorName(error)
    if (name === 'ResourceNotFoundException' || name === 'ValidationException') {
      throw new SubmissionError(
        `Input "device": ${device} is not a Braket device in ${region} (input "aws-region") ` +
          `(${describeCall(call)} ${describeFailure(callFailure(error))}). Check both inputs; list the devices with "aws braket ` +
          `search-devices --filters name=deviceStatus,values=ONLINE --region ${region}".`
      )
    }
    throw awsCallError(call, error)
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

/** What to do about each CreateJob error the API defines. */
export function createJobAdvice(code: string, request: CreateJobCommandInput): string | undefined {
  switch (code) {
    case 'ValidationException':
      return 'Braket rejected the job request: its message says which field.'
    case 'AccessDeniedException':
      return (
        `The submitting role needs braket:CreateJob, and iam:PassRole on the execution role ${request.roleArn} (see the README's ` +
        `policy).`
      )
    case 'ConflictException':
      return (
        `Braket already has a different job under clientToken ${request.clientToken}: the same run and step asked for a different job ` +
        `before. To submit another job from this step, set idempotency-key (e.g. to the matrix values), or set client-token explicitly.`
      )
    case 'DeviceOfflineException':
      return `Device ${request.deviceConfig?.device} is offline: check its availability in the Braket console, or pick another device.`
    case 'DeviceRetiredException':
      return `Device ${request.deviceConfig?.device} is retired: pick another device.`
    case 'ServiceQuotaExceededException':
      return (
        `Braket's quota for hybrid jobs is used up: wait for running jobs to end, or request a quota increase (Service Quotas → ` +
        `Amazon Braket).`
      )
    case 'ThrottlingException':
    case 'InternalServiceException':
      // What every throttled or failing call is told: re-run; the clientToken keeps it one job.
      return undefined
    default:
      return undefined
  }
}

function createJobCall(request: CreateJobCommandInput): AwsCall {
  return { service: 'Braket', operation: 'CreateJob', target: `job ${request.jobName}`, permission: 'braket:CreateJob' }
}

/** Turns a CreateJob failure into what happened and what to do about it. */
export function explainCreateJobError(error: unknown, request: CreateJobCommandInput): Error {
  const advice = createJobAdvice(errorName(error), request)
  return awsCallError(createJobCall(request), error, advice ? { advice } : {})
}

export async function createJob(braket: BraketClient, request: CreateJobCommandInput): Promise<string> {
  let response
  try {
    response = await braket.send(new CreateJobCommand(request))
  } catch (error) {
    throw explainCreateJobError(error, request)
  }
  if (!response.jobArn) throw new SubmissionError(`${describeCall(createJobCall(request))} returned no jobArn.`)
  return response.jobArn
}

export function getJobCall(jobArn: string): AwsCall {
  return { service: 'Braket', operation: 'GetJob', target: jobArn, permission: 'braket:GetJob' }
}

export async function describeJob(braket: BraketClient, jobArn: string): Promise<GetJobCommandOutput> {
  return awsCall(getJobCall(jobArn), () => braket.send(new GetJobCommand({ jobArn })))
}

export const ENDED_UNSUCCESSFULLY = new Set(['FAILED', 'CANCELLED'])
