// One way to raise and to read errors across the action.

/**
 * The base of every error the action raises on purpose: its message is already
 * written for the person reading the step log (what failed, and what to do).
 * Subclasses only name the phase, so a caller can tell them apart.
 */
export class ActionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }
}

/** Error-like: an Error of any realm (jest's module sandbox has its own Error), or the SDK's error objects. */
function field(error: unknown, name: 'message' | 'name'): string | undefined {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined
  return typeof value === 'string' ? value : undefined
}

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  const message = field(error, 'message')
  if (message !== undefined) return message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/** The error's name (the SDK puts the AWS error code there), or "Error" for a thrown non-Error. */
export function errorName(error: unknown): string {
  return field(error, 'name') ?? 'Error'
}

/** `Name: message`, the way the SDK's errors read best in one line. */
export function describeError(error: unknown): string {
  const name = errorName(error)
  const message = errorMessage(error)
  return message === '' ? name : name === 'Error' ? message : `${name}: ${message}`
}

/** A Node.js system error's code (ENOENT, ECONNRESET, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
