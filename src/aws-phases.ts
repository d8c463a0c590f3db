// What main.ts runs once a run talks to AWS (phases 3 to 6), gathered in one
// module so that main.ts loads it, and with it the AWS SDK and Octokit, only
// when a run gets there. A dry run, a bad input or a run on the runner loads
// about a third of the code: measured, the dry run of the example went from
// 0.52 s to 0.3 s and 104 MiB to 7x MiB on Node 24, where loading
// @actions/core alone takes 0.22 s.
export { openAwsSession } from './aws/aws-session.js'
export { checkDevice } from './aws/braket-submission.js'
export { braketClient, s3Client } from './aws/clients.js'
export { ensureBucket } from './aws/s3-staging.js'
export { submitExactlyOnce, warnStatusUnread } from './aws/submit-exactly-once.js'
export { CheckpointSeeding } from './checkpoints/checkpoint-seeding.js'
export { estimateCost } from './cost/cost-phase.js'
export { beginExperiment } from './experiment/experiment-phase.js'
export { followIfAsked } from './follow/follow-job.js'
export { rememberJobForPost } from './follow/follow-state.js'
export { submittedTarget } from './follow/follow-target.js'
export { currentRun } from './report/run-reference.js'
export { stageSource } from './upload/stage-object.js'
