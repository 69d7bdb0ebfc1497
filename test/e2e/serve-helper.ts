// Shared set-up of the browser-mode e2e tests: `frontier serve` on a free port with a given data
// folder, and Debian's Chromium launched headless by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export const root = resolve(import.meta.dirname, '../..')
export const artifacts = join(root, 'test-results')
const chromiumPath = process.env.FRONTIER_CHROMIUM ?? '/usr/bin/chromium'

/** Throws when the UI is not built or Chromium is missing, saying what to do. */
export function checkPrerequisites(): void {
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

export function launchChromium(): Promise<Browser> {
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
