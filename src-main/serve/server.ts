// `frontier serve`: the renderer over HTTP and the API over a WebSocket, on 127.0.0.1 only,
// behind a random token. Same services, same contract as the Electron app.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { WS_PATH } from '@shared/contract'
import { createHandlers } from '../services/api-handlers'
import type { ServiceHost } from '../services/create-services'
import { hostAllowed, originAllowed, presentedToken, tokenCookie, tokenMatches } from './auth'
import { staticFile } from './static-files'
import { attachWsTransport } from './ws-transport'

export interface ServeOptions {
  port: number
  rendererDir: string
  host: ServiceHost
  /** Fixed token for tests; random otherwise. */
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

// The page's own meta CSP cannot say frame-ancestors; the header does, and adds nothing else
// the meta would not already allow.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'"

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const handlers = createHandlers(options.host.services, 'websocket')
  let port = options.port

  const server = createServer((req, res) => {
    void respond(req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) send(res, 500, 'Internal error')
    })
  })

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return send(res, 403, 'Forbidden host')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    const presented = presentedToken(req)
    if (!tokenMatches(presented, token)) {
      return send(
        res,
        401,
        'Unauthorized: open the URL that `frontier serve` printed, token included.',
      )
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    const file = await staticFile(options.rendererDir, url.pathname)
    if (!file) return send(res, 404, 'Not found')
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Set-Cookie': tokenCookie(token),
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 << 20 })
  const detach = attachWsTransport(wss, handlers, options.host.events)
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    if (url.pathname !== WS_PATH) return refuse('404 Not Found')
    if (!hostAllowed(req, port) || !originAllowed(req, port)) return refuse('403 Forbidden')
    if (!tokenMatches(presentedToken(req), token)) return refuse('401 Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      detach()
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
