// The stand-in's device catalog: Braket's managed simulators (available in
// several regions, ARNs without a region) and QPUs (each in its one region,
// the region in its ARN), with their status. Tests add devices or change a
// status through `standIn.jobs.devices`.
import { ahsQpuCapabilities, gateQpuCapabilities, simulatorCapabilities } from './device-capabilities.js'

export type DeviceType = 'QPU' | 'SIMULATOR'
export type DeviceStatus = 'ONLINE' | 'OFFLINE' | 'RETIRED'

export interface Device {
  deviceArn: string
  deviceName: string
  providerName: string
  deviceType: DeviceType
  deviceStatus: DeviceStatus
  /** Regions where the device is reachable: the ARN's region for QPUs, several for simulators. */
  regions: string[]
  /** The `deviceCapabilities` JSON document, as a string (the model's JsonValue). */
  capabilities: string
}

/** The regions Braket's managed simulators run in (per the Braket SDK's AwsDevice.REGIONS). */
export const SIMULATOR_REGIONS = ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-2'] as const

/** The region in a device ARN (`arn:aws:braket:<region>::device/...`); '' for the simulators' non-regional ARNs. */
export function regionOfDeviceArn(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:braket:([a-z0-9-]*):[0-9]*:device\/.+$/.exec(arn)?.[1]
}

/** Devices the job's own container provides (the Braket SDK's local simulators), e.g. `local:braket/braket.local.qubit`. */
export function isLocalDevice(device: string): boolean {
  return device.startsWith('local:')
}

export function isWellFormedLocalDevice(device: string): boolean {
  return /^local:[^/\s]+\/[^/\s]+$/.test(device)
}

function simulator(id: 'sv1' | 'dm1' | 'tn1', qubits: number, price: number, regions: readonly string[]): Device {
  const name = id.toUpperCase() as 'SV1' | 'DM1' | 'TN1'
  return {
    deviceArn: `arn:aws:braket:::device/quantum-simulator/amazon/${id}`,
    deviceName: name,
    providerName: 'Amazon Braket',
    deviceType: 'SIMULATOR',
    deviceStatus: 'ONLINE',
    regions: [...regions],
    capabilities: simulatorCapabilities(name, qubits, price)
  }
}

function qpu(
  region: string,
  path: string,
  deviceName: string,
  providerName: string,
  deviceStatus: DeviceStatus,
  capabilities: string
): Device {
  return {
    deviceArn: `arn:aws:braket:${region}::device/qpu/${path}`,
    deviceName,
    providerName,
    deviceType: 'QPU',
    deviceStatus,
    regions: [region],
    capabilities
  }
}

function squareLattice(rows: number, columns: number): Record<string, string[]> {
  const edges: Record<string, string[]> = {}
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const id = r * columns + c + 1
      const neighbours: string[] = []
      if (c + 1 < columns) neighbours.push(String(id + 1))
      if (r + 1 < rows) neighbours.push(String(id + columns))
      if (neighbours.length > 0) edges[String(id)] = neighbours
    }
  }
  return edges
}

