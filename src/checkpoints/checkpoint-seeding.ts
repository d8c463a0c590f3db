// The checkpoints a new job starts from: copy-checkpoints-from-job's job, or with
// resume the previous run attempt's job that FAILED or was CANCELLED. Copied into
// the new job's checkpoint location right before its CreateJob, so the container
// finds them in its checkpoint directory when it starts.
import * as core from '@actions/core'
import type { BraketClient } from '@aws-sdk/client-braket'
import type { S3Client } from '@aws-sdk/client-s3'
import { readJob } from '../attach/read-job.js'
import type { AwsSession } from '../aws/aws-session.js'
import { braketClient, s3Client } from '../aws/clients.js'
import type { Submission } from '../aws/submit-exactly-once.js'
import { ACTIVE_STATUSES } from '../follow/job-progress.js'
import { parseJobArn } from '../inputs/job-arn.js'
import type { JobSpec } from '../inputs/job-spec.js'
import type { JobPlan } from '../plan/job-plan.js'
import type { JobReport } from '../report/job-report.js'
import { S3_COPY_LIMITS } from './copy-object.js'
import { copyPrefix, type PrefixCopy } from './copy-prefix.js'
import { logSeeded, seededNote, type SourceJob } from './seeding-report.js'
import { parseS3Prefix, type S3Prefix } from './s3-prefix.js'

export interface Seeded {
  source: SourceJob
  destination: S3Prefix
  /** Undefined when the source job has no checkpoint location. */
  copy?: PrefixCopy
}

interface Clients {
  session: AwsSession
  braket: BraketClient
  s3: S3Client
}

export class CheckpointSeeding {
  private readonly seeded = new Map<string, Seeded>()

  private constructor(
    private readonly spec: Pick<JobSpec, 'resume' | 'kmsKeyId'>,
    private readonly clients: Clients,
    /** copy-checkpoints-from-job's job, read before anything is uploaded. */
    private readonly given?: SourceJob
  ) {}

  /** Undefined when the step seeds nothing. A copy-checkpoints-from-job that names no job fails here, before any upload. */
  static async prepare(spec: JobSpec, clients: Clients): Promise<CheckpointSeeding | undefined> {
    if (!spec.copyCheckpointsFromJob && !spec.resume) return undefined
    const seeding = new CheckpointSeeding(spec, clients)
    if (!spec.copyCheckpointsFromJob) return seeding
    return new CheckpointSeeding(spec, clients, await seeding.sourceJob(spec.copyCheckpointsFromJob, 'copy-checkpoints-from-job'))
  }

  /** For submitExactlyOnce: fills the checkpoint location of the job a CreateJob is about to create (or get back). */
  readonly beforeCreate = async (plan: JobPlan, passedOver: Submission['passedOver']): Promise<void> => {
    const previous = this.spec.resume && plan.attempt > 1 ? passedOver.find((job) => job.attempt === plan.attempt - 1) : undefined
    const source = previous ? await this.sourceJob(previous.jobArn, 'resume', previous.attempt) : this.given
    const destination = parseS3Prefix(plan.request.checkpointConfig?.s3Uri ?? '')
    if (!source || !destination) return
    const seeded: Seeded = { source, destination }
    if (source.checkpoints) seeded.copy = await copyPrefix(...this.ends(source, source.checkpoints, destination), this.limits())
    this.seeded.set(plan.clientToken, seeded)
    logSeeded(seeded)
  }

  /** A line under the report's headline (summary and PR comment): which job and checkpoint the submitted job started from. */
  addNote(report: JobReport, plan: JobPlan): void {
    const seeded = this.seeded.get(plan.clientToken)
    if (seeded) report.addNote('checkpoints', seededNote(seeded))
  }

  private async sourceJob(jobArn: string, why: SourceJob['why'], attempt?: number): Promise<SourceJob> {
    const parts = parseJobArn(jobArn)
    const region = parts?.region ?? this.clients.session.region
    const braket = region === this.clients.session.region ? this.clients.braket : braketClient(this.clients.session, region)
    const job = await readJob(braket, jobArn, region, why === 'resume' ? 'resume' : 'copy-checkpoints-from-job')
    const status = job.status ?? 'UNKNOWN'
    if (ACTIVE_STATUSES.has(status))
      core.warning(`Job ${job.jobName ?? jobArn} is still ${status}: its checkpoints may change while they are copied.`, {
        title: 'copy-checkpoints-from-job'
      })
    const checkpoints = parseS3Prefix(job.checkpointConfig?.s3Uri ?? '')
    return {
      jobArn,
      jobName: job.jobName ?? jobArn,
      status,
      region,
      owner: parts?.accountId ?? this.clients.session.accountId,
      why,
      ...(attempt !== undefined ? { attempt } : {}),
      ...(checkpoints ? { checkpoints } : {})
    }
  }

  private ends(source: SourceJob, from: S3Prefix, to: S3Prefix) {
    const { session, s3 } = this.clients
    const sourceS3 = source.region === session.region ? s3 : s3Client(session, source.region)
    return [
      { s3: sourceS3, location: from, owner: source.owner },
      { s3, location: to, owner: session.accountId }
    ] as const
  }

  private limits() {
    return this.spec.kmsKeyId ? { ...S3_COPY_LIMITS, kmsKeyId: this.spec.kmsKeyId } : S3_COPY_LIMITS
  }
}
