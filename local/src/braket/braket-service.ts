// Amazon Braket's REST-JSON API for hybrid jobs and devices: CreateJob, GetJob,
// CancelJob, SearchJobs, GetDevice, SearchDevices, ListTagsForResource; for
// quantum tasks CreateQuantumTask, GetQuantumTask, SearchQuantumTasks;
// SearchSpendingLimits. Routes, status codes and request constraints come from
// the API model's facts.
import { braketFacts } from '../../../src/facts/aws-facts.js'
import { validateShape } from '../../../src/facts/validate-shape.js'
import type { Reply, RequestContext, ServiceDefinition } from '../core/service-server.js'
import { ServiceError } from '../core/service-error.js'
import type { StandInState } from '../core/state.js'
import { authError, braketError, renderBraketError } from './braket-errors.js'
import type { Device } from './devices.js'
import type { CreateJobRequest } from './job-record.js'
import { summarizeJob } from './job-record.js'
import { operationInput, parseJsonBody, reply, routeRequest, type Call } from './routes.js'
import { canonicalJson } from './create-job.js'
import { filterDevices, paginate, type DevicesFilter, type JobsFilter } from './search.js'
import { quantumTaskHandlers } from './quantum-tasks-handlers.js'
import { validationMessage } from './validation-message.js'

function deviceSummary(device: Device): Record<string, unknown> {
  const { deviceArn, deviceName, providerName, deviceType, deviceStatus } = device
  return { deviceArn, deviceName, providerName, deviceType, deviceStatus }
}

export function braketService(state: StandInState): ServiceDefinition {
  const jobs = () => state.jobs

  const handlers: Record<string, (call: Call) => Reply> = {
    CreateJob: ({ input, caller, region }) => reply('CreateJob', jobs().create(input as CreateJobRequest, caller, region)),

    GetJob: ({ input, caller, region }) => {
      const record = jobs().lookup(input.jobArn as string, caller, region, 'GetJob')
      const attributes = (input.additionalAttributeNames as string[] | undefined) ?? []
      return reply('GetJob', jobs().describe(record, attributes.includes('QueueInfo')))
    },

    CancelJob: ({ input, caller, region }) =>
      reply('CancelJob', jobs().cancel(jobs().lookup(input.jobArn as string, caller, region, 'CancelJob'))),

    SearchJobs: ({ input, caller, region }) => {
      const filters = input.filters as JobsFilter[]
      const found = jobs().search(caller, region, filters)
      const { page, nextToken } = paginate(
        found,
        input.maxResults as number | undefined,
        input.nextToken as string | undefined,
        `jobs:${canonicalJson(filters)}`
      )
      return reply('SearchJobs', { jobs: page.map(summarizeJob), ...(nextToken ? { nextToken } : {}) })
    },

    GetDevice: ({ input, region }) => {
      const arn = input.deviceArn as string
      const device = jobs().devices.get(arn)
      if (!device || !device.regions.includes(region))
        throw braketError('ResourceNotFoundException', `Device ${arn} not found in ${region}.`)
      const jobsQueued = String(jobs().queuedOn(device.deviceArn))
      return reply('GetDevice', {
        ...deviceSummary(device),
        deviceCapabilities: device.capabilities,
        deviceQueueInfo: [
          { queue: 'QUANTUM_TASKS_QUEUE', queueSize: '0', queuePriority: 'Normal' },
          { queue: 'QUANTUM_TASKS_QUEUE', queueSize: '0', queuePriority: 'Priority' },
          { queue: 'JOBS_QUEUE', queueSize: jobsQueued }
        ]
      })
    },

    SearchDevices: ({ input, region }) => {
      const filters = input.filters as DevicesFilter[]
      const found = filterDevices(jobs().devices.visibleIn(region), filters)
      const { page, nextToken } = paginate(
        found,
        input.maxResults as number | undefined,
        input.nextToken as string | undefined,
        `devices:${region}:${canonicalJson(filters)}`
      )
      return reply('SearchDevices', { devices: page.map(deviceSummary), ...(nextToken ? { nextToken } : {}) })
    },

    ListTagsForResource: ({ input, caller, region }) => {
      const arn = input.resourceArn as string
      if (!/^arn:aws[a-z-]*:braket:[a-z0-9-]*:\d{12}:job\/.+$/.test(arn))
        throw braketError('ResourceNotFoundException', `Resource ${arn} not found.`)
      const record = jobs().lookup(arn, caller, region, 'ListTagsForResource')
      return reply('ListTagsForResource', { tags: record.request.tags ?? {} })
    },

    ...quantumTaskHandlers(state)
  }

  return {
    name: 'braket',
    signingName: braketFacts.metadata.signingName ?? 'braket',
    identify: (ctx) => routeRequest(ctx.req.method ?? 'GET', ctx.url.pathname)?.operation ?? 'Unknown',

    async handle(operation: string, ctx: RequestContext): Promise<Reply> {
      const routed = routeRequest(ctx.req.method ?? 'GET', ctx.url.pathname)
      const handler = handlers[operation]
      if (!routed || !handler)
        throw new ServiceError('UnknownOperationException', `No operation matches ${ctx.req.method} ${ctx.url.pathname}.`, 404)
      const body = parseJsonBody(ctx)
      ctx.logBody = body
      const input = operationInput(operation, routed, ctx, body)
      const inputShape = braketFacts.operations[operation]!.input!
      const problems = validateShape(braketFacts, inputShape, input)
      if (problems.length > 0) throw braketError('ValidationException', validationMessage(braketFacts, inputShape, input, problems))
      return handler({ input, caller: ctx.caller!, region: ctx.region! })
    },

    renderError: (error) => renderBraketError(error),
    throttleError: () => braketError('ThrottlingException', 'Rate exceeded'),
    internalError: () =>
      braketError('InternalServiceException', 'The request processing has failed because of an unknown error, exception or failure.'),
    authError,
    accessDenied: (message) => braketError('AccessDeniedException', message)
  }
}
