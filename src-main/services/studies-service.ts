// The studies in the data folder (<data dir>/studies, the CLI's default --study-dir), as the app
// sees them: list, one study's front, and confirming the front on the test split. Files are only
// read, never opened through the store (a `frontier run` may be writing them); confirming writes
// the confirmations alone (study-confirm.ts). No Electron here.

import { readdir } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { paretoSummary } from '../engine/hpo/pareto'
import { INTERRUPTED } from '../engine/hpo/study'
import type { TrialRecord } from '../engine/hpo/types'
import { StoreError } from '../engine/store/store-error'
import type { StudyFile } from '../engine/store/study-file'
import { readStudyFile } from '../engine/store/study-file-access'
import { ConfirmError } from '../engine/train/confirm-error'
import { readRunSpec } from './run-spec'
import { ServiceError } from './service-error'
import { confirmStudy, trialsWithModels, type TrialSelection } from './study-confirm'
import type {
  FrontTrialView,
  PickName,
  StudyConfirmProgress,
  StudyDetailView,
  StudyId,
  StudyListEntry,
} from '@shared/study-views'

export interface StudiesServiceOptions {
  studiesDir: string
  onProgress?: (progress: StudyConfirmProgress) => void
}

/** Study files under dir: JSON files that are not run files, outside artifacts folders. */
async function candidateFiles(dir: string): Promise<string[]> {
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
      if (!entry.name.endsWith('.artifacts')) out.push(...(await candidateFiles(path)))
    } else if (
      entry.name.endsWith('.json') &&
      !entry.name.endsWith('.run.json') &&
      !entry.name.startsWith('best_params_')
    )
      out.push(path)
  }
  return out
}

async function jobIdOf(path: string): Promise<string | null> {
  return readRunSpec(path).then(
    (spec) => spec.jobId,
    () => null,
  )
}

function latest(dates: string[]): string | null {
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b))
}

export class StudiesService {
  private readonly dir: string
  private readonly busy = new Set<StudyId>()

  constructor(private readonly options: StudiesServiceOptions) {
    this.dir = resolve(options.studiesDir)
  }

  async list(): Promise<StudyListEntry[]> {
    const entries: StudyListEntry[] = []
    for (const path of await candidateFiles(this.dir)) {
      let file: StudyFile
      try {
        file = await readStudyFile(path)
      } catch {
        continue // not a study file (an export, a foreign JSON) or one this Frontier cannot read
      }
      entries.push(await this.entry(this.idOf(path), path, file))
    }
    return entries.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
    )
  }

  async get(id: StudyId): Promise<StudyDetailView> {
    const path = this.pathOf(id)
    return this.detail(id, path, await this.read(path))
  }

  /** Confirms the chosen trials (default the front) and returns the study as it now stands. */
  async confirm(id: StudyId, trials: TrialSelection = 'front'): Promise<StudyDetailView> {
    const path = this.pathOf(id)
    await this.read(path)
    if (this.busy.has(id))
      throw new ConfirmError('STUDY_BUSY', 'This study is being confirmed already; wait for it.')
    this.busy.add(id)
    try {
      const result = await confirmStudy(path, {
        trials,
        onProgress: (p) => this.options.onProgress?.({ id, ...p }),
      })
      return this.detail(id, path, result.study)
    } finally {
      this.busy.delete(id)
    }
  }

  private async read(path: string): Promise<StudyFile> {
    try {
      return await readStudyFile(path)
    } catch (error) {
      if (error instanceof StoreError && error.code === 'STUDY_NOT_FOUND')
        throw new ServiceError('NOT_FOUND', `There is no study ${relative(this.dir, path)}.`)
      throw error
    }
  }

  private idOf(path: string): StudyId {
    return relative(this.dir, path).split(sep).join('/')
  }

  /** The file an id names; refuses ids that would leave the studies folder. */
  private pathOf(id: StudyId): string {
    const path = resolve(this.dir, ...id.split('/'))
    const inside = relative(this.dir, path)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || !id.endsWith('.json'))
      throw new ServiceError('NOT_FOUND', `There is no study ${id}.`)
    return path
  }

  private async entry(id: StudyId, path: string, file: StudyFile): Promise<StudyListEntry> {
    const counted = file.trials.filter((t) => t.error?.code !== INTERRUPTED)
    const directions = file.config.objectives.map((o) => o.direction)
    return {
      id,
      name: file.config.name,
      model: file.config.model,
      dataset: file.config.dataset.name,
      jobId: await jobIdOf(path),
      trials: counted.length,
      complete: file.trials.filter((t) => t.state === 'complete').length,
      running: file.trials.filter((t) => t.state === 'running').length,
      front: paretoSummary(file.trials, file.userPick, directions).front.length,
      createdAt: file.createdAt,
      confirmedAt: latest(file.confirmations.map((c) => c.confirmedAt)),
    }
  }

  private async detail(id: StudyId, path: string, file: StudyFile): Promise<StudyDetailView> {
    const entry = await this.entry(id, path, file)
    const directions = file.config.objectives.map((o) => o.direction)
    const summary = paretoSummary(file.trials, file.userPick, directions)
    const picks: [PickName, TrialRecord | null][] = [
      ['best_mae', summary.bestMae],
      ['best_picp', summary.bestPicp],
      ['balanced', summary.balanced],
      ['selected', summary.user],
    ]
    const models = new Set(await trialsWithModels(path, file))
    const confirmations = new Map(file.confirmations.map((c) => [c.trial, c]))
    const frontTrials: FrontTrialView[] = [...summary.front]
      .sort((a, b) => (a.values as number[])[0] - (b.values as number[])[0])
      .map((t) => {
        const c = confirmations.get(t.number)
        return {
          trial: t.number,
          params: { ...t.params },
          values: [...(t.values as number[])],
          validation: { ...(t.metrics ?? {}) },
          picks: picks.filter(([, p]) => p?.number === t.number).map(([name]) => name),
          hasModel: models.has(t.number),
          test: c
            ? {
                confirmedAt: c.confirmedAt,
                metrics: { ...c.metrics },
                values: [...c.values],
                origins: c.origins.length - c.skippedOrigins.length,
                horizon: c.horizon,
                from: c.from,
                to: c.to,
              }
            : null,
        }
      })
    return { ...entry, frontTrials, confirmProblem: this.confirmProblem(entry, frontTrials) }
  }

  private confirmProblem(entry: StudyListEntry, front: FrontTrialView[]): string | null {
    if (entry.jobId === null)
      return 'This study has no run file beside it, so the data it ran on is unknown.'
    if (entry.running > 0) return 'Trials are still running; confirm once the study has stopped.'
    if (front.length === 0) return 'The study has no complete trial yet.'
    const missing = front.filter((t) => !t.hasModel).map((t) => t.trial)
    if (missing.length > 0)
      return `Trial${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the front kept no model (studies run before models were kept).`
    return null
  }
}
