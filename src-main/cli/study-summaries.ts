// The studies under a folder, one summary each (model × dataset × job: trials, Pareto size, best
// MAE, best PICP, balanced) — what the thesis's analyze_results.py printed. Read-only: files are
// parsed and validated here, never opened through the store (which would recover and rewrite
// them while a run may still be writing).

import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { paretoSummary } from '../engine/hpo/pareto'
import { INTERRUPTED } from '../engine/hpo/study'
import type { TrialRecord } from '../engine/hpo/types'
import { migrateStudyDocument } from '../engine/store/migrations'
import { studyFileSchema, type StudyFile } from '../engine/store/study-file'
import { readRunSpec } from '../services/run-spec'

export interface PickSummary {
  trial: number
  mae: number
  /** Measured PICP in percent, when the trial recorded it. */
  picp: number | null
  picpGap: number
}

export interface StudySummary {
  path: string
  model: string
  dataset: string
  job: string
  /** Trials counted against the budget (interrupted ones are not), and the budget. */
  trials: number
  budget: number | null
  complete: number
  pruned: number
  failed: number
  running: number
  paretoSize: number
  bestMae: PickSummary | null
  bestPicp: PickSummary | null
  balanced: PickSummary | null
}

export interface ScanResult {
  studies: StudySummary[]
  /** Files that look like study files but could not be read, with why. */
  problems: { path: string; problem: string }[]
}

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      // Artifacts hold forecasts and models, never studies.
      if (!entry.name.endsWith('.artifacts')) out.push(...(await jsonFiles(path)))
    } else if (entry.name.endsWith('.json') && !entry.name.endsWith('.run.json')) out.push(path)
  }
  return out.sort()
}

function pick(t: TrialRecord | null): PickSummary | null {
  if (!t || !t.values) return null
  return { trial: t.number, mae: t.values[0], picp: t.metrics?.picp ?? null, picpGap: t.values[1] }
}

async function jobOf(path: string, file: StudyFile): Promise<string> {
  try {
    return (await readRunSpec(path)).jobId
  } catch {
    // A study made elsewhere (the app): its name is the best label there is.
    return file.config.name
  }
}

export async function summarize(path: string, file: StudyFile): Promise<StudySummary> {
  const trials = file.trials.filter((t) => t.error?.code !== INTERRUPTED)
  const of = (state: string) => trials.filter((t) => t.state === state).length
  const summary = paretoSummary(
    file.trials,
    file.userPick,
    file.config.objectives.map((o) => o.direction),
  )
  return {
    path,
    model: file.config.model,
    dataset: file.config.dataset.name,
    job: await jobOf(path, file),
    trials: trials.length,
    budget: file.config.budget.trials,
    complete: of('complete'),
    pruned: of('pruned'),
    failed: of('failed'),
    running: of('running'),
    paretoSize: summary.front.length,
    bestMae: pick(summary.bestMae),
    bestPicp: pick(summary.bestPicp),
    balanced: pick(summary.balanced),
  }
}

/** Every study file under dir; other JSON files (exports, parameter files) are passed over. */
export async function scanStudies(dir: string): Promise<ScanResult> {
  const result: ScanResult = { studies: [], problems: [] }
  for (const path of await jsonFiles(dir)) {
    let doc: unknown
    try {
      doc = JSON.parse(await readFile(path, 'utf8'))
    } catch {
      continue
    }
    if (typeof doc !== 'object' || doc === null || !('schemaVersion' in doc)) continue
    const name = relative(dir, path) || path
    try {
      const parsed = studyFileSchema.safeParse(migrateStudyDocument(doc))
      if (!parsed.success) {
        result.problems.push({ path, problem: `${name}: not a valid study file` })
        continue
      }
      result.studies.push(await summarize(path, migrateStudyDocument(doc) as unknown as StudyFile))
    } catch (error) {
      result.problems.push({ path, problem: `${name}: ${(error as Error).message}` })
    }
  }
  result.studies.sort(
    (a, b) =>
      a.model.localeCompare(b.model) ||
      a.dataset.localeCompare(b.dataset) ||
      a.job.localeCompare(b.job),
  )
  return result
}
