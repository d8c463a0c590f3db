// Small but realistic `deviceCapabilities` documents in the shape of the
// amazon-braket-schemas device schemas, so code that parses them (qubit count,
// native gates, execution windows, shots range) sees what the service sends.

type Json = Record<string, unknown>

const header = (name: string, version = '1'): Json => ({ name, version })

interface ServiceProperties {
  summary: string
  documentation: string
  location: string
  maxShots: number
  /** Per-minute for simulators, per-shot for QPUs. */
  price: number
  unit: 'minute' | 'shot'
  windows?: { executionDay: string; windowStartHour: string; windowEndHour: string }[]
}

function service(properties: ServiceProperties): Json {
  return {
    braketSchemaHeader: header('braket.device_schema.device_service_properties'),
    executionWindows: properties.windows ?? [{ executionDay: 'Everyday', windowStartHour: '00:00:00', windowEndHour: '23:59:59' }],
    shotsRange: [properties.unit === 'minute' ? 0 : 1, properties.maxShots],
    deviceCost: { price: properties.price, unit: properties.unit },
    deviceDocumentation: { summary: properties.summary, externalDocumentationUrl: properties.documentation },
    deviceLocation: properties.location,
    updatedAt: '2025-01-15T00:00:00+00:00'
  }
}

function openQasmAction(operations: string[], maxShots: number): Json {
  const observables = ['x', 'y', 'z', 'h', 'i']
  return {
    'braket.ir.openqasm.program': {
      actionType: 'braket.ir.openqasm.program',
      version: ['1'],
      supportedOperations: operations,
      supportedResultTypes: [
        { name: 'Sample', observables, minShots: 1, maxShots },
        { name: 'Expectation', observables, minShots: 1, maxShots },
        { name: 'Variance', observables, minShots: 1, maxShots },
        { name: 'Probability', minShots: 1, maxShots }
      ]
    }
  }
}

const SIMULATOR_GATES = [
  'ccnot',
  'cnot',
  'cphaseshift',
  'cswap',
  'cy',
  'cz',
  'h',
  'i',
  'iswap',
  'phaseshift',
  'rx',
  'ry',
  'rz',
  's',
  'si',
  'swap',
  't',
  'ti',
  'v',
  'vi',
  'x',
  'xx',
  'y',
  'yy',
  'z',
  'zz'
]

export function simulatorCapabilities(name: 'SV1' | 'DM1' | 'TN1', qubitCount: number, pricePerMinute: number): string {
  const gates =
    name === 'DM1' ? [...SIMULATOR_GATES, 'amplitude_damping', 'bit_flip', 'depolarizing', 'kraus', 'pauli_channel'] : SIMULATOR_GATES
  return JSON.stringify({
    braketSchemaHeader: header('braket.device_schema.simulators.gate_model_simulator_device_capabilities'),
    service: service({
      summary: `Amazon Braket ${name} simulator`,
      documentation: `https://docs.aws.amazon.com/braket/latest/developerguide/braket-devices.html#braket-simulator-${name.toLowerCase()}`,
      location: 'Amazon Web Services',
      maxShots: name === 'TN1' ? 1000 : 100000,
      price: pricePerMinute,
      unit: 'minute'
    }),
    action: openQasmAction(gates, name === 'TN1' ? 1000 : 100000),
    paradigm: { braketSchemaHeader: header('braket.device_schema.simulators.gate_model_simulator_paradigm_properties'), qubitCount },
    deviceParameters: {}
  })
}

export interface QpuDescription {
  schema: string
  summary: string
  location: string
  qubitCount: number
  nativeGateSet: string[]
  /** Edges of the coupling map; omitted: fully connected. */
  edges?: Record<string, string[]>
  pricePerShot: number
  windows?: ServiceProperties['windows']
}

export function gateQpuCapabilities(qpu: QpuDescription): string {
  return JSON.stringify({
    braketSchemaHeader: header(qpu.schema),
    service: service({
      summary: qpu.summary,
      documentation: 'https://docs.aws.amazon.com/braket/latest/developerguide/braket-devices.html',
      location: qpu.location,
      maxShots: 10000,
      price: qpu.pricePerShot,
      unit: 'shot',
      windows: qpu.windows
    }),
    action: openQasmAction(qpu.nativeGateSet, 10000),
    paradigm: {
      braketSchemaHeader: header('braket.device_schema.gate_model_qpu_paradigm_properties'),
      qubitCount: qpu.qubitCount,
      nativeGateSet: qpu.nativeGateSet,
      connectivity: qpu.edges ? { fullyConnected: false, connectivityGraph: qpu.edges } : { fullyConnected: true, connectivityGraph: {} }
    },
    deviceParameters: {}
  })
}

/** QuEra Aquila runs analog Hamiltonian simulation programs, not gates. */
export function ahsQpuCapabilities(): string {
  return JSON.stringify({
    braketSchemaHeader: header('braket.device_schema.quera.quera_device_capabilities'),
    service: service({
      summary: 'QuEra Aquila, a neutral-atom analog Hamiltonian simulation QPU',
      documentation: 'https://docs.aws.amazon.com/braket/latest/developerguide/braket-devices.html',
      location: 'Boston, MA',
      maxShots: 1000,
      price: 0.01,
      unit: 'shot',
      windows: [{ executionDay: 'Tuesday', windowStartHour: '01:00:00', windowEndHour: '23:59:59' }]
    }),
    action: { 'braket.ir.ahs.program': { actionType: 'braket.ir.ahs.program', version: ['1'] } },
    paradigm: {
      qubitCount: 256,
      lattice: {
        area: { width: 0.000075, height: 0.000076 },
        geometry: { spacingRadialMin: 0.000004, positionResolution: 1e-7, numberSitesMax: 256 }
      },
      rydberg: { c6Coefficient: 5.42e-24 }
    }
  })
}
