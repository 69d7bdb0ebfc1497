// `frontier serve` on a free port with a fresh data folder, Debian's Chromium on it, and one-off
// API requests over the page's WebSocket: what an e2e flow needs before it clicks anything.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import WebSocket from 'ws'
import { WS_PATH, type Envelope, type WsServerMessage } from '../../src-preload/contract'

export const root = resolve(import.meta.dirname, '../..')
export const artifacts = join(root, 'test-results')
const chromiumPath = process.env.FRONTIER_CHROMIUM ?? '/usr/bin/chromium'

export interface ServeSession {
  url: string
  dataDir: string
  page: Page
  close: () => Promise<void>
}

export async function openServeSession(): Promise<ServeSession> {
  if (!existsSync(join(root, 'out/renderer/index.html'))) {
    throw new Error('The UI is not built: run `npx electron-vite build` first.')
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath} (apt-get install chromium, or set FRONTIER_CHROMIUM).`,
    )
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'frontier-e2e-'))
  const { child, url } = await startServe(dataDir)
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 1300 } })
  return {
    url,
    dataDir,
    page,
    close: async () => {
      await browser.close()
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['bin/frontier.js', 'serve', '--port', '0', '--data-dir', dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Frontier is serving at (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolvePromise({ child, url: match[1] })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}:\n${output}`))
    })
  })
}

/** One request over the API's WebSocket, as the page makes them. */
export async function apiRequest<T>(url: string, channel: string, payload: unknown): Promise<T> {
  const page = new URL(url)
  const token = page.searchParams.get('token') ?? ''
  const ws = new WebSocket(`ws://${page.host}${WS_PATH}?token=${encodeURIComponent(token)}`, {
    origin: `http://${page.host}`,
  })
  try {
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok())
      ws.once('error', fail)
    })
    const envelope = await new Promise<Envelope<T>>((ok) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as WsServerMessage
        if ('id' in message && message.id === 1) ok(message.envelope as Envelope<T>)
      })
      ws.send(JSON.stringify({ id: 1, channel, payload }))
    })
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
    return envelope.result
  } finally {
    ws.close()
  }
}
