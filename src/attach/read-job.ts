// GetJob for a job this step did not submit (job-arn, copy-checkpoints-from-job),
// with each way it can fail said in words: which input, what is wrong, what to do.
import { GetJobCommand, type BraketClient, type GetJobCommandOutput } from '@aws-sdk/client-braket'
import { awsCallError, callFailure, describeCall, describeFailure, type AwsCall } from '../aws/aws-call.js'
import { ActionError, errorName } from '../common/errors.js'
import type { InputName } from '../inputs/action-inputs.js'

export class JobLookupError extends ActionError {}

export type KnownJob = GetJobCommandOutput & { jobArn: string }

export async function readJob(braket: BraketClient, jobArn: string, region: string, input: InputName): Promise<KnownJob> {
  const call: AwsCall = { service: 'Braket', operation: 'GetJob', target: jobArn, permission: 'braket:GetJob' }
  try {
    const job = await braket.send(new GetJobCommand({ jobArn }))
    return { ...job, jobArn: job.jobArn ?? jobArn }
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException' || errorName(error) === 'ValidationException') {
      throw new JobLookupError(
        `Input "${input}": there is no hybrid job ${jobArn} in ${region} (${describeCall(call)} ` +
          `${describeFailure(callFailure(error))}). Check the ARN: pass it from the step that submitted the job (its job-arn output), ` +
          `and use credentials of the account that owns it.`
      )
    }
    const denied = callFailure(error).kind === 'denied'
    throw awsCallError(
      call,
      error,
      denied
        ? { advice: 'Allow braket:GetJob on the job in the policy of the role the step uses; a job of another account cannot be read.' }
        : {}
    )
  }
}
