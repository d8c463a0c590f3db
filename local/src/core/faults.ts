import type { ServiceName } from './types.js'

/**
 * Fault kinds a test can inject:
 * - throttle: the service's throttling error (Braket ThrottlingException 429, S3 SlowDown 503, …)
 * - error: an internal error (500)
 * - latency: delay the answer by `latencyMs`
 * - reset: close the connection before handling the request
 * - commit-then-drop: handle the request (it takes effect), then close the connection without answering
 * - hold: keep each matching request waiting until all `times` of them have arrived (or `latencyMs`
 *   passed), then handle them together: callers that raced (e.g. matrix legs creating one bucket)
 */
export type FaultKind = 'throttle' | 'error' | 'latency' | 'reset' | 'commit-then-drop' | 'hold'

export interface FaultRule {
  service: ServiceName
  /** Operation name as in the API model (e.g. 'CreateJob', 'PutObject'); omitted: every operation. */
  operation?: string
  kind: FaultKind
  /** How many matching requests it affects; default 1. */
  times?: number
  latencyMs?: number
}

interface ActiveRule extends FaultRule {
  remaining: number
  /** Requests a hold rule keeps waiting. */
  held?: Array<() => void>
}

export class Faults {
  private rules: ActiveRule[] = []

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, remaining: rule.times ?? 1 })
    return this
  }

  clear(): void {
    this.rules = []
  }

  /** Takes the next fault for this request, consuming one of its uses. */
  take(service: ServiceName, operation: string): ActiveRule | undefined {
    const rule = this.rules.find(
      (r) => r.remaining > 0 && r.service === service && (r.operation === undefined || r.operation === operation)
    )
    if (rule) rule.remaining -= 1
    return rule
  }

  /** For a hold rule: waits until the last of its requests arrived, or its latencyMs passed. */
  async hold(rule: FaultRule): Promise<void> {
    const active = rule as ActiveRule
    const held = (active.held ??= [])
    await new Promise<void>((resolve) => {
      held.push(resolve)
      if (active.remaining === 0) for (const release of held.splice(0)) release()
      else setTimeout(resolve, rule.latencyMs ?? 10_000).unref()
    })
  }

  /** Rules that still have uses left: lets a test assert every fault it set was hit. */
  pending(): FaultRule[] {
    return this.rules.filter((r) => r.remaining > 0)
  }
}
