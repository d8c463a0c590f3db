// ───────────────────────────────────────────────────────────────────────────────────────────────
//  STAND-IN VALUES — NOT AMAZON BRAKET'S PRICES.
//  Every rate below is made up for local tests, of the real list's order of magnitude and round
//  enough to check a cost by hand. Never quote them as what AWS charges: the bill and the AWS
//  Price List are authoritative. This is the ONE place the stand-in's rates live: its Price List
//  API (local/src/pricing/) serves them and its Braket spending limits add them up.
//  What is real is the shape: product families, attribute names and units as in the AmazonBraket
//  price list (hybrid-job instance time per minute, job storage per GB-month, QPU tasks per task
//  plus per shot under `devicename`, on-demand simulators per minute under `usagetype`).
// ───────────────────────────────────────────────────────────────────────────────────────────────

export const STAND_IN_PRICE_NOTICE = 'Stand-in rate for local tests, not an Amazon Braket price'

export interface StandInQpuRates {
  /** The price list's `devicename`, which may differ from GetDevice's deviceName. */
  devicename: string
  deviceArn: string
  /** USD per task and per shot, for tasks created by a hybrid job. */
  perTask: string
  perShot: string
}

export interface StandInSimulatorRates {
  /** The simulator's name as the price list's `version` and `usagetype` carry it. */
  name: string
  deviceArn: string
  /** USD per minute of a task's duration, for tasks created by a hybrid job. */
  perMinute: string
  regions: readonly string[]
}

export const STAND_IN_RATES = {
  serviceCode: 'AmazonBraket',
  currency: 'USD',
  version: '20250101000000',
  publicationDate: '2025-01-01T00:00:00Z',
  /** The regions the list covers: their `location` and the usage-type prefix AWS uses for them. */
  regions: {
    'us-east-1': { location: 'US East (N. Virginia)', usagePrefix: 'USE1' },
    'us-west-1': { location: 'US West (N. California)', usagePrefix: 'USW1' },
    'us-west-2': { location: 'US West (Oregon)', usagePrefix: 'USW2' },
    'eu-west-2': { location: 'EU (London)', usagePrefix: 'EUW2' },
    'eu-north-1': { location: 'EU (Stockholm)', usagePrefix: 'EUN1' }
  } as Record<string, { location: string; usagePrefix: string }>,
  /** `Braket Managed Jobs Instance`: USD per minute per instance, every instance type the Braket model allows, in every region. */
  instancePerMinute: {
    'ml.t3.large': '0.0016',
    'ml.t3.xlarge': '0.0032',
    'ml.t3.2xlarge': '0.0064',
    'ml.m4.xlarge': '0.004',
    'ml.m4.2xlarge': '0.008',
    'ml.m4.4xlarge': '0.016',
    'ml.m4.10xlarge': '0.04',
    'ml.m4.16xlarge': '0.064',
    'ml.m5.large': '0.00192',
    'ml.m5.xlarge': '0.00384',
    'ml.m5.2xlarge': '0.00768',
    'ml.m5.4xlarge': '0.01536',
    'ml.m5.12xlarge': '0.04608',
    'ml.m5.24xlarge': '0.09216',
    'ml.c4.xlarge': '0.004',
    'ml.c4.2xlarge': '0.008',
    'ml.c4.4xlarge': '0.016',
    'ml.c4.8xlarge': '0.036',
    'ml.c5.xlarge': '0.0034',
    'ml.c5.2xlarge': '0.0068',
    'ml.c5.4xlarge': '0.0136',
    'ml.c5.9xlarge': '0.0306',
    'ml.c5.18xlarge': '0.0612',
    'ml.c5n.xlarge': '0.004',
    'ml.c5n.2xlarge': '0.008',
    'ml.c5n.4xlarge': '0.016',
    'ml.c5n.9xlarge': '0.036',
    'ml.c5n.18xlarge': '0.072',
    'ml.p2.xlarge': '0.0225',
    'ml.p2.8xlarge': '0.18',
    'ml.p2.16xlarge': '0.36',
    'ml.p3.2xlarge': '0.0714',
    'ml.p3.8xlarge': '0.2856',
    'ml.p3.16xlarge': '0.5712',
    'ml.p3dn.24xlarge': '0.6528',
    'ml.p4d.24xlarge': '0.6528',
    'ml.g4dn.xlarge': '0.012',
    'ml.g4dn.2xlarge': '0.024',
    'ml.g4dn.4xlarge': '0.048',
    'ml.g4dn.8xlarge': '0.096',
    'ml.g4dn.12xlarge': '0.144',
    'ml.g4dn.16xlarge': '0.192',
    'ml.g6.xlarge': '0.0132',
    'ml.g6.2xlarge': '0.0264',
    'ml.g6.4xlarge': '0.0528',
    'ml.g6.8xlarge': '0.1056',
    'ml.g6.12xlarge': '0.1584',
    'ml.g6.16xlarge': '0.2112',
    'ml.g6.24xlarge': '0.3168',
    'ml.g6.48xlarge': '0.6336',
    'ml.g6e.xlarge': '0.03',
    'ml.g6e.2xlarge': '0.06',
    'ml.g6e.4xlarge': '0.12',
    'ml.g6e.8xlarge': '0.24',
    'ml.g6e.12xlarge': '0.36',
    'ml.g6e.16xlarge': '0.48',
    'ml.g6e.24xlarge': '0.72',
    'ml.g6e.48xlarge': '1.44'
  } as Record<string, string>,
  /** `Braket Managed Jobs Volume`: USD per GB-month of job storage, in every region. */
  volumePerGbMonth: '0.14',
  /**
   * `Braket Managed Jobs QPU Task` and `… QPU Task Shot`, each QPU in its own region (the ARN's).
   * Retired QPUs stay listed, as in the real list.
   */
  qpus: [
    // The price list says Forte-1 where GetDevice says "Forte 1": found through GetAttributeValues.
    { devicename: 'Forte-1', deviceArn: 'arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1', perTask: '0.3', perShot: '0.08' },
    { devicename: 'Garnet', deviceArn: 'arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet', perTask: '0.3', perShot: '0.00145' },
    { devicename: 'Ankaa-3', deviceArn: 'arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-3', perTask: '0.3', perShot: '0.0009' },
    { devicename: 'Ankaa-2', deviceArn: 'arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-2', perTask: '0.3', perShot: '0.0009' },
    { devicename: 'Aquila', deviceArn: 'arn:aws:braket:us-east-1::device/qpu/quera/Aquila', perTask: '0.3', perShot: '0.01' },
    { devicename: 'Harmony', deviceArn: 'arn:aws:braket:us-east-1::device/qpu/ionq/Harmony', perTask: '0.3', perShot: '0.01' }
  ] as readonly StandInQpuRates[],
  /** `Braket Managed Jobs Simulator Task`: USD per minute, billed for at least `simulatorMinimumSeconds` per task. */
  simulators: [
    {
      name: 'SV1',
      deviceArn: 'arn:aws:braket:::device/quantum-simulator/amazon/sv1',
      perMinute: '0.075',
      regions: ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-2']
    },
    {
      name: 'DM1',
      deviceArn: 'arn:aws:braket:::device/quantum-simulator/amazon/dm1',
      perMinute: '0.075',
      regions: ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-2']
    },
    {
      name: 'TN1',
      deviceArn: 'arn:aws:braket:::device/quantum-simulator/amazon/tn1',
      perMinute: '0.275',
      regions: ['us-east-1', 'us-west-2', 'eu-west-2']
    }
  ] as readonly StandInSimulatorRates[],
  simulatorMinimumSeconds: 3
} as const
