import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSearchSpace } from '../../../../src-main/engine/hpo/default-spaces'
import { Study } from '../../../../src-main/engine/hpo/study'
import {
  benchmarkerExportIssues,
  benchmarkerParams,
  buildBenchmarkerExport,
  writeBenchmarkerExport,
  type BenchmarkerExport,
} from '../../../../src-main/engine/store/benchmarker-export'
import schema from '../../../../src-main/engine/store/benchmarker-export.schema.json'
import { tempDir } from '../../../helpers/temp-dir'
import { nhitsConfig } from '../hpo/study-fixtures'

/** A finished study whose front and picks are known: trials 0–3 as in the thesis file. */
async function knownStudy(): Promise<Study> {
  const study = Study.create(
    nhitsConfig({ name: 'NHITS_Q_heat_1514040', budget: { trials: 6, seconds: null } }),
  )
  const told: [number, number, number | null][] = [
    [0.1364, 0.0, 80], // 0: best PICP
    [0.083, 0.417, 79.583], // 1: balanced
    [0.0791, 28.75, 51.25], // 2: best MAE
    [0.0813, 2.083, null], // 3: no measured PICP
    [0.2, 10, 70], // 4: dominated
  ]
  for (const [mae, gap, picp] of told) {
    const { trialId } = await study.ask()
    await study.tell(trialId, {
      state: 'complete',
      values: [mae, gap],
      metrics: picp === null ? {} : { picp },
    })
  }
  const last = await study.ask()
  await study.tell(last.trialId, { state: 'failed', reason: 'out of memory' })
  return study
}

const options = {
  jobId: '1514040',
  storagePath: '/data/studies/heat.json',
  date: new Date('2026-01-20T10:13:54.983Z'),
}

describe('benchmarker export document', () => {
  it('has exactly the runner fields plus the picks, and validates', async () => {
    const study = await knownStudy()
    const doc = buildBenchmarkerExport(study.data, options)
    expect(Object.keys(doc)).toEqual(schema.required)
    expect(benchmarkerExportIssues(doc)).toEqual([])
    expect(doc).toMatchObject({
      model: 'NHITS_Q',
      dataset: 'heat',
      job_id: '1514040',
      optimization_date: '2026-01-20T10:13:54.983Z',
      n_trials: 6,
      n_completed: 5,
      n_pareto_optimal: 4,
      best_trial_number: 2,
      best_mae: 0.0791,
      best_picp_approx: 51.25,
      study_name: 'NHITS_Q_heat_1514040',
      storage_path: '/data/studies/heat.json',
    })
    expect(doc.all_pareto_trials.map((t) => [t.trial, t.mae, t.picp_penalty])).toEqual([
      [2, 0.0791, 28.75],
      [3, 0.0813, 2.083],
      [1, 0.083, 0.417],
      [0, 0.1364, 0],
    ])
    expect(doc.best_params).toEqual(study.trials[2].params)
    expect(doc.best_picp).toMatchObject({ trial: 0, picp: 80 })
    // Trial 3 recorded no PICP: the runner's estimate 80 − gap stands in.
    expect(doc.all_pareto_trials[1].params).toEqual(study.trials[3].params)
    expect(Object.keys(doc.best_params)).toEqual(Object.keys(defaultSearchSpace('NHITS_Q')))
  })

  it('selects the user pick, else the balanced trial, else what the caller asks for', async () => {
    const study = await knownStudy()
    const balanced = buildBenchmarkerExport(study.data, options)
    expect(balanced.best_balanced.trial).toBe(balanced.selected.trial)
    expect(
      buildBenchmarkerExport(study.data, { ...options, fallback: 'best_mae' }).selected.trial,
    ).toBe(2)
    await study.pick(3)
    const picked = buildBenchmarkerExport(study.data, options)
    expect(picked.selected).toMatchObject({ trial: 3, mae: 0.0813, picp: 80 - 2.083 })
  })

  it('refuses unsafe names, other objectives and empty studies', async () => {
    const study = await knownStudy()
    expect(() => buildBenchmarkerExport(study.data, { ...options, jobId: '../x' })).toThrow(
      /file name/,
    )
    const other = Study.create(
      nhitsConfig({ objectives: [{ name: 'mae', direction: 'minimize' }] }),
    )
    expect(() => buildBenchmarkerExport(other.data, options)).toThrow(/objectives/)
    const empty = Study.create(nhitsConfig())
    expect(() => buildBenchmarkerExport(empty.data, options)).toThrow(/no complete trial/)
  })
})

