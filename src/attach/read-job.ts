// GetJob for a job this step did not submit (job-arn, copy-checkpoints-from-job),
// with each way it can fail said in words: which input, what is wrong, what to do.
import { GetJobCommand, type BraketClient, type GetJobCommandOutput } from '@aws-sdk/client-braket'
import { ActionError, describeError, errorName } from '../common/errors.js'
import type { InputName } from '../inputs/action-inputs.js'

export class JobLookupError extends ActionError {}

export type KnownJob = GetJobCommandOutput & { jobArn: string }

export async function readJob(braket: BraketClient, jobArn: string, region: string, input: InputName): Promise<KnownJob> {
  try {
    const job = await braket.send(new GetJobCommand({ jobArn }))
    return { ...job, jobArn: job.jobArn ?? jobArn }
  } catch (error) {
    switch (errorName(error)) {
      case 'ResourceNotFoundException':
        throw new JobLookupError(
          `Input "${input}": there is no hybrid job ${jobArn} in ${region} (${describeError(error)}). Check the ARN: pass it from the ` +
            `step that submitted the job (its job-arn output), and use credentials of the account that owns it.`
        )
      case 'AccessDeniedException':
        throw new JobLookupError(
          `Input "${input}": the credentials may not read ${jobArn} (${describeError(error)}). Allow braket:GetJob on it; a job of ` +
            `another account cannot be read.`
        )
      case 'ValidationException':
        throw new JobLookupError(`Input "${input}": Braket does not take ${jobArn} as a job ARN (${describeError(error)}).`)
      default:
        throw new JobLookupError(
          `GetJob on ${jobArn} (input "${input}") failed: ${describeError(error)}. Nothing was created; re-run the step, or check the ` +
            `AWS Health Dashboard when it keeps failing.`
        )
    }
  }
}
