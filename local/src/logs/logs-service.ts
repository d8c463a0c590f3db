// CloudWatch Logs, the read side a job follower uses: DescribeLogStreams,
// GetLogEvents, FilterLogEvents, over the JSON 1.1 protocol
// (`X-Amz-Target: Logs_20140328.<Operation>`), from the stand-in's LogStore.
// Braket jobs write to the group /aws/braket/jobs.
import { randomUUID } from 'node:crypto'
import type { Reply, RequestContext, ServiceDefinition } from '../core/service-server.js'
import type { ServiceError } from '../core/service-error.js'
import type { StandInState } from '../core/state.js'
import { describeLogStreams } from './describe-log-streams.js'
import { filterLogEvents } from './filter-log-events.js'
import { getLogEvents } from './get-log-events.js'
import { authError, serializationError, serviceUnavailable, throttling, unknownOperation } from './logs-errors.js'
import { parseBody, type RequestBody } from './logs-input.js'

export const BRAKET_JOBS_LOG_GROUP = '/aws/braket/jobs'

const TARGET_PREFIX = 'Logs_20140328.'
const CONTENT_TYPE = 'application/x-amz-json-1.1'

type Operation = (state: StandInState, body: RequestBody, ctx: RequestContext) => Record<string, unknown>

const OPERATIONS: Record<string, Operation> = {
  DescribeLogStreams: (state, body) =>
    describeLogStreams(state.logs, body, { region: state.options.region, accountId: state.options.accountId }),
  GetLogEvents: (state, body) => getLogEvents(state.logs, body),
  FilterLogEvents: (state, body) => filterLogEvents(state.logs, body)
}

function json(status: number, payload: unknown): Reply {
  return {
    status,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(payload)
  }
}

export function logsService(state: StandInState): ServiceDefinition {
  return {
    name: 'logs',
    signingName: 'logs',
    identify(ctx) {
      const target = ctx.req.headers['x-amz-target']
      if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) return 'Unknown'
      return target.slice(TARGET_PREFIX.length)
    },
    async handle(operation, ctx) {
      if (ctx.req.method !== 'POST') throw serializationError('Only POST requests are accepted.')
      const run = OPERATIONS[operation]
      if (!run) throw unknownOperation(String(ctx.req.headers['x-amz-target'] ?? ''))
      const body = parseBody(ctx.body)
      ctx.logBody = body
      return json(200, run(state, body, ctx))
    },
    renderError: (error: ServiceError) => json(error.status, { __type: error.code, message: error.message, ...error.extra }),
    throttleError: throttling,
    internalError: serviceUnavailable,
    authError
  }
}
