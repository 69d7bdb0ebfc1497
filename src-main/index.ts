// Electron entry: app lifecycle only; the window, IPC and services live in their own files.
import { app, session } from 'electron'
import { join } from 'node:path'
import { createServices } from './services/create-services'
import { defaultDataDir } from './paths'
import { registerIpc } from './app/ipc'
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
  })
  registerIpc(host)
  createMainWindow()
  app.on('activate', () => createMainWindow())
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

start().catch((error: unknown) => {
  console.error(error)
  app.exit(1)
})
