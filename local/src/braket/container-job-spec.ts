// What the job container needs from a CreateJob request, read defensively:
// the Braket service has validated it, but the runner is callable on its own.
import type { ContainerJob } from '../../../src/runner/container-environment.js'

export interface InputChannel {
  channelName: string
  s3Uri: string
}

export interface ContainerJobSpec extends ContainerJob {
  roleArn: string
  scriptS3Uri: string
  outputS3Path: string
  checkpointS3Uri?: string
  channels: InputChannel[]
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export type JobSpecResult = { ok: true; spec: ContainerJobSpec } | { ok: false; reason: string }

export function readJobSpec(request: Record<string, unknown>, jobName: string): JobSpecResult {
  const algorithm = record(request.algorithmSpecification)
  if (algorithm.containerImage !== undefined && algorithm.scriptModeConfig === undefined) {
    return {
      ok: false,
      reason: 'The local stand-in runs script-mode jobs only (algorithmSpecification.scriptModeConfig), not container images.'
    }
  }
  const script = record(algorithm.scriptModeConfig)
  const scriptS3Uri = text(script.s3Uri)
  const entryPoint = text(script.entryPoint)
  if (!scriptS3Uri) return { ok: false, reason: 'No customer script specified' }
  if (!entryPoint) return { ok: false, reason: 'No customer entry point specified' }
  const outputS3Path = text(record(request.outputDataConfig).s3Path)
  if (!outputS3Path) return { ok: false, reason: 'No outputDataConfig.s3Path specified' }

  const hyperParameters: Record<string, string> = {}
  for (const [name, value] of Object.entries(record(request.hyperParameters))) if (typeof value === 'string') hyperParameters[name] = value

  const channels: InputChannel[] = []
  if (Array.isArray(request.inputDataConfig)) {
    for (const item of request.inputDataConfig) {
      const channelName = text(record(item).channelName)
      const s3Uri = text(record(record(record(item).dataSource).s3DataSource).s3Uri)
      if (channelName && s3Uri) channels.push({ channelName, s3Uri })
    }
  }

  return {
    ok: true,
    spec: {
      jobName,
      roleArn: text(request.roleArn) ?? '',
      scriptS3Uri,
      entryPoint,
      compressionType: text(script.compressionType),
      outputS3Path: outputS3Path.replace(/\/+$/, ''),
      checkpointS3Uri: text(record(request.checkpointConfig).s3Uri),
      deviceArn: text(record(request.deviceConfig).device) ?? '',
      hyperParameters,
      channels
    }
  }
}
