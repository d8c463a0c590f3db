import * as core from '@actions/core'
import { jsonForLog, preText } from '../common/untrusted.js'
import type { JobPlan } from '../plan/job-plan.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { logHeading, logRow } from './log-layout.js'
import { logPlan, setOutputs } from './submission-report.js'

/** Dry run: the request that would be sent, with the account shown as a placeholder. No AWS call, so no rates either: it says so. */
export async function printDryRun(spec: JobSpec, plan: JobPlan): Promise<void> {
  logHeading('Cost')
  logRow('estimate', 'needs credentials to read the AWS Price List (pricing:GetProducts); a dry run calls nothing')
  logPlan(spec, plan)
  const json = JSON.stringify(plan.request, null, 2)
  core.startGroup('CreateJob request (dry run: nothing was uploaded or created)')
  core.info(jsonForLog(json))
  core.endGroup()
  setOutputs({
    'job-name': plan.jobName,
    'client-token': plan.clientToken,
    'source-s3-uri': plan.sourceS3Uri,
    'output-s3-path': plan.outputS3Path,
    status: 'DRY_RUN'
  })
  core.notice(`Dry run: the job request for ${plan.jobName} is valid. Nothing was uploaded and no job was created.`, {
    title: 'Amazon Braket hybrid job (dry run)'
  })
  await core.summary
    .addHeading('Amazon Braket hybrid job — dry run', 2)
    .addRaw(
      'The request below is valid; nothing was uploaded and no job was created. <code>{account-id}</code> stands for the account of the ' +
        'credentials a real run uses.',
      true
    )
    // <pre>, escaped: a hyperparameter's value cannot close a code fence or open a tag.
    .addDetails('CreateJob request', `\n\n${preText(json)}\n\n`)
    .write()
}
