// What kind of device an ARN names, for pricing: QPUs are charged per task and
// per shot under the price list's `devicename`, on-demand simulators per minute
// under their `usagetype`, and `local:` simulators (inside the job's own
// container) cost nothing beyond the instance.

export type DeviceKind = 'qpu' | 'simulator' | 'local' | 'other'

export function deviceKind(deviceArn: string): DeviceKind {
  if (deviceArn.startsWith('local:')) return 'local'
  if (/^arn:aws[a-z-]*:braket:[a-z0-9-]*:\d*:device\/qpu\//.test(deviceArn)) return 'qpu'
  if (/^arn:aws[a-z-]*:braket:[a-z0-9-]*:\d*:device\/quantum-simulator\//.test(deviceArn)) return 'simulator'
  return 'other'
}

/** The region in an ARN (`arn:aws:braket:<region>:…`); undefined when the ARN has none (managed simulators). */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3]
  return region ? region : undefined
}

/** The last path segment of a device ARN, e.g. `Forte-1`, `sv1`. */
export function deviceArnName(deviceArn: string): string {
  return deviceArn.split('/').at(-1) ?? deviceArn
}

const normalized = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * The price list's `devicename` for a QPU, from the names the list has
 * (GetAttributeValues): the one equal to the ARN's last segment or to
 * GetDevice's deviceName once case, spaces and punctuation are set aside
 * ("Forte 1", "Forte-1"); else the one longest name family the ARN's name
 * starts with (e.g. `Advantage_system` for `Advantage_system6.4`).
 * Undefined when none or several fit.
 */
export function matchDeviceName(listed: readonly string[], deviceArn: string, deviceName?: string): string | undefined {
  const wanted = [deviceArnName(deviceArn), ...(deviceName ? [deviceName] : [])].map(normalized)
  const exact = [...new Set(listed.filter((name) => wanted.includes(normalized(name))))]
  if (exact.length === 1) return exact[0]
  if (exact.length > 1) return undefined
  const families = listed.filter((name) => normalized(name).length > 0 && wanted.some((want) => want.startsWith(normalized(name))))
  const longest = Math.max(0, ...families.map((name) => normalized(name).length))
  const best = [...new Set(families.filter((name) => normalized(name).length === longest))]
  return best.length === 1 ? best[0] : undefined
}
