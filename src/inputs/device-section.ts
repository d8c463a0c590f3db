// device: a Braket device ARN, or a simulator inside the job container (local:…).
import type { RawInputs } from './action-inputs.js'
import { CONSTRAINTS, checkConstraint } from './constraints.js'
import { shownValue, type Report } from './parse-input.js'

const DEVICE_ARN = /^arn:aws[a-z-]*:braket:([a-z0-9-]*):(\d{12})?:device\/.+$/
export const LOCAL_DEVICE = /^local:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/
const EXAMPLES =
  'a Braket device ARN (arn:aws:braket:<region>::device/qpu/<provider>/<name>, or arn:aws:braket:::device/quantum-simulator/amazon/sv1) ' +
  'or a simulator inside the job (local:<provider>/<name>, such as local:braket/braket.local.qubit)'

/** The region a QPU lives in (its jobs must run there); undefined for simulators that run anywhere. */
export function deviceRegion(device: string): string | undefined {
  const region = DEVICE_ARN.exec(device)?.[1]
  return region ? region : undefined
}

export function readDevice(raw: RawInputs, region: string, report: Report): string {
  const device = raw.device
  if (device === '') {
    report({ input: 'device', message: `is required: give ${EXAMPLES}.` })
  } else if (!DEVICE_ARN.test(device) && !LOCAL_DEVICE.test(device)) {
    report({ input: 'device', message: `${shownValue(device)} is not allowed: give ${EXAMPLES}.` })
  } else if (checkConstraint('device', device, CONSTRAINTS.device, report)) {
    const home = deviceRegion(device)
    if (home && region && home !== region) {
      report({
        input: 'device',
        message:
          `${device} is a device of ${home}, but aws-region is ${region}. A QPU's jobs run in its own region: set aws-region: ` + `${home}.`
      })
    }
  }
  return device
}