export function defaultDevices(): Device[] {
  return [
    simulator('sv1', 34, 0.075, SIMULATOR_REGIONS),
    simulator('dm1', 17, 0.075, SIMULATOR_REGIONS),
    simulator('tn1', 50, 0.275, ['us-east-1', 'us-west-2', 'eu-west-2']),
    qpu(
      'us-east-1',
      'ionq/Forte-1',
      'Forte 1',
      'IonQ',
      'ONLINE',
      gateQpuCapabilities({
        schema: 'braket.device_schema.ionq.ionq_device_capabilities',
        summary: 'IonQ Forte 1, a trapped-ion QPU',
        location: 'USA',
        qubitCount: 36,
        nativeGateSet: ['gpi', 'gpi2', 'zz'],
        pricePerShot: 0.08
      })
    ),
    qpu(
      'eu-north-1',
      'iqm/Garnet',
      'Garnet',
      'IQM',
      'ONLINE',
      gateQpuCapabilities({
        schema: 'braket.device_schema.iqm.iqm_device_capabilities',
        summary: 'IQM Garnet, a superconducting QPU',
        location: 'Espoo, Finland',
        qubitCount: 20,
        nativeGateSet: ['cz', 'prx'],
        edges: squareLattice(4, 5),
        pricePerShot: 0.00145
      })
    ),
    qpu(
      'us-west-1',
      'rigetti/Ankaa-3',
      'Ankaa-3',
      'Rigetti',
      'ONLINE',
      gateQpuCapabilities({
        schema: 'braket.device_schema.rigetti.rigetti_device_capabilities',
        summary: 'Rigetti Ankaa-3, a superconducting QPU',
        location: 'California, USA',
        qubitCount: 84,
        nativeGateSet: ['rx', 'rz', 'iswap'],
        edges: squareLattice(7, 12),
        pricePerShot: 0.0009
      })
    ),
    qpu('us-east-1', 'quera/Aquila', 'Aquila', 'QuEra', 'ONLINE', ahsQpuCapabilities()),
    qpu(
      'us-west-1',
      'rigetti/Ankaa-2',
      'Ankaa-2',
      'Rigetti',
      'OFFLINE',
      gateQpuCapabilities({
        schema: 'braket.device_schema.rigetti.rigetti_device_capabilities',
        summary: 'Rigetti Ankaa-2, a superconducting QPU',
        location: 'California, USA',
        qubitCount: 84,
        nativeGateSet: ['rx', 'rz', 'iswap'],
        edges: squareLattice(7, 12),
        pricePerShot: 0.0009
      })
    ),
    qpu(
      'us-east-1',
      'ionq/Harmony',
      'Harmony',
      'IonQ',
      'RETIRED',
      gateQpuCapabilities({
        schema: 'braket.device_schema.ionq.ionq_device_capabilities',
        summary: 'IonQ Harmony, a trapped-ion QPU (retired)',
        location: 'USA',
        qubitCount: 11,
        nativeGateSet: ['gpi', 'gpi2', 'ms'],
        pricePerShot: 0.01
      })
    )
  ]
}

export class DeviceCatalog {
  private readonly devices = new Map<string, Device>()

  constructor(devices: Device[] = defaultDevices()) {
    for (const device of devices) this.devices.set(device.deviceArn, device)
  }

  get(arn: string): Device | undefined {
    return this.devices.get(arn)
  }

  all(): Device[] {
    return [...this.devices.values()]
  }

  /**
   * Adds (or replaces) a device. `regions` defaults to the ARN's region; a
   * non-regional ARN without `regions` is reachable in every simulator region.
   */
  add(device: Omit<Device, 'regions' | 'capabilities'> & Partial<Pick<Device, 'regions' | 'capabilities'>>): Device {
    const arnRegion = regionOfDeviceArn(device.deviceArn)
    const complete: Device = {
      ...device,
      regions: device.regions ?? (arnRegion ? [arnRegion] : [...SIMULATOR_REGIONS]),
      capabilities:
        device.capabilities ??
        (device.deviceType === 'SIMULATOR'
          ? simulatorCapabilities('SV1', 34, 0.075)
          : gateQpuCapabilities({
              schema: 'braket.device_schema.standardized_gate_model_qpu_device_properties',
              summary: device.deviceName,
              location: arnRegion ?? 'unknown',
              qubitCount: 8,
              nativeGateSet: ['rx', 'rz', 'cz'],
              pricePerShot: 0.001
            }))
    }
    this.devices.set(complete.deviceArn, complete)
    return complete
  }

  setStatus(arn: string, status: DeviceStatus): Device {
    const device = this.devices.get(arn)
    if (!device) throw new Error(`no device ${arn} in the stand-in's catalog`)
    device.deviceStatus = status
    return device
  }

  /** What a caller in `region` can see: GetDevice/SearchDevices answer only for these. */
  visibleIn(region: string): Device[] {
    return this.all().filter((device) => device.regions.includes(region))
  }

  reset(): void {
    this.devices.clear()
    for (const device of defaultDevices()) this.devices.set(device.deviceArn, device)
  }
}
