// Placeholder until the service is written.
import type { ServiceDefinition } from '../core/service-server.js'
import { ServiceError } from '../core/service-error.js'
import type { StandInState } from '../core/state.js'

export function braketService(_state: StandInState): ServiceDefinition {
  const notImplemented = () => new ServiceError('NotImplemented', 'not implemented yet', 501)
  return {
    name: 'braket',
    identify: () => 'Unknown',
    handle: async () => {
      throw notImplemented()
    },
    renderError: (error) => ({ status: error.status, body: error.message }),
    throttleError: notImplemented,
    internalError: notImplemented,
    authError: notImplemented
  }
}
