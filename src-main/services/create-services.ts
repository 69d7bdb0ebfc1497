// Builds the services once for whichever host runs them (Electron main, `frontier serve`, tests).
import { join } from 'node:path'
import { DatasetService } from './dataset-service'
import { EventBus } from './event-bus'
import { GpuMonitor } from './gpu-monitor'
import { StudyService } from './study-service'
import type { WorkerHost } from '../worker/worker-host'
import type { Services } from './api-handlers'

export interface ServiceHost {
  services: Services
  events: EventBus
}

export async function createServices(opts: {
  dataDir: string
  demoDir: string
  version: string
  /** Where trials run: Electron's utilityProcess in the app; Node child processes by default. */
  workerHost?: () => WorkerHost
}): Promise<ServiceHost> {
  const events = new EventBus()
  const datasets = new DatasetService({
    dataDir: opts.dataDir,
    demoDir: opts.demoDir,
    onProgress: (progress) => events.emit('datasets:progress', progress),
    onChanged: (ids) => events.emit('datasets:changed', { ids }),
  })
  await datasets.init()
  // Idle until a view asks for updates (system:monitor), so a headless serve costs nothing.
  const monitor = new GpuMonitor((sample) => events.emit('system:update', sample))
  // The same folder `frontier run` writes to by default, so the app sees the CLI's studies.
  const studies = new StudyService({
    studiesDir: join(opts.dataDir, 'studies'),
    datasets,
    workerHost: opts.workerHost,
    emit: (event, payload) => events.emit(event, payload),
  })
  return {
    services: {
      info: { version: opts.version, dataDir: opts.dataDir },
      datasets,
      monitor,
      studies,
    },
    events,
  }
}
