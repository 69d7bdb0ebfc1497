// A small valid study config for tests, over the NHITS default space.

import { defaultSearchSpace } from '../../../../src-main/engine/hpo/default-spaces'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../../../../src-main/engine/hpo/study-config'

export function nhitsConfig(overrides: Partial<StudyConfig> = {}): StudyConfig {
  return {
    name: 'heat-nhits',
    model: 'NHITS_Q',
    dataset: {
      hash: 'ab'.repeat(32),
      name: 'heat',
      columns: ['timestamp', 'heat_consumption', 'temp'],
      target: 'heat_consumption',
      split: { kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 },
    },
    space: defaultSearchSpace('NHITS_Q'),
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: 'tpe' },
    pruner: { name: 'none' },
    seed: 7,
    budget: { trials: 20, seconds: null },
    ...overrides,
  }
}

/** A smooth two-objective stand-in for training: MAE falls with lr near 1e-3, PICP gap with dropout. */
export function fakeObjectives(params: Record<string, unknown>): [number, number] {
  const lr = params.lr as number
  const dropout = params.dropout as number
  const mae = 0.05 + 0.02 * Math.abs(Math.log10(lr) + 3) + 0.01 * (params.num_stacks as number)
  const gap = 30 * Math.abs(dropout - 0.3) + 2 * Math.abs(Math.log10(lr) + 3)
  return [mae, gap]
}
