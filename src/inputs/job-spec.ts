// Inputs → one validated, typed job spec. Every input is checked here, section by
// section, and every problem is reported at once, before anything is packaged,
// uploaded or created. Pure but for one look at the checkout (the path probe).
import type { EntryPoint } from '../archive/entry-point.js'
import { checkpointTagCount } from '../checkpoints/checkpoint-tags.js'
import { provenanceTags } from '../plan/create-job-request.js'
import type { RunIdentity } from '../plan/run-identity.js'
import type { RawInputs } from './action-inputs.js'
import { checkNotAttachOnly } from './attach-section.js'
import { checkCheckpointsOnRunner, readCheckpointSection, type CheckpointSection } from './checkpoint-section.js'
import { readCredentials, type CredentialSource } from './credentials-section.js'
import { readComparisonSection, type ComparisonSpec } from './comparison-section.js'
import { readMaxCost } from './cost-section.js'
import { readDevice } from './device-section.js'
import { readDistribution, type Distribution } from './distribution-section.js'
import { readExperiment } from './experiment-section.js'
import { readFollowSection, type FollowSpec } from './follow-section.js'
import { readHyperParameters } from './hyperparameters-section.js'
import { InputError, type InputProblem } from './input-error.js'
import { readInstanceSection, type InstanceSection } from './instance-section.js'
import { readJobSection, type JobSection } from './job-section.js'
import { parseBoolean, type Report } from './parse-input.js'
import { probePath, type PathProbe } from './path-probe.js'
import { readPreflightSection } from './preflight-section.js'
import { readRegion } from './region-section.js'
import { checkRunOnRunner, readRunnerSection, type RunnerSection } from './runner-section.js'
import { readSourceSection, type SourceSection } from './source-section.js'
import { readStorageSection, type StorageSection } from './storage-section.js'
import { readTags } from './tags-section.js'

export type { CredentialSource } from './credentials-section.js'
export type { InputChannel } from './storage-section.js'

export interface JobSpec
  extends Omit<SourceSection, 'entryModule'>, InstanceSection, JobSection, StorageSection, CheckpointSection, RunnerSection {
  /** The parsed entry point (always there once the inputs are valid). */
  entryModule: EntryPoint
  region: string
  credentials: CredentialSource
  device: string
  /** none, or data_parallel (whose two hyperparameters are in hyperParameters). */
  distribution: Distribution
  /** What the job gets: the workflow's hyperparameters and those the distribution adds. */
  hyperParameters: Record<string, string>
  /** Hyperparameters that do not bind to the entry function stop the step (else a warning). */
  hyperParametersMustBind: boolean
  tags: Record<string, string>
  dryRun: boolean
  /** The experiment this run belongs to, slugged: shared by push and pull-request runs of the same step. */
  experiment: string
  /** What this run is compared with, and how a regression is judged. */
  comparison: ComparisonSpec
  /** The most the job may cost by list prices (max-cost-usd); undefined: no cap. */
  maxCostUsd?: number
  /** What happens after the submission: wait, logs, results, PR comment. */
  follow: FollowSpec
}

export function buildJobSpec(raw: RawInputs, identity: RunIdentity, env: NodeJS.ProcessEnv, probe: PathProbe = probePath): JobSpec {
  const problems: InputProblem[] = []
  const report: Report = (problem) => problems.push(problem)

  // In action.yml's order, so the messages read in the order the inputs are documented.
  const region = readRegion(raw, env, report)
  const credentials = readCredentials(raw, identity, report)
  const job = readJobSection(raw, report)
  const device = readDevice(raw, region, report)
  const source = readSourceSection(raw, identity.workspace, probe, report)
  const instance = readInstanceSection(raw, region, report)
  const workflowHyperParameters = readHyperParameters(raw, report)
  const { distribution, addedHyperParameters } = readDistribution(raw, instance.instanceType, workflowHyperParameters, report)
  const hyperParameters = { ...workflowHyperParameters, ...addedHyperParameters }
  const preflight = readPreflightSection(raw, report)
  const storage = readStorageSection(raw, identity.workspace, probe, report)
  const checkpoints = readCheckpointSection(raw, report)
  const experiment = readExperiment(raw, identity, report)
  const ownTags = Object.keys(provenanceTags(identity, identity.runAttempt, experiment)).length + checkpointTagCount(checkpoints)
  const tags = readTags(raw, ownTags, report)
  const dryRun = parseBoolean('dry-run', raw['dry-run'], report)
  const runner = readRunnerSection(raw, report)
  checkRunOnRunner(runner, dryRun, storage.inputChannels, report)
  checkCheckpointsOnRunner(checkpoints, runner.runOnRunner, report)
  const follow = readFollowSection(raw, identity.workspace, report)
  checkNotAttachOnly(raw, report)
  const comparison = readComparisonSection(raw, follow.wait, report)
  const maxCostUsd = readMaxCost(raw, report)

  if (problems.length > 0) throw new InputError(problems)
  const { entryModule } = source
  if (!entryModule) throw new Error('entry-point passed its checks but was not parsed')
  return {
    region,
    credentials,
    device,
    ...source,
    entryModule,
    ...instance,
    ...job,
    distribution,
    hyperParameters,
    ...preflight,
    ...storage,
    ...checkpoints,
    tags,
    experiment,
    comparison,
    ...(maxCostUsd !== undefined ? { maxCostUsd } : {}),
    dryRun,
    ...runner,
    follow
  }
}
