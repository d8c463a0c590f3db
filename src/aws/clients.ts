import { BraketClient } from '@aws-sdk/client-braket'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { PricingClient } from '@aws-sdk/client-pricing'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import type { MiddlewareStack } from '@smithy/types'
import type { AwsSession } from './aws-session.js'
import { nameFailedCalls } from './aws-call.js'
import { traceCalls } from './call-trace.js'

const USER_AGENT = 'braket-hybrid-job-action/1'

/**
 * Every client retries throttling, server faults and dropped connections in the SDK's
 * standard mode: exponential back-off with full jitter (each delay drawn at random
 * below the bound), so the legs of a matrix that hit the same fault spread out
 * instead of retrying in lock-step. Six attempts ride out a blip of tens of seconds.
 */
const RETRIES = { maxAttempts: 6, retryMode: 'standard' } as const

/** Failed calls named in their errors; every call traced in the debug log. */
function instrument<Input extends object, Output extends object>(stack: MiddlewareStack<Input, Output>, service: string): void {
  stack.use(nameFailedCalls())
  stack.use(traceCalls(service))
}

/** Braket calls are safe to retry: CreateJob's clientToken makes it idempotent. */
export function braketClient(session: AwsSession): BraketClient {
  const client = new BraketClient({ region: session.region, credentials: session.credentials, ...RETRIES, customUserAgent: USER_AGENT })
  instrument(client.middlewareStack, 'Braket')
  return client
}

export function s3Client(session: AwsSession): S3Client {
  const client = new S3Client({ region: session.region, credentials: session.credentials, ...RETRIES, customUserAgent: USER_AGENT })
  instrument(client.middlewareStack, 'S3')
  return client
}

/** Reads of the job's logs retry throttling and server faults, as the Braket and S3 clients do. */
export function logsClient(session: AwsSession): CloudWatchLogsClient {
  const client = new CloudWatchLogsClient({
    region: session.region,
    credentials: session.credentials,
    ...RETRIES,
    customUserAgent: USER_AGENT
  })
  instrument(client.middlewareStack, 'CloudWatch Logs')
  return client
}

/**
 * STS with the credentials of the environment, or unsigned for the web identity
 * exchange, which retries on its own (`maxAttempts: 1`): each attempt needs a fresh OIDC token.
 */
export function stsClient(region: string, maxAttempts: number = RETRIES.maxAttempts): STSClient {
  const client = new STSClient({ region, maxAttempts, retryMode: RETRIES.retryMode, customUserAgent: USER_AGENT })
  instrument(client.middlewareStack, 'STS')
  return client
}

/**
 * The Price List Query API has endpoints in us-east-1 and a few other regions only, unrelated to
 * where the job runs: its own region, not the session's. AWS_ENDPOINT_URL_PRICING still redirects it.
 */
export const PRICING_ENDPOINT_REGION = 'us-east-1'

export function pricingClient(session: Pick<AwsSession, 'credentials'>, endpointRegion = PRICING_ENDPOINT_REGION): PricingClient {
  const client = new PricingClient({ region: endpointRegion, credentials: session.credentials, ...RETRIES, customUserAgent: USER_AGENT })
  instrument(client.middlewareStack, 'Pricing')
  return client
}
