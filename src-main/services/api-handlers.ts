// The handler of every channel of the contract. The mapped type makes a missing handler a
// compile error; a unit test checks the same at run time.
import type { AppInfo } from '@shared/contract'
import type { Handlers } from './api-dispatch'
import type { DatasetService } from './dataset-service'
import type { GpuMonitor } from './gpu-monitor'
import type { StudyService } from './study-service'

export interface Services {
  info: Omit<AppInfo, 'transport'>
  datasets: DatasetService
  monitor: GpuMonitor
  studies: StudyService
}

export function createHandlers(services: Services, transport: AppInfo['transport']): Handlers {
  const { datasets } = services
  return {
    'app:info': async () => ({ ...services.info, transport }),
    'uploads:begin': async ({ fileName, size }) => ({
      uploadId: await datasets.uploads.begin(fileName, size),
    }),
    'uploads:chunk': async ({ uploadId, offset, data }) => ({
      received: await datasets.uploads.chunk(uploadId, offset, Buffer.from(data, 'base64')),
    }),
    'datasets:import': ({ uploadId, name, options }) =>
      datasets.importUpload(uploadId, name, options),
    'datasets:importDemo': ({ demo }) => datasets.importDemo(demo),
    'datasets:list': () => datasets.list(),
    'datasets:get': ({ id }) => datasets.get(id),
    'datasets:rename': ({ id, name }) => datasets.rename(id, name),
    'datasets:remove': async ({ id }) => ({ removed: await datasets.remove(id) }),
    'datasets:renameColumn': ({ id, from, to }) => datasets.renameColumn(id, from, to),
    'datasets:preview': ({ id, offset, limit }) => datasets.preview(id, offset, limit),
    'datasets:series': ({ id, column, from, to, buckets }) =>
      datasets.buckets(id, column, buckets, from, to),
    'datasets:setRoles': ({ id, roles }) => datasets.setRoles(id, roles),
    'datasets:setSplit': ({ id, split }) => datasets.setSplit(id, split),
    'datasets:holidayCountries': async () => datasets.holidayCountries(),
    'system:sample': () => services.monitor.sample(),
    'system:monitor': async ({ intervalMs }) => {
      if (intervalMs === 0) services.monitor.stop()
      else services.monitor.start(intervalMs)
      return { intervalMs }
    },
    'studies:list': () => services.studies.list(),
    'studies:get': ({ id }) => services.studies.get(id),
    'studies:confirm': ({ id, trials }) => services.studies.confirm(id, trials),
    'studies:options': () => services.studies.options(),
    'studies:check': ({ draft }) => services.studies.check(draft),
    'studies:create': ({ draft }) => services.studies.create(draft),
    'studies:start': ({ id }) => services.studies.start(id),
    'studies:pause': ({ id }) => services.studies.pause(id),
    'studies:resume': ({ id }) => services.studies.resume(id),
    'studies:cancel': ({ id }) => services.studies.cancel(id),
    'studies:cancelTrial': ({ id, trial }) => services.studies.cancelTrial(id, trial),
    'studies:clone': ({ id, name }) => services.studies.clone(id, name),
    'studies:delete': ({ id }) => services.studies.delete(id),
    'studies:trials': ({ id, offset, limit }) => services.studies.trials(id, offset, limit),
    'studies:trial': ({ id, trial }) => services.studies.trial(id, trial),
  }
}
