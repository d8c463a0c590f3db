// run-on-runner and local-device: the job run on the runner itself, as the job
// container would run it, with no credentials and no AWS call (fork pull requests).
import type { RawInputs } from './action-inputs.js'
import { LOCAL_DEVICE } from './device-section.js'
import { parseBoolean, shownValue, type Report } from './parse-input.js'
import type { InputChannel } from './storage-section.js'

export interface RunnerSection {
  runOnRunner: boolean
  /** The simulator that replaces a device that is not local:… when the job runs on the runner. */
  localDevice: string
}

export const DEFAULT_LOCAL_DEVICE = 'local:braket/braket.local.qubit'

export function readRunnerSection(raw: RawInputs, report: Report): RunnerSection {
  const runOnRunner = parseBoolean('run-on-runner', raw['run-on-runner'], report)
  const localDevice = raw['local-device'] || DEFAULT_LOCAL_DEVICE
  if (!LOCAL_DEVICE.test(localDevice))
    report({
      input: 'local-device',
      message:
        `${shownValue(localDevice)} is not allowed: give a simulator the job's code runs itself, local:<provider>/<name>, such as ` +
        `${DEFAULT_LOCAL_DEVICE}.`
    })
  return { runOnRunner, localDevice }
}

/** What run-on-runner cannot do: it calls no AWS API, so it cannot read S3 or only validate. */
export function checkRunOnRunner(runner: RunnerSection, dryRun: boolean, channels: readonly InputChannel[], report: Report): void {
  if (!runner.runOnRunner) return
  if (dryRun)
    report({
      input: 'run-on-runner',
      message: 'is true, and so is dry-run: choose one (dry-run only validates; run-on-runner runs the job here).'
    })
  for (const channel of channels)
    if (channel.s3Uri !== undefined)
      report({
        input: 'input-data',
        message:
          `channel ${shownValue(channel.channelName)} is ${shownValue(channel.s3Uri)}, but run-on-runner calls no AWS API, so it cannot ` +
          `read S3: give a path in the repository for this channel when the job runs on the runner.`
      })
}
