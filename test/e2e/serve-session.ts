// `frontier serve` on a free port with a fresh data folder, Debian's Chromium on it, and one-off
// API requests over the page's WebSocket: what an e2e flow needs before it clicks anything.
// Needs the UI built into out/renderer (`npx electron-vite build`) and Chromium at
// /usr/bin/chromium (or $FRONTIER_CHROMIUM).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import WebSocket from 'ws'
import { WS_PATH, type Envelope, type WsServerMessage } from '@shared/contract'

export const root = resolve(import.meta.dirname, '../..')
export const artifacts = join(root, 'test-results')
const chromiumPath = process.env.FRONTIER_CHROMIUM ?? '/usr/bin/chromium'

export interface ServeSession {
  url: string
  dataDir: string
  page: Page
  /** Stops `frontier serve` (SIGTERM, as a user's Ctrl-C) and starts it again on the same data folder; resolves with the new URL. */
  restart: () => Promise<string>
  close: () => Promise<void>
}

export interface ServeSessionOptions {
  /** The page's height in pixels (1440 wide): what the flow's screenshots show. */
  viewportHeight?: number
  /** Fills the fresh data folder before `frontier serve` starts on it. */
  prepare?: (dataDir: string) => void | Promise<void>
}

export async function openServeSession(options: ServeSessionOptions = {}): Promise<ServeSession> {
  checkPrerequisites()
  const dataDir = await mkdtemp(join(tmpdir(), 'frontier-e2e-'))
  let child: ChildProcess | null = null
  let browser: Browser | null = null
  const close = async () => {
    await browser?.close()
    await stopServe(child)
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    await options.prepare?.(dataDir)
    const started = await startServe(dataDir)
    child = started.child
    browser = await launchChromium()
    const page = await browser.newPage({
      viewport: { width: 1440, height: options.viewportHeight ?? 1300 },
    })
    const restart = async () => {
      await stopServe(child)
      const again = await startServe(dataDir)
      child = again.child
      return again.url
    }
    return { url: started.url, dataDir, page, restart, close }
  } catch (error) {
    // A failed start leaves no server, browser or folder behind.
    await close()
    throw error
  }
}

/** Throws when the UI is not built or Chromium is missing, saying what to do. */
function checkPrerequisites(): void {
  if (!existsSync(join(root, 'out/renderer/index.html')))
    throw new Error('The UI is not built: run `npx electron-vite build` first.')
  if (!existsSync(chromiumPath))
    throw new Error(
      `No Chromium at ${chromiumPath} (apt-get install chromium, or set FRONTIER_CHROMIUM).`,
    )
}

/** Starts `frontier serve` and resolves with the URL it prints. */
export function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
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

export async function stopServe(server: ChildProcess | null): Promise<void> {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((ok) => server.once('exit', ok))
  server.kill('SIGTERM')
  await exited
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
