import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { AwsSession } from '../aws/aws-session.js'

/** Reads of the job's logs retry throttling and server faults, as the Braket and S3 clients do. */
export function logsClient(session: AwsSession): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ region: session.region, credentials: session.credentials, maxAttempts: 6, retryMode: 'standard', customUserAgent: 'braket-hybrid-job-action/1' })
}
