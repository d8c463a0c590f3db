/** An AWS SDK error as the tests look at it. */
export type SdkFailure = Error & { $metadata: { httpStatusCode?: number; attempts?: number } }

/** Awaits a call that must fail and returns what the SDK threw. */
export async function failure(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise
  } catch (error) {
    return error as SdkFailure
  }
  throw new Error('expected the request to fail')
}
