import type { ServiceName } from './types.js'

/** One request as the stand-in saw it, for test assertions. */
export interface RequestRecord {
  service: ServiceName
  operation: string
  /** The access key that signed it; undefined for unsigned requests. */
  accessKeyId?: string
  /** The region of its signature's scope; undefined for unsigned requests. */
  region?: string
  status: number
  /** Error code when the answer was an error. */
  errorCode?: string
  /** Parsed JSON/form body for small bodies; undefined for streamed S3 bodies. */
  body?: unknown
  /** Request path with query. */
  path: string
  method: string
  headers: Record<string, string>
  /** The fault injected into this request, if any. */
  fault?: string
  at: Date
}

export class RequestLog {
  readonly records: RequestRecord[] = []
  add(record: RequestRecord): void {
    this.records.push(record)
  }
  of(service: ServiceName, operation?: string): RequestRecord[] {
    return this.records.filter((r) => r.service === service && (operation === undefined || r.operation === operation))
  }
  clear(): void {
    this.records.length = 0
  }
}
