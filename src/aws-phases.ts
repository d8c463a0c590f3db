// What main.ts runs once a run talks to AWS (phases 3 to 6), gathered in one
// module so that main.ts loads it, and with it the AWS SDK and Octokit, only
// when a run gets there. A dry run, a bad input or a run on the runner loads
// 1.8 of the bundle's 4.2 MB, most of it @actions/core and its HTTP client:
// measured on Node 24, the example's dry run went from 0.52 s and 104 MiB to
// 0.36 s and 71 MiB (loading @actions/core alone takes 0.2 s).
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
export { stageFile, stageSource } from './upload/stage-object.js'
