// A job submitted elsewhere (job-arn, or attach: latest), followed exactly as the
// action follows its own: nothing is packaged, uploaded or created.
import * as core from '@actions/core'
import { openAwsSession } from '../aws/aws-session.js'
import { braketClient, s3Client } from '../aws/clients.js'
import { followIfAsked } from '../follow/follow-job.js'
import { rememberJobForPost } from '../follow/follow-state.js'
import { attachedTarget } from '../follow/follow-target.js'
import type { RawInputs } from '../inputs/action-inputs.js'
import { buildAttachSpec } from '../inputs/attach-spec.js'
import type { RunIdentity } from '../plan/run-identity.js'
import { currentRun } from '../report/run-reference.js'
import { writeStepSummary } from '../report/step-summary.js'
import { attachedSpend } from './attached-spend.js'
import { attachedReport, logAttached, setAttachedOutputs } from './attach-report.js'
import { findLatestJob } from './latest-job.js'
import { readJob } from './read-job.js'
import { warnIfRunnerStopsFirst } from './runner-limits.js'

export async function attachAndFollow(raw: RawInputs, identity: RunIdentity, env: NodeJS.ProcessEnv): Promise<void> {
  // 1. The inputs, all checked before any AWS call; the job's region from its ARN.
  const spec = buildAttachSpec(raw, identity, env)
  warnIfRunnerStopsFirst(spec.follow, env, true)

  // 2. The job: the one named, or the experiment's newest.
  const session = await openAwsSession(spec.credentials, spec.region, { getIdToken: (audience) => core.getIDToken(audience), env })
  const braket = braketClient(session)
  const query = { repository: identity.repository, experiment: spec.experiment, region: spec.region }
  const jobArn = spec.jobArn ?? (await findLatestJob(braket, query, Date.now()))
  const job = await readJob(braket, jobArn, spec.region, spec.jobArn ? 'job-arn' : 'attach')
  const target = attachedTarget(job, spec.region, spec.logsSince)
  // Cancelled by the post step only when this step was asked to cancel it (cancel-on-workflow-cancel: true).
  rememberJobForPost(target.jobArn, spec.follow)
  setAttachedOutputs(job, target)
  logAttached(job, target, identity)
  const report = attachedReport(job, target, identity, currentRun(identity, env), spec.follow.wait, Date.now())
  await writeStepSummary(report)

  // 3. Followed to its end as a submitted job is: logs, metrics, cost and quantum tasks, results, PR comment, the step's outcome.
  const observers = spec.follow.wait ? await attachedSpend(job, spec.region, true, { session, env, report }) : []
  await followIfAsked(target, spec, { identity, report, session, braket, s3: s3Client(session), env, observers })
}
