// Every malformed fixture, imported the way the app imports (staged upload → parse worker →
// registry), fails with its code, stores nothing, and leaves the service working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ParseOptions } from '../../../src-main/engine/data/types'
import { DatasetService } from '../../../src-main/services/dataset-service'
import { LONG_LINE_FILE, makeLongLine } from '../../fixtures/csv-bad/make-large'
import { tempDir } from '../../helpers/temp-dir'

const fixtures = join(process.cwd(), 'test', 'fixtures', 'csv-bad')
const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<
  string,
  { code: string }
>
let dir: Awaited<ReturnType<typeof tempDir>>
let service: DatasetService

beforeAll(async () => {
  dir = await tempDir('bad-imports')
  service = new DatasetService({
    dataDir: dir.path,
    demoDir: join(process.cwd(), 'resources', 'datasets'),
  })
  await service.init()
})
afterAll(() => dir.remove())

function bytesOf(name: string): Uint8Array {
  if (name === LONG_LINE_FILE) return makeLongLine()
  return new Uint8Array(readFileSync(join(fixtures, name)))
}

function optionsOf(name: string): ParseOptions {
  const sidecar = join(fixtures, name.replace(/\.[^.]+$/, '.options.json'))
  return existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as ParseOptions) : {}
}

describe('importing malformed files through the service', () => {
  it('refuses each with its code and keeps the registry empty', async () => {
    const outcomes: Record<string, string> = {}
    for (const name of Object.keys(expected)) {
      const bytes = bytesOf(name)
      const uploadId = await service.uploads.begin(name, bytes.byteLength)
      await service.uploads.chunk(uploadId, 0, bytes)
      const error = await service.importUpload(uploadId, undefined, optionsOf(name)).then(
        () => ({ code: 'IMPORTED' }),
        (e: { code?: string }) => e,
      )
      outcomes[name] = error.code ?? 'NO_CODE'
    }
    expect(outcomes).toEqual(
      Object.fromEntries(Object.entries(expected).map(([n, e]) => [n, e.code])),
    )
    expect(await service.list()).toEqual([])
    expect(await readdir(join(dir.path, 'datasets'))).toEqual([])
    expect(await readdir(join(dir.path, 'uploads'))).toEqual([])
  })

  it('still imports a good file afterwards', async () => {
    const result = await service.importDemo('water')
    expect(result.dataset.profile.frequencyLabel).toBe('1h')
  })
})
