// Confirmed trials in the exports: validation beside test in the benchmarker JSON (per Pareto
// trial and for the picks) and test_<metric> columns after every other CSV column; the existing
// fields unchanged, unconfirmed trials without the new ones.

import { describe, expect, it } from 'vitest'
import { Study } from '../../../../src-main/engine/hpo/study'
import {
  benchmarkerExportIssues,
  buildBenchmarkerExport,
  type OutOfSample,
} from '../../../../src-main/engine/store/benchmarker-export'
import { trialsCsv } from '../../../../src-main/engine/store/trials-csv'
import {
  mergeConfirmations,
  type TrialConfirmation,
} from '../../../../src-main/engine/store/trial-confirmation'
import { nhitsConfig } from '../hpo/study-fixtures'

function confirmation(trial: number, mae: number, picp: number): TrialConfirmation {
  return {
    trial,
    confirmedAt: '2026-02-01T09:00:00.000Z',
    part: 'test',
    modelSha256: 'ab'.repeat(32),
    datasetHash: 'cd'.repeat(32),
    origins: [900, 924, 948],
    from: '2021-03-22T00:00:00.000Z',
    to: '2021-03-24T00:00:00.000Z',
    horizon: 24,
    metrics: { mae, picp, miw: 3.5, crps: 0.9 },
    values: [mae, Math.abs(picp - 80)],
    skippedOrigins: [],
    provider: 'cpu',
  }
}

async function study(): Promise<Study> {
  const s = Study.create(nhitsConfig({ budget: { trials: 3, seconds: null } }))
  const told: [number, number][] = [
    [1.0, 2],
    [0.8, 10],
    [1.5, 20], // dominated
  ]
  for (const [mae, gap] of told) {
    const { trialId } = await s.ask()
    await s.tell(trialId, {
      state: 'complete',
      values: [mae, gap],
      metrics: { mae, picp: 80 - gap, miw: 3 },
    })
  }
  return s
}

const options = { jobId: 'local', storagePath: '/s.json', date: new Date('2026-02-01T10:00:00Z') }

describe('exports of confirmed trials', () => {
  it('carry validation and test side by side in the benchmarker JSON, and validate', async () => {
    const s = await study()
    const plain = buildBenchmarkerExport(s.data, options)
    const data = { ...s.data, confirmations: [confirmation(0, 1.2, 74)] }
    const doc = buildBenchmarkerExport(data, options)
    expect(benchmarkerExportIssues(doc)).toEqual([])
    const zero = doc.all_pareto_trials.find((t) => t.trial === 0)
    expect(zero).toMatchObject({
      mae: 1.0,
      picp_penalty: 2,
      validation: { mae: 1.0, picp: 78, picp_penalty: 2, miw: 3 },
      test: {
        mae: 1.2,
        picp: 74,
        picp_penalty: 6,
        miw: 3.5,
        crps: 0.9,
        confirmed_at: '2026-02-01T09:00:00.000Z',
        origins: 3,
        from: '2021-03-22T00:00:00.000Z',
      },
    })
    // The unconfirmed trial and the existing fields are exactly as without confirmations.
    const one = doc.all_pareto_trials.find((t) => t.trial === 1)
    expect(one).toEqual(plain.all_pareto_trials.find((t) => t.trial === 1))
    const strip = ({ validation: _v, test: _t, ...rest }: OutOfSample & object) => rest
    expect(doc.all_pareto_trials.map(strip)).toEqual(plain.all_pareto_trials)
    expect(strip({ ...doc.selected })).toEqual(plain.selected)
    const chosen = doc.selected.trial
    expect(doc.selected.test === undefined).toBe(chosen !== 0)
    // A test block that breaks the schema is caught.
    const broken = structuredClone(doc)
    ;(broken.all_pareto_trials[0] as unknown as Record<string, unknown>).test = { mae: 1 }
    expect(benchmarkerExportIssues(broken).join('; ')).toMatch(/test must have required property/)
  })

  it('append test_<metric> and test_confirmed_at columns to the trials CSV', async () => {
    const s = await study()
    const plain = trialsCsv(s.data).split('\r\n')
    const lines = trialsCsv({ ...s.data, confirmations: [confirmation(1, 0.9, 83)] }).split('\r\n')
    expect(lines[0]).toBe(`${plain[0]},test_mae,test_picp,test_miw,test_crps,test_confirmed_at`)
    expect(lines[1]).toBe(`${plain[1]},,,,,`)
    expect(lines[2]).toBe(`${plain[2]},0.9,83,3.5,0.9,2026-02-01T09:00:00.000Z`)
  })

  it('keep one confirmation per trial, the newer replacing the older', () => {
    const merged = mergeConfirmations(
      [confirmation(2, 1, 80), confirmation(0, 1, 80)],
      [{ ...confirmation(2, 5, 60), confirmedAt: '2026-03-01T00:00:00.000Z' }],
    )
    expect(merged.map((c) => [c.trial, c.metrics.mae])).toEqual([
      [0, 1],
      [2, 5],
    ])
  })
})
