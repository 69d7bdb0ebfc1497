// Electron entry: app lifecycle only; the window, IPC and services live in their own files.
import { app, session } from 'electron'
import { join } from 'node:path'
import { createServices } from './services/create-services'
import type { StudyService } from './services/study-service'
import { defaultDataDir } from './paths'
import { registerIpc } from './app/ipc'
import { UtilityWorkerHost } from './app/utility-worker-host'
import { createMainWindow, hardenSession, hardenWebContents } from './app/window'

// One data folder for the app, the CLI and `frontier serve`.
app.setPath('userData', defaultDataDir())
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))

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
  createMainWindow()
  app.on('activate', () => createMainWindow())
}

/**
 * Quitting stops the running studies cleanly first (trials interrupted and queued again, files
 * closed), so they resume on the next start. The window's close prompt (asking whether to stop
 * them) builds on the same two calls: studies.liveIds() and studies.stopAll().
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

start().catch((error: unknown) => {
  console.error(error)
  app.exit(1)
})
