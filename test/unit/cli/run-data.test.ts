// `--data` naming a dataset imported in the app: found by name, id or id prefix, trained with the
// roles and split the user chose in the Datasets view, the command's options laid over them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { DataError } from '../../../src-main/engine/data/data-error'
import type { DatasetRecord, Roles } from '../../../src-main/engine/data/types'
import { isRefusal, resolveRunData, type RunData } from '../../../src-main/cli/run-data'
import { DatasetService } from '../../../src-main/services/dataset-service'
import { frontier } from '../../helpers/tiny-study'
import { tempDir } from '../../helpers/temp-dir'

const demoDir = join(process.cwd(), 'resources', 'datasets')
const calendarOff = { hour: false, weekday: false, month: false, weekend: false, holidays: null }
/** Not what an import chooses: another target, one covariate of two left out, calendar off. */
const chosen: Roles = {
  target: 'outdoor_temp_c',
  pastCovariates: ['water_m3h'],
  futureCovariates: [],
  calendar: calendarOff,
}
const split = {
  kind: 'dates' as const,
  trainEnd: Date.UTC(2022, 3, 1),
  valEnd: Date.UTC(2022, 4, 1),
}

let dir: Awaited<ReturnType<typeof tempDir>>
let record: DatasetRecord

beforeAll(async () => {
  dir = await tempDir('run-data')
  const datasets = new DatasetService({ dataDir: dir.path, demoDir })
  await datasets.init()
  const { dataset } = await datasets.importDemo('water')
  await datasets.rename(dataset.id, 'water')
  await datasets.setRoles(dataset.id, chosen)
  record = await datasets.setSplit(dataset.id, split)
})
afterAll(() => dir.remove())

async function resolved(data: string, choices = {}): Promise<RunData> {
  const r = await resolveRunData(data, choices, dir.path)
  if (isRefusal(r)) throw new Error(`${r.code}: ${r.message}`)
  return r
}

describe('resolveRunData', () => {
  it('finds an imported dataset by name, id and id prefix, with its roles, split and file', async () => {
    for (const name of ['water', 'Water', record.id, record.id.slice(0, 8)]) {
      const data = await resolved(name)
      expect(data.datasetId).toBe(record.id)
      expect(data.hash).toBe(record.id)
      expect(data.roles).toEqual(chosen)
      expect(data.split).toEqual(split)
      expect(data.path).toBe(join(dir.path, 'datasets', record.id, 'source.csv'))
      expect(data.label).toBe('water')
    }
  })

  it('lays the options over the dataset’s choices: a new target leaves the covariates', async () => {
    const data = await resolved('water', {
      target: 'water_m3h',
      calendar: { ...calendarOff, hour: true },
      split: { trainStart: Date.UTC(2022, 0, 15) },
    })
    expect(data.roles).toEqual({
      target: 'water_m3h',
      pastCovariates: [],
      futureCovariates: [],
      calendar: { ...calendarOff, hour: true },
    })
    expect(data.split).toEqual({ ...split, trainStart: Date.UTC(2022, 0, 15) })
  })

  it('reads a plain file with the default roles, and checks roles named by options', async () => {
    const file = await resolved(join(demoDir, 'water.csv'))
    expect(file.datasetId).toBeNull()
    expect(file.roles.target).toBe('water_m3h')
    expect(file.split).toBeUndefined()
    const both = await resolved('demo:water', { pastCovariates: ['rain_mm', 'outdoor_temp_c'] })
    expect(both.roles.pastCovariates).toEqual(['rain_mm', 'outdoor_temp_c'])
    await expect(resolveRunData('demo:water', { target: 'flow' }, dir.path)).rejects.toThrow(
      DataError,
    )
    await expect(
      resolveRunData('demo:water', { pastCovariates: ['rain'] }, dir.path),
    ).rejects.toThrow(/No numeric column is named "rain" \(the numeric columns: "water_m3h"/)
  })

  it('says what there is when nothing matches, and refuses a prefix that is too short', async () => {
    for (const name of ['waters', record.id.slice(0, 4)]) {
      const r = await resolveRunData(name, {}, dir.path)
      expect(isRefusal(r) && r.code).toBe('FILE_UNREADABLE')
      expect(isRefusal(r) && r.message).toContain(`"water" (${record.id.slice(0, 12)})`)
    }
  })
})

describe('frontier trial --data <dataset name>', () => {
  it('trains on the columns the dataset’s roles name, in that order', () => {
    const r = frontier(
      ...['trial', '--data', 'water', '--data-dir', dir.path, '--json', '--ep', 'cpu'],
      ...['--epochs', '1', '--origins', '2'],
      '--params',
      JSON.stringify({ num_stacks: 1, num_blocks: 1, num_layers: 1, layer_widths: 8 }),
    )
    expect(r.stderr).not.toMatch(/error/)
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { columns: string[] }
    expect(out.columns).toEqual(['outdoor_temp_c', 'water_m3h'])
  })
})
