// Who the job runs as and what it is called: execution role, job name, client
// token, idempotency key and reservation.
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, checkConstraint, type Constraint } from './constraints.js'
import type { Report } from './parse-input.js'

export interface JobSection {
  executionRoleArn: string
  jobName?: string
  clientToken?: string
  idempotencyKey: string
  reservationArn?: string
}

export function readJobSection(raw: RawInputs, report: Report): JobSection {
  const executionRoleArn = raw['execution-role-arn']
  if (executionRoleArn === '') {
    report({
      input: 'execution-role-arn',
      message:
        'is required: give the IAM role Braket runs the job as, such as ' +
        'arn:aws:iam::123456789012:role/service-role/AmazonBraketJobsExecutionRole.'
    })
  } else checkConstraint('execution-role-arn', executionRoleArn, CONSTRAINTS.roleArn, report)
  const optional = (input: 'job-name' | 'client-token' | 'reservation-arn', constraint: Constraint) => {
    const value = raw[input]
    if (value === '') return undefined
    checkConstraint(input, value, constraint, report)
    return value
  }
  const jobName = optional('job-name', CONSTRAINTS.jobName)
  const clientToken = optional('client-token', CONSTRAINTS.clientToken)
  const reservationArn = optional('reservation-arn', CONSTRAINTS.associationArn)
  return {
    executionRoleArn,
    ...(jobName ? { jobName } : {}),
    ...(clientToken ? { clientToken } : {}),
    idempotencyKey: raw['idempotency-key'],
    ...(reservationArn ? { reservationArn } : {})
  }
}
