// A hybrid job created straight in the stand-in (its source object too), for tests of what the action does
// with a job it did not just submit: following it, cleaning up after it.
import { BraketClient, CreateJobCommand } from '@aws-sdk/client-braket'
import { STATIC_CREDENTIALS, type StandIn } from '../../local/src/stand-in.js'
import type { JobScript } from '../../local/src/braket/jobs.js'
import { SV1 } from './braket-devices.js'

let jobCounter = 0

/** Creates a job under the stand-in's static credentials, following `script` (default: QUEUED for ten minutes). */
export async function createStandInJob(
  standIn: StandIn,
  script: JobScript = { queuedMs: 10 * 60_000, cancelMs: 0 }
): Promise<{ jobArn: string; jobName: string; bucket: string }> {
  jobCounter += 1
  const { accountId, accessKeyId, secretAccessKey } = STATIC_CREDENTIALS
  const region = standIn.state.options.region
  const bucket = `amazon-braket-${region}-${accountId}`
  const jobName = `stand-in-job-${process.pid}-${jobCounter}`
  if (!standIn.objects.bucket(bucket)) standIn.objects.createBucket(bucket, accountId, region)
  await standIn.objects.write(bucket, 'jobs/source.tar.gz', Buffer.from('source'))
  standIn.jobs.script(script)
  const braket = new BraketClient({ region, endpoint: standIn.endpoints.braket, credentials: { accessKeyId, secretAccessKey } })
  try {
    const { jobArn } = await braket.send(
      new CreateJobCommand({
        clientToken: jobName,
        jobName,
        roleArn: `arn:aws:iam::${accountId}:role/service-role/AmazonBraketJobsExecutionRole`,
        algorithmSpecification: { scriptModeConfig: { entryPoint: 'vqe.main:run', s3Uri: `s3://${bucket}/jobs/source.tar.gz` } },
        outputDataConfig: { s3Path: `s3://${bucket}/jobs/${jobName}/data` },
        instanceConfig: { instanceType: 'ml.m5.large', volumeSizeInGb: 30, instanceCount: 1 },
        deviceConfig: { device: SV1 }
      })
    )
    return { jobArn: jobArn!, jobName, bucket }
  } finally {
    braket.destroy()
  }
}
