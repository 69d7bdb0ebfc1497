// A study draft whose trials take seconds (one-layer 8–16 wide networks, two origins, random
// sampling in two CPU workers), for tests that create a study through `studies:create` on the
// heat demo with two months of training data (TINY_SPLIT).
import type { StudyDraft } from '@shared/study-schemas'
import { defaultSearchSpace } from '../../src-main/engine/hpo/default-spaces'

export const TINY_SPLIT = {
  kind: 'dates',
  trainEnd: Date.UTC(2021, 2, 1),
  valEnd: Date.UTC(2021, 2, 25),
} as const

export function tinyDraft(
  datasetId: string,
  options: { name: string; trials: number; epochs: number },
): StudyDraft {
  return {
    name: options.name,
    datasetId,
    model: 'NHITS_Q',
    space: {
      ...defaultSearchSpace('NHITS_Q'),
      num_stacks: { kind: 'int', low: 1, high: 2 },
      num_blocks: { kind: 'categorical', choices: [1] },
      num_layers: { kind: 'categorical', choices: [1] },
      layer_widths: { kind: 'categorical', choices: [8, 16] },
    },
    picpTarget: 80,
    origins: 2,
    horizon: 24,
    budget: { trials: options.trials, seconds: null },
    epochs: options.epochs,
    sampler: 'random',
    pruner: 'none',
    workers: 2,
    provider: 'cpu',
    seed: 3,
    timeoutS: null,
  }
}
