// The action, start to end: validate → digest the source → pre-flight → credentials → upload if new → submit → report → follow
// (or, with run-on-runner, the job run here instead of in AWS; for a job submitted elsewhere: validate → follow).
import * as core from '@actions/core'
import { digestSource } from './archive/package-source.js'
import { warnIfRunnerStopsFirst } from './attach/runner-limits.js'
import { resolveInputChannels } from './aws/input-channels.js'
import { readInputs } from './inputs/action-inputs.js'
import { attachRequested } from './inputs/attach-section.js'
import { preflightAlgorithm } from './preflight/preflight.js'
import { defaultBucket, planJob } from './plan/job-plan.js'
import { buildJobSpec } from './inputs/job-spec.js'
import { readRunIdentity } from './plan/run-identity.js'
import { printDryRun } from './report/dry-run-report.js'
import { reportFailure } from './report/failure-report.js'
import { writeStepSummary } from './report/step-summary.js'
import {
  announceJob,
  logPackaging,
  logPlan,
  logStaged,
  setOutputs,
  submissionOutputs,
  submissionReport
} from './report/submission-report.js'

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    // 1. Everything is validated before anything is packaged, uploaded or created.
    const identity = readRunIdentity(env)
    const inputs = readInputs()
    // A job submitted elsewhere (job-arn, attach: latest) is followed, not submitted.
    if (attachRequested(inputs)) return await (await import('./attach/attach-and-follow.js')).attachAndFollow(inputs, identity, env)
    const spec = buildJobSpec(inputs, identity, env)
    warnIfRunnerStopsFirst(spec.follow, env)

    // 2. The source's content address, a digest of the tree: same files, same S3 key. Nothing is compressed yet.
    const { sourcePath: sourceDir, entryModule: entryPoint, compression, excludeRules: exclude } = spec
    const source = await digestSource({ sourceDir, entryPoint, compression, exclude })
    logPackaging(spec, source)
    // The algorithm read as the container will run it (entry point, hyperparameters, requirements): still nothing spent.
    await preflightAlgorithm(spec, source, env)

    if (spec.dryRun) {
      const channels = await resolveInputChannels(spec, spec.bucket ?? defaultBucket(spec.region, '{account-id}'), undefined)
      return printDryRun(spec, planJob(spec, identity, source, channels, '{account-id}', 1))
    }
    // Fork pull requests get no credentials: the job runs on the runner as the container would, and is reported the same way.
    if (spec.runOnRunner) return await (await import('./runner/run-on-runner.js')).runOnRunner({ spec, identity, source, env })

    // 3. Credentials: the workflow's OIDC token for the role, or what the environment has. Code that talks to AWS loads only now.
    const { openAwsSession, braketClient, s3Client, checkDevice, CheckpointSeeding, estimateCost } = await import('./aws-phases.js')
    const session = await openAwsSession(spec.credentials, spec.region, { getIdToken: (audience) => core.getIDToken(audience), env })
    const braket = braketClient(session)
    const s3 = s3Client(session)
    const device = await checkDevice(braket, spec.device, spec.region)
    // copy-checkpoints-from-job's job must exist before anything is uploaded; resume looks at the passed-over jobs later.
    const seeding = await CheckpointSeeding.prepare(spec, { session, braket, s3 })
    // What the job may cost, before anything is spent: max-cost-usd refuses here when it cannot be kept.
    const cost = await estimateCost(spec, session)

    // 4. Upload, content-addressed, into a bucket of this account only: compressed, straight into S3, only when the key is new.
    const staging = {
      bucket: spec.bucket ?? defaultBucket(spec.region, session.accountId),
      accountId: session.accountId,
      region: spec.region,
      kmsKeyId: spec.kmsKeyId,
      createIfMissing: !spec.bucket
    }
    const { ensureBucket, stageFile, stageSource } = await import('./aws-phases.js')
    await ensureBucket(s3, staging)
    const channels = await resolveInputChannels(spec, staging.bucket, (key, path) =>
      stageFile(s3, staging, key, path, 'application/octet-stream')
    )
    const planFor = (attempt: number) => planJob(spec, identity, source, channels, session.accountId, attempt)
    const { sourceKey, sourceS3Uri } = planFor(1)
    logStaged(sourceS3Uri, await stageSource(s3, staging, sourceKey, source))
    logPlan(spec, planFor(identity.runAttempt), device)

    // 5. CreateJob exactly once for this run and step (the checkpoints it starts from copied in right before).
    const { submitExactlyOnce, rememberJobForPost, currentRun, beginExperiment, warnStatusUnread } = await import('./aws-phases.js')
    const submission = await submitExactlyOnce(
      braket,
      planFor,
      identity.runAttempt,
      spec.clientToken !== undefined,
      (jobArn) => {
        core.setOutput('job-arn', jobArn)
        rememberJobForPost(jobArn, spec.follow)
      },
      seeding?.beforeCreate
    )
    const outputs = submissionOutputs(spec.region, submission)
    setOutputs(outputs)
    announceJob(outputs, submission.status !== 'QUEUED' && submission.statusError === undefined)
    // The summary: the whole story when the step does not follow the job; rewritten once following has completed it.
    const report = submissionReport(spec, source, outputs, currentRun(identity, env), Date.now(), device)
    seeding?.addNote(report, submission.plan)
    // The run as an experiment: its record and cost estimate now; its spend, tasks and comparison while following.
    const observers = await beginExperiment({ spec, identity, env, session, s3, braket, bucket: staging, cost, report }, outputs)
    await writeStepSummary(report)
    warnStatusUnread(submission, spec.follow.wait)

    // 6. Optionally, the job to its end: status, logs, metrics, results, PR comment; the step fails when the job does.
    const { followIfAsked, submittedTarget } = await import('./aws-phases.js')
    await followIfAsked(submittedTarget(spec, outputs, device), spec, { identity, report, session, braket, s3, env, observers })
  } catch (error) {
    reportFailure(error)
  }
}
