// `frontier confirm` end to end on a tiny real study: a study run on a copy of the heat demo, its
// front confirmed on the test split, the result stored in the study file and in the rewritten
// exports; refusals for a trial without a model, a changed dataset and bad options.

import { appendFileSync, copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { benchmarkerExportIssues } from '../../../src-main/engine/store/benchmarker-export'
import type { StudyFile } from '../../../src-main/engine/store/study-file'
import { tempDir } from '../../helpers/temp-dir'
import { frontier, runTinyStudy } from '../../helpers/tiny-study'

interface ConfirmJson {
  study: string
  trials: {
    trial: number
    validation: { mae: number; picp: number | null }
    test: { mae: number; picp: number | null }
    change: { maePercent: number; picpPoints: number | null }
    confirmation: { origins: number[]; horizon: number; metrics: Record<string, number> }
  }[]
  exports: { benchmarker: string; trials_csv: string } | null
}

let dir: Awaited<ReturnType<typeof tempDir>>
let csv = ''
let studyDir = ''
let studyPath = ''
beforeAll(async () => {
  dir = await tempDir('confirm')
  csv = join(dir.path, 'heat.csv')
  copyFileSync(join('resources', 'datasets', 'heat.csv'), csv)
  studyDir = join(dir.path, 'studies')
  studyPath = runTinyStudy(csv, studyDir, 'j1')
}, 60_000)
afterAll(() => dir.remove())

const readStudy = () => JSON.parse(readFileSync(studyPath, 'utf8')) as StudyFile

describe('frontier confirm', () => {
  it('confirms the front on the test split, stores it and rewrites the exports', () => {
    const before = readStudy()
    const r = frontier('confirm', 'j1', '--study-dir', studyDir, '--json')
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as ConfirmJson
    expect(out.study).toBe(studyPath)
    const study = readStudy()
    expect(study.schemaVersion).toBe(3)
    const front = study.trials.filter((t) => study.confirmations.some((c) => c.trial === t.number))
    expect(out.trials.map((t) => t.trial)).toEqual(front.map((t) => t.number))
    expect(out.trials.length).toBeGreaterThan(0)
    // The trials themselves are untouched; only confirmations were added.
    expect(study.trials).toEqual(before.trials)
    for (const row of out.trials) {
      const trial = study.trials[row.trial]
      const stored = study.confirmations.find((c) => c.trial === row.trial)
      expect(row.validation.mae).toBe(trial.values?.[0])
      expect(row.validation.picp).toBe(trial.metrics?.picp)
      expect(row.test.mae).toBe(stored?.metrics.mae)
      expect(row.test.mae).not.toBe(row.validation.mae)
      expect(row.change.maePercent).toBeCloseTo(
        ((row.test.mae - row.validation.mae) / row.validation.mae) * 100,
        9,
      )
      // 2 origins × 24 h placed in the test split: from 2021-03-15 + L (168 h) on.
      expect(stored).toMatchObject({
        part: 'test',
        horizon: 24,
        from: '2021-03-22T00:00:00.000Z',
        to: '2021-03-23T23:00:00.000Z',
        skippedOrigins: [],
      })
      expect(stored?.origins).toHaveLength(2)
      expect(stored?.modelSha256).toMatch(/^[0-9a-f]{64}$/)
    }
    const exported = JSON.parse(readFileSync(out.exports?.benchmarker ?? '', 'utf8')) as {
      all_pareto_trials: { trial: number; validation?: { mae: number }; test?: { mae: number } }[]
    }
    expect(benchmarkerExportIssues(exported)).toEqual([])
    for (const t of exported.all_pareto_trials) {
      const row = out.trials.find((r) => r.trial === t.trial)
      expect(t.validation?.mae).toBe(row?.validation.mae)
      expect(t.test?.mae).toBe(row?.test.mae)
    }
    const header = readFileSync(out.exports?.trials_csv ?? '', 'utf8').split('\r\n')[0]
    expect(header).toMatch(/,error_message,test_mae,test_picp,.*,test_confirmed_at$/)

    // The same trials again give the same numbers (the stored model, no refit), as a table.
    const again = frontier('confirm', studyPath)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(
      /^Confirmed \d trials? of NHITS_Q_heat_j1 on the test split \(2 origins × 24 steps, from 2021-03-22 to 2021-03-23\):\n {2}trial {2}val MAE {2}val PICP % {2}test MAE {2}test PICP % +ΔMAE +ΔPICP\n/,
    )
    const first = out.trials[0]
    expect(again.stdout).toContain(first.test.mae.toFixed(3))
    expect(again.stdout).toMatch(/Exports rewritten[^]*best_params_NHITS_Q_heat_j1\.json/)
  })

  it('refuses a trial without a model, saying which trials have one', () => {
    const study = readStudy()
    const withModel = study.confirmations.map((c) => c.trial)
    const without = study.trials.find((t) => !withModel.includes(t.number))
    // Seed 42 gives a front of two of the three trials; the third kept no model.
    expect(without, 'a trial off the front').toBeDefined()
    const r = frontier('confirm', studyPath, '--trials', String(without?.number))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      `error MODEL_MISSING: Trial ${without?.number} has no stored model. Models are kept for the Pareto front and the user's pick only; this study has them for trials ${withModel.join(', ')}.`,
    )
  })

  it('refuses bad options (exit 2) and a dataset that changed since the study (exit 1)', () => {
    const bad = frontier('confirm', studyPath, '--trials', 'best')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(
      /--trials must be front, all, or trial numbers[^]*Usage: frontier confirm/,
    )
    const none = frontier('confirm', 'no-such-job', '--study-dir', studyDir)
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/no study with job id "no-such-job"/)
    appendFileSync(csv, '2024-04-01T00:00:00Z,34.0,8.0\n')
    const changed = frontier('confirm', studyPath, '--json')
    expect(changed.code).toBe(1)
    const error = (JSON.parse(changed.stdout) as { error: { code: string; message: string } }).error
    expect(error.code).toBe('DATA_CHANGED')
    expect(error.message).toMatch(/heat\.csv changed since the study ran/)
  })
})
