// Electron entry: app lifecycle only; the window, menu, close prompt, IPC and services live in
// their own files.
import { app, session, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { createServices } from './services/create-services'
import type { StudyService } from './services/study-service'
import { defaultDataDir } from './paths'
import { guardClose, type CloseGuard } from './app/close-guard'
import { registerIpc } from './app/ipc'
import { installMenu } from './app/menu'
import { UtilityWorkerHost } from './app/utility-worker-host'
import {
  createMainWindow,
  hardenSession,
  hardenWebContents,
  revealWindow,
  sendAction,
} from './app/window'

// One data folder for the app, the CLI and `frontier serve`.
app.setPath('userData', defaultDataDir())
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))

// One app per data folder: a second launch brings this one's window back (also the way back to
// a window hidden while studies run in the background) and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start().catch((error: unknown) => {
    console.error(error)
    app.exit(1)
  })
}

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession(session.defaultSession)
  const resources = app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources')
  const host = await createServices({
    dataDir: app.getPath('userData'),
    demoDir: join(resources, 'datasets'),
    version: app.getVersion(),
    // Trials run in Electron utility processes, crash-isolated from the app.
    workerHost: () => new UtilityWorkerHost(),
  })
  registerIpc(host)
  stopStudiesBeforeQuit(host.services.studies)

  let main: { window: BrowserWindow; guard: CloseGuard } | null = null
  const openMain = (): BrowserWindow => {
    if (main && !main.window.isDestroyed()) {
      main.guard.shown()
      revealWindow(main.window)
      return main.window
    }
    const window = createMainWindow()
    main = { window, guard: guardClose(window, host.services.studies, host.events) }
    window.once('closed', () => {
      main = null
    })
    return window
  }

  installMenu({
    platform: process.platform,
    dev: !app.isPackaged,
    run: (id) => sendAction(openMain(), id),
    openReadme: () => {
      const readme = app.isPackaged
        ? join(process.resourcesPath, 'README.md')
        : join(app.getAppPath(), 'README.md')
      void shell.openPath(readme)
    },
  })
  openMain()
  app.on('activate', () => openMain())
  app.on('second-instance', () => openMain())
}

/**
 * Quitting stops the running studies cleanly first (trials interrupted and queued again, files
 * closed), so they resume on the next start. Closing the window asks instead (close-guard.ts).
 */
function stopStudiesBeforeQuit(studies: StudyService): void {
  let stopping = false
  app.on('before-quit', (event) => {
    if (stopping || studies.liveIds().length === 0) return
    event.preventDefault()
    stopping = true
    void studies.stopAll().finally(() => app.quit())
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
