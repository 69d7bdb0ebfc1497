// Where studies live under a studies folder, the same for the app, `frontier serve` and the CLI:
// <dir>/<MODEL>_<DATASET>/study_<MODEL>_<DATASET>_<JOBID>.json, its run file beside it, its
// artifacts folder, and the exports of that job. A study's id is its file's path under the
// folder with forward slashes; an id never leads out of the folder.

import { readdir } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { StudyId } from '@shared/study-views'
import { ServiceError } from './service-error'

/** The study file's path: <dir>/<MODEL>_<DATASET>/study_<MODEL>_<DATASET>_<JOBID>.json */
export function studyPathFor(dir: string, model: string, dataset: string, jobId: string): string {
  const folder = `${model}_${dataset}`
  return join(dir, folder, `study_${folder}_${jobId}.json`)
}

/** A name as it may appear in file names (dataset labels, job ids): letters, digits, _ . - */
export function fileNamePart(text: string): string {
  return text.trim().replace(/[^A-Za-z0-9_.-]+/g, '_')
}

/** Study files under dir: JSON files that are not run files or exports, outside artifacts folders. */
export async function studyFileCandidates(dir: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return []
  }
  const out: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!entry.name.endsWith('.artifacts')) out.push(...(await studyFileCandidates(path)))
    } else if (
      entry.name.endsWith('.json') &&
      !entry.name.endsWith('.run.json') &&
      !entry.name.startsWith('best_params_')
    )
      out.push(path)
  }
  return out
}

/** Whether a study file of that job id exists (any model, any dataset): the id names exports too. */
export async function jobIdTaken(dir: string, jobId: string): Promise<boolean> {
  const suffix = `_${jobId}.json`
  return (await studyFileCandidates(dir)).some((f) => {
    const name = basename(f)
    return name.startsWith('study_') && name.endsWith(suffix)
  })
}

export class StudyPaths {
  readonly dir: string

  constructor(dir: string) {
    this.dir = resolve(dir)
  }

  idOf(path: string): StudyId {
    return relative(this.dir, resolve(path)).split(sep).join('/')
  }

  /** The file an id names; refuses ids that would leave the studies folder. */
  pathOf(id: StudyId): string {
    const path = resolve(this.dir, ...id.split('/'))
    const inside = relative(this.dir, path)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || !id.endsWith('.json'))
      throw new ServiceError('NOT_FOUND', `There is no study ${id}.`)
    return path
  }
}
