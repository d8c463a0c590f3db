/** An error the stand-in answers with, in the service's own wire format. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** Extra fields some errors carry (e.g. Braket's `reason`, S3's `BucketName`). */
    readonly extra: Record<string, string> = {}
  ) {
    super(message)
  }
}
