// `--data` names a dataset the way a user remembers it: a bundled demo (demo:heat), a CSV on
// disk, or a dataset imported in the app — by its id, the first characters of its id, or its
// name — so a study set up by clicking can be rerun on a cluster node with the same roles and
// split. A path that exists wins over a dataset of the same name.

import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DatasetRecord } from '../engine/data/types'
import { DatasetRegistry } from '../services/dataset-registry'
import { dataSource } from './data-options'

export type DataLocation =
  | { kind: 'file'; path: string; label: string }
  | { kind: 'dataset'; path: string; label: string; record: DatasetRecord }
  | { kind: 'missing'; code: 'FILE_UNREADABLE' | 'DATASET_AMBIGUOUS'; message: string }

/** Shortest id prefix accepted, so that a typo does not pick some dataset by chance. */
const MIN_PREFIX = 6

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
}

/** A dataset's name as it appears in study file names (heat, district_heat, …). */
export function datasetLabel(name: string): string {
  return name.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '_') || 'dataset'
}

/** Where `--data` points: demo, file, or a dataset of the app's registry under dataDir. */
export async function locateData(data: string, dataDir: string): Promise<DataLocation> {
  if (data.startsWith('demo:')) return { kind: 'file', ...dataSource(data) }
  const file = dataSource(data)
  if (await isFile(file.path)) return { kind: 'file', ...file }
  const registry = new DatasetRegistry(join(dataDir, 'datasets'))
  const summaries = await registry.list().catch(() => [])
  const wanted = data.toLowerCase()
  const byId = summaries.filter(
    (s) => s.id === wanted || (wanted.length >= MIN_PREFIX && s.id.startsWith(wanted)),
  )
  const exact = summaries.filter((s) => s.name === data)
  const named = exact.length > 0 ? exact : summaries.filter((s) => s.name.toLowerCase() === wanted)
  const matches = byId.length > 0 ? byId : named
  if (matches.length === 1) {
    const record = await registry.get(matches[0].id)
    return {
      kind: 'dataset',
      path: registry.sourcePath(record.id),
      label: datasetLabel(record.name),
      record,
    }
  }
  if (matches.length > 1)
    return {
      kind: 'missing',
      code: 'DATASET_AMBIGUOUS',
      message: `${matches.length} datasets match "${data}": ${matches.map((m) => `${m.id.slice(0, 12)} (${m.name}, imported ${m.importedAt.slice(0, 10)})`).join(', ')}. Name one by its id.`,
    }
  const known =
    summaries.length === 0
      ? `no dataset is imported in ${dataDir}`
      : `the imported datasets are ${summaries.map((s) => `"${s.name}" (${s.id.slice(0, 12)})`).join(', ')}`
  return {
    kind: 'missing',
    code: 'FILE_UNREADABLE',
    message: `"${data}" is neither a readable file, demo:heat / demo:water, nor a dataset id or name (${known}).`,
  }
}
