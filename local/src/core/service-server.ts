// One HTTP server per imitated service. Each request goes through the same
// pipeline: identify the operation, inject faults, verify SigV4, handle, log.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { CredentialStore, KnownCredentials } from './credentials.js'
import type { Faults } from './faults.js'
import { accessDeniedMessage, type Permissions } from './permissions.js'
import type { RequestLog } from './request-log.js'
import { ServiceError } from './service-error.js'
import { accessKeyOf, verifySigV4, type AuthFailure } from './sigv4.js'
import type { ServiceName } from './types.js'

export interface Reply {
  status: number
  headers?: Record<string, string | number>
  body?: string | Buffer | Readable
}

export interface RequestContext {
  req: IncomingMessage
  url: URL
  /** The whole body, for services whose bodies are small (everything but S3). */
  body?: Buffer
  /** Set once SigV4 verified; undefined for unsigned operations (OIDC, AssumeRoleWithWebIdentity). */
  caller?: KnownCredentials
  /** Region from the signature's credential scope. */
  region?: string
  /** Filled by the handler for the request log (e.g. parsed JSON body). */
  logBody?: unknown
}

export interface ServiceDefinition {
  name: ServiceName
  /** SigV4 signing name; undefined: the service takes no AWS signatures. */
  signingName?: string
  /** Operations that are called without a signature (e.g. STS AssumeRoleWithWebIdentity). */
  unsignedOperations?: readonly string[]
  /** S3 streams bodies to disk; the others read them whole. */
  streamsBodies?: boolean
  identify(ctx: RequestContext): string
  handle(operation: string, ctx: RequestContext): Promise<Reply>
  renderError(error: ServiceError, ctx: RequestContext, operation: string): Reply
  throttleError(): ServiceError
  internalError(): ServiceError
  authError(failure: AuthFailure, detail: string): ServiceError
  /** The service's AccessDenied for an action a test denied (core/permissions.ts); services without it cannot be denied. */
  accessDenied?(message: string): ServiceError
}

export interface ServiceDeps {
  credentials: CredentialStore
  faults: Faults
  log: RequestLog
  /** Actions tests deny; absent: everything is allowed. */
  permissions?: Permissions
}

export interface RunningService {
  name: ServiceName
  url: string
  server: Server
  close(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'authorization' || name === 'x-amz-security-token') continue
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(',') : value
  }
  return out
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Lets an unread request body finish arriving, so the client sees our answer instead of a broken pipe. */
async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return
  req.resume()
  await new Promise<void>((resolve) => {
    req.once('end', resolve)
    req.once('close', resolve)
    req.once('error', () => resolve())
  })
}

async function send(res: ServerResponse, reply: Reply): Promise<void> {
  const headers = { ...(reply.headers ?? {}) }
  if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) headers['content-length'] = Buffer.byteLength(reply.body)
  res.writeHead(reply.status, headers)
  if (reply.body instanceof Readable) await pipeline(reply.body, res)
  else res.end(reply.body)
}

export async function startService(
  definition: ServiceDefinition,
  deps: ServiceDeps,
  host = '127.0.0.1',
  port = 0
): Promise<RunningService> {
  const sockets = new Set<Socket>()

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const ctx: RequestContext = { req, url: new URL(req.url ?? '/', `http://${req.headers.host ?? host}`) }
    let operation = 'Unknown'
    let status = 500
    let errorCode: string | undefined
    let faultKind: string | undefined
    try {
      if (!definition.streamsBodies) ctx.body = await readBody(req)
      operation = definition.identify(ctx)
      const fault = deps.faults.take(definition.name, operation)
      faultKind = fault?.kind
      if (fault?.kind === 'reset') {
        req.socket.destroy()
        status = 0
        return
      }
      if (fault?.kind === 'latency') await sleep(fault.latencyMs ?? 1000)
      if (fault?.kind === 'hold') await deps.faults.hold(fault)

      if (definition.signingName && !definition.unsignedOperations?.includes(operation)) {
        const auth = await verifySigV4(req, ctx.body, deps.credentials, definition.signingName)
        if (!auth.ok) throw definition.authError(auth.failure, auth.detail)
        ctx.caller = auth.credentials
        ctx.region = auth.region
        const action = `${definition.signingName}:${operation}`
        if (definition.accessDenied && deps.permissions?.isDenied(action, auth.credentials))
          throw definition.accessDenied(accessDeniedMessage(action, auth.credentials))
      }
      if (fault?.kind === 'throttle') throw definition.throttleError()
      if (fault?.kind === 'error') throw definition.internalError()

      const reply = await definition.handle(operation, ctx)
      status = reply.status
      if (fault?.kind === 'commit-then-drop') {
        // The operation took effect; the client never hears about it.
        if (reply.body instanceof Readable) reply.body.destroy()
        await drain(req)
        req.socket.destroy()
        return
      }
      await send(res, reply)
    } catch (caught) {
      const error =
        caught instanceof ServiceError
          ? caught
          : (console.error(`[stand-in ${definition.name}] ${operation}:`, caught), definition.internalError())
      status = error.status
      errorCode = error.code
      await drain(req)
      // An error answer is lost as a success would be: the request was handled, the client hears nothing.
      if (faultKind === 'commit-then-drop') req.socket.destroy()
      else if (!res.headersSent) await send(res, definition.renderError(error, ctx, operation))
      else res.destroy()
    } finally {
      deps.log.add({
        service: definition.name,
        operation,
        accessKeyId: accessKeyOf(req),
        status,
        errorCode,
        body: ctx.logBody ?? (ctx.body && ctx.body.length > 0 ? ctx.body.toString('utf8') : undefined),
        path: req.url ?? '/',
        method: req.method ?? 'GET',
        headers: flatHeaders(req),
        fault: faultKind,
        at: new Date()
      })
    }
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error) => {
      console.error(`[stand-in ${definition.name}] unhandled:`, error)
      res.destroy()
    })
  })
  // The SDK keeps connections alive; a server closing must not wait for them.
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    name: definition.name,
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
