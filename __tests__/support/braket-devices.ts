// Device ARNs of the stand-in's default catalog (local/src/braket/devices.ts), by name.
export const SV1 = 'arn:aws:braket:::device/quantum-simulator/amazon/sv1'
export const TN1 = 'arn:aws:braket:::device/quantum-simulator/amazon/tn1'
export const FORTE = 'arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1'
export const GARNET = 'arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet'
export const HARMONY = 'arn:aws:braket:us-east-1::device/qpu/ionq/Harmony'
/** A simulator inside the job's own container. */
export const LOCAL_SIMULATOR = 'local:braket/braket.local.qubit'
