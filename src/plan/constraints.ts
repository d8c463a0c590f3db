// The API limits inputs are checked against, looked up in the generated model facts.
import { braketFacts, stsFacts } from '../facts/aws-facts.js'
import type { ServiceFacts } from '../facts/model-types.js'
import { memberShapeName } from '../facts/validate-shape.js'

export interface Constraint {
  facts: ServiceFacts
  shape: string
}

const braket = (...path: string[]): Constraint => ({ facts: braketFacts, shape: memberShapeName(braketFacts, 'CreateJobRequest', path) })
const sts = (...path: string[]): Constraint => ({
  facts: stsFacts,
  shape: memberShapeName(stsFacts, 'AssumeRoleWithWebIdentityRequest', path)
})

export const CONSTRAINTS = {
  jobName: braket('jobName'),
  roleArn: braket('roleArn'),
  clientToken: braket('clientToken'),
  device: braket('deviceConfig', 'device'),
  entryPoint: braket('algorithmSpecification', 'scriptModeConfig', 'entryPoint'),
  imageUri: braket('algorithmSpecification', 'containerImage', 'uri'),
  s3Path: braket('outputDataConfig', 's3Path'),
  kmsKeyId: braket('outputDataConfig', 'kmsKeyId'),
  checkpointLocalPath: braket('checkpointConfig', 'localPath'),
  instanceType: braket('instanceConfig', 'instanceType'),
  instanceCount: braket('instanceConfig', 'instanceCount'),
  volumeSizeInGb: braket('instanceConfig', 'volumeSizeInGb'),
  maxRuntimeInSeconds: braket('stoppingCondition', 'maxRuntimeInSeconds'),
  hyperParameters: braket('hyperParameters'),
  hyperParameterName: braket('hyperParameters', '{key}'),
  hyperParameterValue: braket('hyperParameters', '{value}'),
  inputChannels: braket('inputDataConfig'),
  channelName: braket('inputDataConfig', '[]', 'channelName'),
  associations: braket('associations'),
  associationArn: braket('associations', '[]', 'arn'),
  tags: braket('tags'),
  assumedRoleArn: sts('RoleArn'),
  roleSessionName: sts('RoleSessionName'),
  roleDurationSeconds: sts('DurationSeconds')
} as const satisfies Record<string, Constraint>
