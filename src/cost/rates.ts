// A rate read from the AWS Price List, or why there is none. A rate is never
// made up and never zero: what cannot be read is "unknown" with its reason, and
// every figure built on it stays unknown too.

export interface KnownRate {
  known: true
  /** USD per `unit`. */
  usd: number
  /** The price list's unit, e.g. `minutes`, `GB-Mo`, `Task`, `Shot`. */
  unit: string
  sku: string
  /** The price list's own description of the price. */
  description?: string
}

export interface UnknownRate {
  known: false
  /** Why, in words a user can act on, e.g. "the Price List API refused pricing:GetProducts (AccessDeniedException)". */
  reason: string
  /** Set when the rate is unknown because IAM denied a Price List action: the permission to add. */
  deniedPermission?: string
}

export type Rate = KnownRate | UnknownRate

export function unknownRate(reason: string, deniedPermission?: string): UnknownRate {
  return deniedPermission ? { known: false, reason, deniedPermission } : { known: false, reason }
}

/** What a device's quantum tasks are charged by, once looked up. */
export type DeviceRates =
  | { kind: 'qpu'; deviceArn: string; /** the price list's `devicename` */ devicename?: string; perTask: Rate; perShot: Rate }
  | { kind: 'simulator'; deviceArn: string; perMinute: Rate }
  /** Simulators inside the job's container (`local:…`): nothing beyond the instance. */
  | { kind: 'local'; deviceArn: string }

/** Everything a job's cost is computed from. */
export interface RateCard {
  /** `Braket Managed Jobs Instance`, per minute per instance. */
  instance: Rate
  /** `Braket Managed Jobs Volume`, per GB-month. */
  volume: Rate
  /** By device ARN. */
  devices: Record<string, DeviceRates>
}

/** The unknown rates among these, once each. */
export function unknownRates(rates: readonly Rate[]): UnknownRate[] {
  const seen = new Set<string>()
  const out: UnknownRate[] = []
  for (const rate of rates) {
    if (rate.known || seen.has(rate.reason)) continue
    seen.add(rate.reason)
    out.push(rate)
  }
  return out
}
