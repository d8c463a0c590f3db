// Assembles the Braket CreateJob request from the spec: a pure function of the
// inputs, the run and the archive's content, with no clock or randomness in it.
import type { CreateJobCommandInput } from '@aws-sdk/client-braket'
import { checkpointTags } from '../checkpoints/checkpoint-tags.js'
import type { JobSpec } from '../inputs/job-spec.js'
import { PROVENANCE_TAG_PREFIX } from '../inputs/tags-section.js'
import type { RunIdentity } from './run-identity.js'

export interface StagedSource {
  s3Uri: string
  compressionType: 'GZIP' | 'NONE'
}

export interface JobPlacement {
  bucket: string
  jobName: string
  clientToken: string
  source: StagedSource
  /** Channel name → S3 URI, for every input channel (local ones once uploaded). */
  channels: ReadonlyArray<{ channelName: string; s3Uri: string }>
  attempt: number
}

/** Where the job came from, as tags: found again by SearchJobs, read in the console and the bill. */
export function provenanceTags(identity: RunIdentity, attempt: number, experiment: string): Record<string, string> {
  const tags: Record<string, string> = {
    repository: identity.repository,
    experiment,
    workflow: identity.workflow,
    'run-id': identity.runId,
    'run-attempt': String(attempt),
    sha: identity.sha,
    ref: identity.ref,
    event: identity.eventName
  }
  return Object.fromEntries(
    Object.entries(tags)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => [`${PROVENANCE_TAG_PREFIX}${key}`, value])
  )
}

export function jobOutputS3Path(spec: JobSpec, bucket: string, jobName: string): string {
  return spec.outputS3Path ?? `s3://${bucket}/${spec.prefix ? `${spec.prefix}/` : ''}${jobName}/data`
}

export function jobCheckpointS3Uri(spec: JobSpec, bucket: string, jobName: string): string {
  return spec.checkpointS3Uri ?? `s3://${bucket}/${spec.prefix ? `${spec.prefix}/` : ''}${jobName}/checkpoints`
}

export function assembleCreateJobRequest(spec: JobSpec, identity: RunIdentity, placement: JobPlacement): CreateJobCommandInput {
  return {
    clientToken: placement.clientToken,
    jobName: placement.jobName,
    roleArn: spec.executionRoleArn,
    algorithmSpecification: {
      scriptModeConfig: { entryPoint: spec.entryPoint, s3Uri: placement.source.s3Uri, compressionType: placement.source.compressionType },
      containerImage: { uri: spec.imageUri }
    },
    ...(placement.channels.length > 0
      ? {
          inputDataConfig: placement.channels.map((channel) => ({
            channelName: channel.channelName,
            dataSource: { s3DataSource: { s3Uri: channel.s3Uri } }
          }))
        }
      : {}),
    outputDataConfig: {
      s3Path: jobOutputS3Path(spec, placement.bucket, placement.jobName),
      ...(spec.kmsKeyId ? { kmsKeyId: spec.kmsKeyId } : {})
    },
    checkpointConfig: {
      s3Uri: jobCheckpointS3Uri(spec, placement.bucket, placement.jobName),
      ...(spec.checkpointLocalPath ? { localPath: spec.checkpointLocalPath } : {})
    },
    stoppingCondition: { maxRuntimeInSeconds: spec.maxRuntimeInSeconds },
    instanceConfig: { instanceType: spec.instanceType as never, instanceCount: spec.instanceCount, volumeSizeInGb: spec.volumeSizeInGb },
    ...(Object.keys(spec.hyperParameters).length > 0 ? { hyperParameters: spec.hyperParameters } : {}),
    deviceConfig: { device: spec.device },
    tags: { ...spec.tags, ...provenanceTags(identity, placement.attempt, spec.experiment), ...checkpointTags(spec, placement.attempt) },
    ...(spec.reservationArn ? { associations: [{ arn: spec.reservationArn, type: 'RESERVATION_TIME_WINDOW_ARN' }] } : {})
  }
}
