// The post step (runs: post, post-if: always()): belt and braces for the signal
// handler. When the main step was following a job and did not get to settle its
// fate (the runner killed it, or it failed while waiting), a job still QUEUED or
// RUNNING is cancelled here, so no paid job outlives its workflow run by accident.
// A job the main step left running on purpose (wait: false, cancel-on-timeout:
// false, cancel-on-workflow-cancel: false) is never touched.
import * as core from '@actions/core'
import { openAwsSession } from '../aws/aws-session.js'
import { braketClient } from '../aws/clients.js'
import { readInputs } from '../inputs/action-inputs.js'
import { attachRequested } from '../inputs/attach-section.js'
import { buildAttachSpec } from '../inputs/attach-spec.js'
import { buildJobSpec } from '../inputs/job-spec.js'
import { readRunIdentity } from '../plan/run-identity.js'
import { jobConsoleUrl } from '../report/console-url.js'
import { JOB_ARN_STATE, postMustCancel, wasFollowed } from './follow-state.js'
import { JobCanceller } from './job-canceller.js'
import { ACTIVE_STATUSES } from './job-progress.js'
import { getJob } from './watch-job.js'
import { errorMessage } from '../common/errors.js'
import { logText } from '../common/untrusted.js'
import { awsCall } from '../aws/aws-call.js'
import { getJobCall } from '../aws/braket-submission.js'

export async function runPost(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const jobArn = core.getState(JOB_ARN_STATE)
  if (!jobArn || !postMustCancel()) {
    if (!jobArn) core.info('Nothing to clean up: no job was created.')
    else if (!wasFollowed()) core.info(`Nothing to clean up: the main step did not wait for ${jobArn} (wait: false); it runs on by design.`)
    else core.info(`Nothing to clean up: the main step settled ${jobArn} itself.`)
    return
  }
  const region = jobArn.split(':')[3] || undefined
  try {
    const raw = readInputs()
    const identity = readRunIdentity(env)
    const spec = attachRequested(raw) ? buildAttachSpec(raw, identity, env) : buildJobSpec(raw, identity, env)
    const session = await openAwsSession(spec.credentials, region ?? spec.region, {
      getIdToken: (audience) => core.getIDToken(audience),
      env
    })
    const braket = braketClient(session)
    try {
      const status = (await awsCall(getJobCall(jobArn), () => getJob(braket, jobArn))).status ?? 'UNKNOWN'
      if (!ACTIVE_STATUSES.has(status)) {
        core.info(`${jobArn} is ${logText(status)}: nothing to cancel.`)
        return
      }
      const attempt = await new JobCanceller(braket, jobArn).cancel(
        'workflow-cancel',
        `The main step stopped while following the job (workflow run cancelled, or the step failed) and the job is still ${status}`
      )
      if (attempt.cancellationStatus)
        core.warning(`Cancelled ${jobArn} (it was ${status}), as the main step could not see it to its end.`, {
          title: 'Amazon Braket hybrid job'
        })
      else if (!attempt.error?.startsWith('ConflictException'))
        core.setFailed(
          `Could not cancel ${jobArn}: ${attempt.error}. It may still be running: ${jobConsoleUrl(region ?? spec.region, jobArn)}`
        )
    } finally {
      braket.destroy()
    }
  } catch (error) {
    core.setFailed(
      `Could not check whether ${jobArn} still runs: ${errorMessage(error)}. It may still be running: ` +
        `${jobConsoleUrl(region ?? 'us-east-1', jobArn)}`
    )
  }
}
