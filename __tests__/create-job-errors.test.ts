import { describe, expect, it } from '@jest/globals'
import { braketFacts } from '../src/facts/aws-facts.js'
import { AwsCallError } from '../src/aws/aws-call.js'
import { explainCreateJobError } from '../src/aws/braket-submission.js'
import { isTransient } from '../src/aws/retry.js'

const request = {
  clientToken: 'tok-1',
  jobName: 'vqe-1',
  roleArn: 'arn:aws:iam::123456789012:role/exec',
  deviceConfig: { device: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1' }
} as never

function serviceError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })
}

describe('explainCreateJobError', () => {
  const advice: Record<string, RegExp> = {
    ValidationException: /: bad field.*Braket rejected the job request/,
    AccessDeniedException: /braket:CreateJob, and iam:PassRole on the execution role arn:aws:iam::123456789012:role\/exec/,
    ConflictException: /clientToken tok-1.*set idempotency-key/,
    DeviceOfflineException: /sv1 is offline.*availability/,
    DeviceRetiredException: /sv1 is retired.*another device/,
    ServiceQuotaExceededException: /quota.*Service Quotas/,
    ThrottlingException: /AWS throttled it through every retry.*same clientToken gives back the same job/,
    InternalServiceException: /server error every time: re-run the step.*instead of creating a second one.*Health Dashboard/
  }

  it('has advice for every error the API model lists for CreateJob', () => {
    expect(Object.keys(advice).sort()).toEqual([...braketFacts.operations.CreateJob!.errors].sort())
  })

  it.each(Object.entries(advice))('turns %s into what to do', (name, expected) => {
    const status = name === 'ThrottlingException' ? 429 : name === 'InternalServiceException' ? 500 : 400
    const explained = explainCreateJobError(serviceError(name, 'bad field', status), request)
    expect(explained).toBeInstanceOf(AwsCallError)
    expect(explained.message).toMatch(new RegExp(`^Braket CreateJob \\(job vqe-1\\) failed: ${name}: bad field\\. `))
    expect(explained.message).toMatch(expected)
  })
})

describe('isTransient', () => {
  it.each([
    ['throttling', serviceError('ThrottlingException', 'slow down', 429), true],
    ['STS throttling', serviceError('Throttling', 'Rate exceeded', 400), true],
    ['a server fault', serviceError('InternalFailure', 'oops', 500), true],
    ['a dropped connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['an identity provider hiccup', serviceError('IDPCommunicationError', 'try again', 400), true],
    ['access denied', serviceError('AccessDenied', 'no', 403), false],
    ['a rejected token', serviceError('InvalidIdentityToken', 'no', 400), false],
    ['not an error', 'text', false]
  ])('%s → %s', (_label, error, expected) => {
    expect(isTransient(error)).toBe(expected)
  })
})
