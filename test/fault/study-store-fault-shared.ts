// What the fault test's writer and checker agree on.

import type { TrialParams } from '../../src-main/engine/hpo/types'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../../src-main/engine/hpo/study-config'
import { defaultSearchSpace } from '../../src-main/engine/hpo/default-spaces'

export function expectedValues(params: TrialParams): [number, number] {
  return [
    (params.lr as number) * 100 + (params.num_stacks as number),
    (params.dropout as number) * 50,
  ]
}

export function faultStudyConfig(trials: number): StudyConfig {
  return {
    name: 'fault',
    model: 'NHITS_Q',
    dataset: {
      hash: '00',
      name: 'fault',
      columns: ['t', 'y'],
      target: 'y',
      split: { kind: 'fractions', train: 0.7, val: 0.2, test: 0.1 },
    },
    space: defaultSearchSpace('NHITS_Q'),
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: 'random' },
    pruner: { name: 'median' },
    seed: 1,
    budget: { trials, seconds: null },
  }
}
