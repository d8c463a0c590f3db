// The subset of the AWS service model format ("2.0") this project keeps as facts.
export interface MemberFacts {
  shape: string
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode'
  locationName?: string
  idempotencyToken?: boolean
  jsonvalue?: boolean
}

export interface ShapeFacts {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'blob'
  required?: readonly string[]
  members?: Readonly<Record<string, MemberFacts>>
  member?: { shape: string }
  key?: { shape: string }
  value?: { shape: string }
  min?: number
  max?: number
  pattern?: string
  enum?: readonly string[]
  union?: boolean
  timestampFormat?: string
  exception?: boolean
  fault?: boolean
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean }
}

export interface OperationFacts {
  http: { method: string; requestUri: string; responseCode?: number }
  input?: string
  output?: string
  resultWrapper?: string
  errors: readonly string[]
}

export interface ServiceFacts {
  metadata: {
    apiVersion: string
    protocol: string
    serviceId: string
    signingName?: string
    endpointPrefix: string
    /** JSON-protocol services: the `X-Amz-Target` prefix, e.g. `AWSPriceListService`. */
    targetPrefix?: string
  }
  operations: Readonly<Record<string, OperationFacts>>
  shapes: Readonly<Record<string, ShapeFacts>>
}
