// The main window and the hardening every web contents gets (Electron's security checklist):
// isolated, sandboxed, no Node in the page, a CSP, no new windows, no navigation away.
import { BrowserWindow, shell, type Session, type WebContents } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ActionId } from '@shared/app-actions'

const here = fileURLToPath(new URL('.', import.meta.url))

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Frontier',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (devUrl) void window.loadURL(devUrl)
  else void window.loadFile(join(here, '../renderer/index.html'))
  return window
}

/** Brings a hidden, minimised or covered window to the front. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** Asks the page to run one of its commands (a menu item was chosen). */
export function sendAction(window: BrowserWindow, id: ActionId): void {
  revealWindow(window)
  const contents = window.webContents
  // A menu click reaches the page without the user activation a file picker asks for; running a
  // no-op as a user gesture first lends the page one. Should that fail, the command still goes.
  void contents
    .executeJavaScript('0', true)
    .catch(() => undefined)
    .then(() => contents.send('app:action', { id }))
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] },
    })
  })
}

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    const dev = process.env.ELECTRON_RENDERER_URL
    if (!(dev && url.startsWith(dev))) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
