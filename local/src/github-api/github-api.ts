// A stand-in for the part of GitHub's REST API the action uses: listing, creating
// and updating issue comments (pull requests are issues there). Loopback only;
// the action reaches it through GITHUB_API_URL, as @actions/github honours it.
// Tokens are plain strings a test hands out, each with or without write access,
// so a token lacking `pull-requests: write` is answered 403 as GitHub does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { IssueComments } from './issue-comments.js'

export interface GitHubApiRequest {
  method: string
  path: string
  /** The token the request carried; undefined when it had none. */
  token?: string
  status: number
  body?: unknown
}

export interface GitHubApiStandIn {
  /** For GITHUB_API_URL. */
  url: string
  comments: IssueComments
  requests: GitHubApiRequest[]
  /** A token that may read and write issues and pull requests. */
  writeToken: string
  /** A token that may only read (a workflow with `pull-requests: read`, or a fork's pull request). */
  readOnlyToken: string
  stop(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest/issues/comments'

export async function startGitHubApi(): Promise<GitHubApiStandIn> {
  let url = ''
  const comments = new IssueComments(() => url)
  const requests: GitHubApiRequest[] = []
  const writeToken = `ghs_standin_write_${Math.random().toString(36).slice(2)}`
  const readOnlyToken = `ghs_standin_read_${Math.random().toString(36).slice(2)}`
  const access = new Map([
    [writeToken, 'write'],
    [readOnlyToken, 'read']
  ])

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const parsedUrl = new URL(req.url ?? '/', url)
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    let body: unknown
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = text
    }
    const record: GitHubApiRequest = { method: req.method ?? 'GET', path: parsedUrl.pathname + parsedUrl.search, token, status: 0, body }
    requests.push(record)
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status
      const json = JSON.stringify(payload)
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), ...headers })
      res.end(json)
    }

    const level = token ? access.get(token) : undefined
    if (!level) return reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })

    const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(parsedUrl.pathname)
    const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(parsedUrl.pathname)
    const denied = () =>
      reply(403, { message: 'Resource not accessible by integration', documentation_url: `${DOCS}#create-an-issue-comment`, status: '403' })
    const bodyText = (body as { body?: unknown } | undefined)?.body

    if (list && req.method === 'GET') {
      const perPage = Math.min(100, Number(parsedUrl.searchParams.get('per_page') ?? 30) || 30)
      const page = Math.max(1, Number(parsedUrl.searchParams.get('page') ?? 1) || 1)
      const all = comments.list(list[1]!, Number(list[2]))
      const slice = all.slice((page - 1) * perPage, page * perPage)
      const headers: Record<string, string> = {}
      if (page * perPage < all.length) {
        const next = new URL(parsedUrl)
        next.searchParams.set('page', String(page + 1))
        next.searchParams.set('per_page', String(perPage))
        headers.link = `<${next.toString()}>; rel="next"`
      }
      return reply(200, slice, headers)
    }
    if (list && req.method === 'POST') {
      if (level !== 'write') return denied()
      if (typeof bodyText !== 'string') return reply(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', status: '422' })
      return reply(201, comments.create(list[1]!, Number(list[2]), bodyText))
    }
    if (one && req.method === 'PATCH') {
      if (level !== 'write') return denied()
      if (typeof bodyText !== 'string') return reply(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', status: '422' })
      const updated = comments.update(one[1]!, Number(one[2]), bodyText)
      return updated ? reply(200, updated) : reply(404, { message: 'Not Found', status: '404' })
    }
    return reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
  }

  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    comments,
    requests,
    writeToken,
    readOnlyToken,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
