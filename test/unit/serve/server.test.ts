import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { WsServerMessage } from '@shared/contract'
import { createServices } from '../../../src-main/services/create-services'
import { startServer, type RunningServer } from '../../../src-main/serve/server'
import { tempDir } from '../../helpers/temp-dir'

let dir: Awaited<ReturnType<typeof tempDir>>
let server: RunningServer

beforeAll(async () => {
  dir = await tempDir('serve')
  const rendererDir = join(dir.path, 'renderer')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Frontier</title>')
  await writeFile(join(dir.path, 'secret.txt'), 'outside the root')
  const host = await createServices({
    dataDir: join(dir.path, 'data'),
    demoDir: join(process.cwd(), 'resources', 'datasets'),
    version: '0.0.0-test',
  })
  server = await startServer({ port: 0, rendererDir, host })
})
afterAll(async () => {
  await server.close()
  await dir.remove()
})

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

function connect(headers: Record<string, string>, token = server.token): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${token}`, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

describe('frontier serve', () => {
  it('prints a 127.0.0.1 URL that carries a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/)
  })

  it('answers 401 without the token and serves the UI with it', async () => {
    expect((await get('/')).status).toBe(401)
    expect((await get('/?token=wrong')).status).toBe(401)
    const ok = await get(`/?token=${server.token}`)
    expect(ok.status).toBe(200)
    expect(ok.body).toContain('<title>Frontier</title>')
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('accepts the cookie it set, so the page can load its assets', async () => {
    const res = await get('/index.html', { cookie: `frontier_token=${server.token}` })
    expect(res.status).toBe(200)
  })

  it('refuses a foreign Host (DNS rebinding) and paths outside the UI folder', async () => {
    expect((await get(`/?token=${server.token}`, { host: 'evil.example:80' })).status).toBe(403)
    expect((await get(`/..%2Fsecret.txt?token=${server.token}`)).status).toBe(404)
  })

  it('refuses WebSocket connections from foreign origins or without the token', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/403/)
    await expect(connect({ origin: `http://127.0.0.1:${server.port}` }, 'nope')).rejects.toThrow(
      /401/,
    )
  })

  it('carries requests and events over the WebSocket', async () => {
    const ws = await connect({ origin: `http://127.0.0.1:${server.port}` })
    const messages: WsServerMessage[] = []
    ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as WsServerMessage))
    ws.send(JSON.stringify({ id: 7, channel: 'app:info', payload: {} }))
    ws.send(JSON.stringify({ id: 8, channel: 'datasets:get', payload: { id: 'nope' } }))
    await expect.poll(() => messages.length).toBe(2)
    const byId = new Map(messages.map((m) => ['id' in m ? m.id : -1, m]))
    expect(byId.get(7)).toEqual({
      id: 7,
      envelope: { ok: true, result: expect.objectContaining({ transport: 'websocket' }) },
    })
    expect(byId.get(8)).toEqual({
      id: 8,
      envelope: { ok: false, error: expect.objectContaining({ code: 'INVALID_REQUEST' }) },
    })
    ws.close()
  })
})
