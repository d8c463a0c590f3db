// Everything that will be created, decided before anything is: object keys,
// job name, client token and the CreateJob request.
import type { CreateJobCommandInput } from '@aws-sdk/client-braket'
import { braketFacts } from '../facts/aws-facts.js'
import { validateShape } from '../facts/validate-shape.js'
import { assembleCreateJobRequest, jobOutputS3Path, type StagedSource } from './create-job-request.js'
import { deriveJobIdentity, JOB_NAME_PLACEHOLDER } from './job-identity.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { RunIdentity } from './run-identity.js'

export interface SourceArchive {
  sha256: string
  fileName: string
  compressionType: 'GZIP' | 'NONE'
}

export interface JobPlan {
  request: CreateJobCommandInput
  jobName: string
  clientToken: string
  attempt: number
  bucket: string
  sourceKey: string
  sourceS3Uri: string
  outputS3Path: string
}

export function defaultBucket(region: string, accountId: string): string {
  return `amazon-braket-${region}-${accountId}`
}

/** Content-addressed: the same archive always lands at the same key, so it is uploaded once. */
export function sourceKey(prefix: string, archive: SourceArchive): string {
  return `${prefix ? `${prefix}/` : ''}sources/${archive.sha256}/${archive.fileName}`
}

export function planJob(
  spec: JobSpec,
  identity: RunIdentity,
  archive: SourceArchive,
  channels: ReadonlyArray<{ channelName: string; s3Uri: string }>,
  accountId: string,
  attempt: number
): JobPlan {
  const bucket = spec.bucket ?? defaultBucket(spec.region, accountId)
  const key = sourceKey(spec.prefix, archive)
  const source: StagedSource = { s3Uri: `s3://${bucket}/${key}`, compressionType: archive.compressionType }
  const draft = assembleCreateJobRequest(spec, identity, {
    bucket,
    source,
    channels,
    attempt,
    jobName: spec.jobName ?? JOB_NAME_PLACEHOLDER,
    clientToken: ''
  })
  delete draft.clientToken
  const { clientToken, jobName } = deriveJobIdentity(spec, { identity, idempotencyKey: spec.idempotencyKey, attempt, draftRequest: draft })
  const request = assembleCreateJobRequest(spec, identity, { bucket, source, channels, attempt, jobName, clientToken })
  const problems = validateShape(braketFacts, 'CreateJobRequest', request)
  if (problems.length > 0) {
    // Inputs were validated one by one; a problem here is a defect in the assembly.
    throw new Error(
      `The assembled CreateJob request breaks the Braket API's limits: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`
    )
  }
  return {
    request,
    jobName,
    clientToken,
    attempt,
    bucket,
    sourceKey: key,
    sourceS3Uri: source.s3Uri,
    outputS3Path: jobOutputS3Path(spec, bucket, jobName)
  }
}
