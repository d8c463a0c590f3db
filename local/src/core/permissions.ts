// IAM, reduced to what tests need: by default every caller may call every
// operation; a test can deny an action (`pricing:GetProducts`) to every caller
// or to one access key, and the service then answers AccessDenied in its own
// wire format, as IAM's evaluation does before the service acts.
import type { KnownCredentials } from './credentials.js'

export interface DenyRule {
  /** `<signing name>:<Operation>`, e.g. `pricing:GetProducts`, `braket:SearchSpendingLimits`. */
  action: string
  /** Only this caller; omitted: every caller. */
  accessKeyId?: string
}

/** The services whose definitions render AccessDenied for a denied action. */
const DENIABLE_SERVICES = ['braket', 'pricing'] as const

export class Permissions {
  private rules: DenyRule[] = []

  deny(rule: DenyRule | string): this {
    const complete = typeof rule === 'string' ? { action: rule } : rule
    const service = complete.action.split(':')[0] ?? ''
    if (!(DENIABLE_SERVICES as readonly string[]).includes(service) || !/^[a-z0-9-]+:[A-Za-z]+$/.test(complete.action))
      throw new Error(
        `the stand-in can deny ${DENIABLE_SERVICES.join(' and ')} actions only (as 'service:Operation'), not ${complete.action}`
      )
    this.rules.push(complete)
    return this
  }

  clear(): void {
    this.rules = []
  }

  isDenied(action: string, caller: KnownCredentials): boolean {
    return this.rules.some((rule) => rule.action === action && (rule.accessKeyId === undefined || rule.accessKeyId === caller.accessKeyId))
  }
}

/** IAM's wording for an identity-based denial. */
export function accessDeniedMessage(action: string, caller: KnownCredentials): string {
  return `User: ${caller.arn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`
}
