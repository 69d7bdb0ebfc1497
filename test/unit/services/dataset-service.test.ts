import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportProgress } from '@shared/contract'
import { DataError } from '../../../src-main/engine/data/data-error'
import { DatasetService } from '../../../src-main/services/dataset-service'
import { tempDir } from '../../helpers/temp-dir'

const demoDir = join(process.cwd(), 'resources', 'datasets')
let dir: Awaited<ReturnType<typeof tempDir>>
let service: DatasetService
const progress: ImportProgress[] = []
const changed: string[][] = []

beforeAll(async () => {
  dir = await tempDir('datasets')
  service = new DatasetService({
    dataDir: dir.path,
    demoDir,
    onProgress: (p) => progress.push(p),
    onChanged: (ids) => changed.push(ids),
  })
  await service.init()
})
afterAll(() => dir.remove())

async function upload(fileName: string, bytes: Uint8Array): Promise<string> {
  const id = await service.uploads.begin(fileName, bytes.byteLength)
  const chunk = 64 * 1024
  for (let offset = 0; offset < bytes.byteLength; offset += chunk) {
    await service.uploads.chunk(id, offset, bytes.subarray(offset, offset + chunk))
  }
  return id
}

describe('DatasetService', () => {
  it('imports an uploaded file, profiles it in a worker and reports progress', async () => {
    const bytes = new Uint8Array(await readFile(join(demoDir, 'heat.csv')))
    const result = await service.importUpload(await upload('heat.csv', bytes), 'Heat')
    expect(result.existing).toBe(false)
    expect(result.dataset.name).toBe('Heat')
    expect(result.dataset.id).toMatch(/^[0-9a-f]{64}$/)
    expect(result.dataset.profile.frequencyLabel).toBe('1h')
    expect(result.dataset.splitProblem).toBeNull()
    expect(new Set(progress.map((p) => p.phase))).toEqual(
      new Set(['read', 'parse', 'profile', 'store']),
    )
    expect(changed).toContainEqual([result.dataset.id])
    expect((await service.list()).map((d) => d.id)).toEqual([result.dataset.id])
  })

  it('recognises the same bytes imported again and stores nothing new', async () => {
    const again = await service.importDemo('heat')
    expect(again.existing).toBe(true)
    expect(await service.list()).toHaveLength(1)
  })

  it('refuses an unusable split and keeps the stored one', async () => {
    const [summary] = await service.list()
    await expect(
      service.setSplit(summary.id, { kind: 'fractions', train: 0.998, val: 0.001, test: 0.001 }),
    ).rejects.toMatchObject({ code: 'SPLIT_TOO_SHORT' })
    const record = await service.setSplit(summary.id, {
      kind: 'fractions',
      train: 0.6,
      val: 0.25,
      test: 0.15,
    })
    expect(record.resolvedSplit.trainEnd).toBe(Math.round(record.resolvedSplit.length * 0.6))
    expect((await service.get(summary.id)).split).toEqual(record.split)
  })

  it('stores a training start and a constant-run exclusion with the split, refusing bad ones', async () => {
    const [summary] = await service.list()
    const trainStart = Date.parse('2022-01-01T00:00:00Z')
    const split = {
      kind: 'fractions' as const,
      train: 0.7,
      val: 0.2,
      test: 0.1,
      trainStart,
      excludeConstantHours: 48,
    }
    const record = await service.setSplit(summary.id, split)
    expect(record.resolvedSplit.trainStartTime).toBe(trainStart)
    expect(record.resolvedSplit.trainStart).toBe((trainStart - record.profile.start) / 3_600_000)
    expect((await service.get(summary.id)).split).toEqual(split)
    // After the training end: refused, the stored split stays.
    await expect(
      service.setSplit(summary.id, { ...split, trainStart: record.resolvedSplit.valEndTime }),
    ).rejects.toMatchObject({ code: 'INVALID_SPLIT' })
    expect((await service.get(summary.id)).split).toEqual(split)
  })

  it('serves preview pages and per-pixel buckets of a column', async () => {
    const [summary] = await service.list()
    const page = await service.preview(summary.id, 10, 5)
    expect(page.rows).toHaveLength(5)
    expect(page.columns[0]).toBe('heat_mw')
    expect(page.rows[0][0]).toBe('2021-01-01T10:00:00.000Z')
    const overview = await service.buckets(summary.id, 'heat_mw', 800)
    expect(overview.t.length).toBeLessThanOrEqual(800)
    // The demo has a 27-hour blank run from 2022-02-17T13:00Z: at one bucket per hour it is a gap.
    const from = Date.parse('2022-02-16T00:00:00Z')
    const week = await service.buckets(summary.id, 'heat_mw', 168, from, from + 167 * 3_600_000)
    expect(week.min.filter((v) => v === null)).toHaveLength(27)
    await expect(service.buckets(summary.id, 'nope', 10)).rejects.toMatchObject({
      code: 'UNKNOWN_COLUMN',
    })
  })

  it('rejects bad files with a DataError and leaves nothing behind', async () => {
    const id = await upload(
      'bad.csv',
      new TextEncoder().encode('time,value\nyesterday,1\ntoday,2\n'),
    )
    const error = await service.importUpload(id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataError)
    expect(await service.list()).toHaveLength(1)
    expect(await readdir(join(dir.path, 'uploads'))).toEqual([])
  })

  it('renames, validates roles and removes', async () => {
    const [summary] = await service.list()
    expect((await service.rename(summary.id, 'District heat')).name).toBe('District heat')
    // A second dataset may not take that name, in any case; the first may change its own case.
    const water = (await service.importDemo('water')).dataset
    await expect(service.rename(water.id, 'district HEAT')).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      message: expect.stringContaining('“District heat”'),
    })
    expect((await service.get(water.id)).name).toBe('Demo: water demand')
    expect((await service.rename(summary.id, 'District Heat')).name).toBe('District Heat')
    expect(await service.remove(water.id)).toBe(true)
    const record = await service.get(summary.id)
    await expect(
      service.setRoles(summary.id, { ...record.roles, pastCovariates: ['missing_col'] }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_COLUMN' })
    await expect(
      service.setRoles(summary.id, {
        ...record.roles,
        pastCovariates: ['outdoor_temp_c'],
        futureCovariates: ['outdoor_temp_c'],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ROLES' })
    expect(await service.remove(summary.id)).toBe(true)
    expect(await service.list()).toEqual([])
    expect(await service.remove(summary.id)).toBe(false)
  })

  it('names columns of a pandas export after the file, and renames them for good', async () => {
    const fixture = join(process.cwd(), 'test', 'fixtures', 'csv-pandas', 'frame_int_columns.csv')
    const bytes = new Uint8Array(await readFile(fixture))
    const { dataset } = await service.importUpload(await upload('frame_int_columns.csv', bytes))
    const id = dataset.id
    expect(dataset.profile.timestampColumn).toBe('time')
    expect(dataset.profile.numericColumns).toEqual(['frame_int_columns 0', 'frame_int_columns 1'])
    expect(dataset.roles.target).toBe('frame_int_columns 0')
    // the default roles: the target alone; make the other column a covariate to follow it
    expect(dataset.roles.pastCovariates).toEqual([])
    await service.setRoles(id, { ...dataset.roles, pastCovariates: ['frame_int_columns 1'] })

    const renamed = await service.renameColumn(id, 'frame_int_columns 0', '  heat  ')
    expect(renamed.profile.numericColumns).toEqual(['heat', 'frame_int_columns 1'])
    expect(renamed.profile.stats.map((s) => s.name)).toEqual(['heat', 'frame_int_columns 1'])
    expect(renamed.profile.gaps.map((g) => g.column)).toContain('heat')
    expect(renamed.profile.renamedColumns).toContainEqual({
      name: 'heat',
      header: '0',
      why: 'user',
    })
    expect(renamed.roles.target).toBe('heat')
    expect(renamed.parseOptions.columnNames).toEqual({ 'frame_int_columns 0': 'heat' })
    // Renamed twice, the choice stays keyed by the name import gave.
    await service.renameColumn(id, 'frame_int_columns 1', 'second')
    const twice = await service.renameColumn(id, 'second', 'flow')
    expect(twice.roles.pastCovariates).toEqual(['flow'])
    expect(twice.parseOptions.columnNames).toEqual({
      'frame_int_columns 0': 'heat',
      'frame_int_columns 1': 'flow',
    })
    expect((await service.preview(id, 0, 1)).columns).toEqual(['heat', 'flow'])
    expect((await service.buckets(id, 'flow', 10)).column).toBe('flow')

    // A fresh service has no cached series: it reads the stored file and gets the same names.
    const fresh = new DatasetService({ dataDir: dir.path, demoDir })
    await fresh.init()
    expect((await fresh.preview(id, 0, 1)).columns).toEqual(['heat', 'flow'])
    expect((await fresh.get(id)).roles.target).toBe('heat')

    for (const [to, code] of [
      ['flow', 'INVALID_COLUMN_NAME'],
      ['FLOW', 'INVALID_COLUMN_NAME'],
      ['time', 'INVALID_COLUMN_NAME'],
      ['weekday', 'INVALID_COLUMN_NAME'],
      ['   ', 'INVALID_COLUMN_NAME'],
    ]) {
      await expect(service.renameColumn(id, 'heat', to)).rejects.toMatchObject({ code })
    }
    await expect(service.renameColumn(id, 'frame_int_columns 0', 'x')).rejects.toMatchObject({
      code: 'UNKNOWN_COLUMN',
    })
    // Back to the import's name: nothing is left to remember.
    await service.renameColumn(id, 'heat', 'frame_int_columns 0')
    const back = await service.renameColumn(id, 'flow', 'frame_int_columns 1')
    expect(back.parseOptions.columnNames).toBeUndefined()
    expect(back.roles.pastCovariates).toEqual(['frame_int_columns 1'])
    expect(await service.remove(id)).toBe(true)
  })

  it('cleans an import that a crash left without its record', async () => {
    const orphan = join(dir.path, 'datasets', 'f'.repeat(64))
    await mkdir(orphan, { recursive: true })
    await writeFile(join(orphan, 'source.csv'), 'half')
    const fresh = new DatasetService({ dataDir: dir.path, demoDir })
    await fresh.init()
    expect(await readdir(join(dir.path, 'datasets'))).toEqual([])
  })
})