describe('benchmarker export schema, field by field', () => {
  let valid: BenchmarkerExport
  beforeEach(async () => {
    valid = buildBenchmarkerExport((await knownStudy()).data, options)
  })
  const without = (key: string) => {
    const copy: Record<string, unknown> = { ...structuredClone(valid) }
    delete copy[key]
    return copy
  }
  const withField = (key: string, value: unknown) => ({ ...structuredClone(valid), [key]: value })

  const wrongValues: Record<string, unknown[]> = {
    model: ['NHITS', 3],
    dataset: ['', 'a/b', 7],
    job_id: ['', 'x y', 1514040],
    optimization_date: ['yesterday', 20260120],
    n_trials: [0, 1.5, '50'],
    n_completed: [0, 2.5],
    n_pareto_optimal: [0, '4'],
    best_trial_number: [-1, 0.5],
    best_mae: [-0.1, '0.08'],
    best_picp_approx: [-1, 101, null],
    best_params: [{}, { lr: [1] }, 'lr=1'],
    study_name: ['', 5],
    storage_path: ['', null],
    all_pareto_trials: [[], [{ trial: 1, mae: 0.1, picp_penalty: 0 }], 'x'],
    best_balanced: [
      null,
      { trial: 1, mae: 0.1, picp: 80 },
      { trial: 1, mae: 0.1, picp: 180, hyperparameters: { lr: 1 } },
    ],
    best_picp: [null, {}],
    selected: [null, { trial: -1, mae: 0.1, picp: 80, hyperparameters: { lr: 1 } }],
  }

  for (const key of schema.required) {
    it(`${key}: required and typed`, () => {
      expect(benchmarkerExportIssues(without(key))).toContainEqual(expect.stringContaining(key))
      for (const bad of wrongValues[key] ?? [])
        expect(benchmarkerExportIssues(withField(key, bad))).not.toEqual([])
    })
  }

  it('allows no field beyond the runner fields and the picks', () => {
    expect(benchmarkerExportIssues(withField('extra', 1))).not.toEqual([])
    expect(Object.keys(wrongValues).sort()).toEqual([...schema.required].sort())
  })
})

describe('flat benchmarker parameter file', () => {
  it('holds exactly the keys the benchmarker reads, in its order, integers as integers', () => {
    const params = {
      num_stacks: 4,
      num_blocks: 1,
      num_layers: 3,
      layer_widths: 256,
      lr: 6.4e-5,
      dropout: 0.11,
      weight_decay: 2.9e-6,
      extra: 1,
    }
    expect(JSON.stringify(benchmarkerParams('NHITS_Q', params))).toBe(
      '{"num_stacks":4,"num_blocks":1,"num_layers":3,"layer_widths":256,"lr":0.000064,"dropout":0.11,"weight_decay":0.0000029}',
    )
    expect(
      Object.keys(
        benchmarkerParams('TFT_Q', {
          hidden_size: 64,
          lstm_layers: 1,
          num_attention_heads: 4,
          dropout: 0.1,
          lr: 1e-3,
        }),
      ),
    ).toEqual(['hidden_size', 'lstm_layers', 'num_attention_heads', 'dropout', 'lr'])
    expect(
      Object.keys(
        benchmarkerParams('TIMESNET_Q', {
          hidden_size: 64,
          conv_hidden_size: 32,
          top_k: 3,
          lr: 1e-4,
          dropout: 0.1,
        }),
      ),
    ).toEqual(['hidden_size', 'conv_hidden_size', 'top_k', 'lr', 'dropout'])
  })

  it('refuses a missing key or a non-integer integer', () => {
    expect(() =>
      benchmarkerParams('TFT_Q', { hidden_size: 64, lstm_layers: 1, dropout: 0.1, lr: 1e-3 }),
    ).toThrow(/num_attention_heads is missing/)
    expect(() =>
      benchmarkerParams('TIMESNET_Q', {
        hidden_size: 64,
        conv_hidden_size: 32,
        top_k: 2.5,
        lr: 1e-4,
        dropout: 0.1,
      }),
    ).toThrow(/top_k must be an integer/)
  })
})

describe('writing the exports', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  beforeEach(async () => (dir = await tempDir('export')))
  afterEach(() => dir.remove())

  it('writes both files where the benchmarker looks', async () => {
    const study = await knownStudy()
    const { exportPath, paramsPath } = await writeBenchmarkerExport(dir.path, study.data, options)
    expect(exportPath).toBe(join(dir.path, 'NHITS_Q_heat', 'best_params_NHITS_Q_heat_1514040.json'))
    expect(paramsPath).toBe(join(dir.path, 'best_params_NHITS.json'))
    const doc = JSON.parse(await readFile(exportPath, 'utf8'))
    expect(benchmarkerExportIssues(doc)).toEqual([])
    const flat = JSON.parse(await readFile(paramsPath, 'utf8'))
    expect(flat).toEqual(benchmarkerParams('NHITS_Q', doc.selected.hyperparameters))
    for (const key of ['num_stacks', 'num_blocks', 'num_layers', 'layer_widths'])
      expect(Number.isInteger(flat[key])).toBe(true)
  })
})
