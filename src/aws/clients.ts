import { BraketClient } from '@aws-sdk/client-braket'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { PricingClient } from '@aws-sdk/client-pricing'
import { S3Client } from '@aws-sdk/client-s3'
import type { AwsSession } from './aws-session.js'

const USER_AGENT = 'braket-hybrid-job-action/1'

/** Braket calls retry throttling and server faults (standard mode); CreateJob is safe to retry: its clientToken makes it idempotent. */
export function braketClient(session: AwsSession): BraketClient {
  return new BraketClient({
    region: session.region,
    credentials: session.credentials,
    maxAttempts: 6,
    retryMode: 'standard',
    customUserAgent: USER_AGENT
  })
}

export function s3Client(session: AwsSession): S3Client {
  return new S3Client({
    region: session.region,
    credentials: session.credentials,
    maxAttempts: 6,
    retryMode: 'standard',
    customUserAgent: USER_AGENT
  })
}

/** Reads of the job's logs retry throttling and server faults, as the Braket and S3 clients do. */
export function logsClient(session: AwsSession): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    region: session.region,
    credentials: session.credentials,
    maxAttempts: 6,
    retryMode: 'standard',
    customUserAgent: USER_AGENT
  })
}

/**
 * The Price List Query API has endpoints in us-east-1 and a few other regions only, unrelated to
 * where the job runs: its own region, not the session's. AWS_ENDPOINT_URL_PRICING still redirects it.
 */
export const PRICING_ENDPOINT_REGION = 'us-east-1'

export function pricingClient(session: Pick<AwsSession, 'credentials'>, endpointRegion = PRICING_ENDPOINT_REGION): PricingClient {
  return new PricingClient({
    region: endpointRegion,
    credentials: session.credentials,
    maxAttempts: 6,
    retryMode: 'standard',
    customUserAgent: USER_AGENT
  })
}
