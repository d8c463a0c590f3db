// The AmazonBraket price list's product families for hybrid jobs and the
// quantum tasks they create (the Price List API's `productFamily` values).
// Tasks created outside a job are priced under other families ("Quantum Task",
// "Quantum Task-Shot", "Simulator Task"), which a job's cost never uses.

export const PRICE_LIST_SERVICE_CODE = 'AmazonBraket'

export const PRODUCT_FAMILIES = {
  /** Hybrid job instance time, per minute per instance, by `instanceType`. */
  instance: 'Braket Managed Jobs Instance',
  /** Hybrid job storage, per GB-month. */
  volume: 'Braket Managed Jobs Volume',
  /** A QPU task created by a job, per task, by `devicename`. */
  qpuTask: 'Braket Managed Jobs QPU Task',
  /** A shot of such a task, per shot, by `devicename`. */
  qpuShot: 'Braket Managed Jobs QPU Task Shot',
  /** An on-demand simulator task created by a job, per minute, by `usagetype`. */
  simulatorTask: 'Braket Managed Jobs Simulator Task'
} as const
