// Tiny trials for the worker and scheduler tests: the heat demo cut to two months of training
// and two weeks of validation, two epochs, two origins, networks 8–16 wide — about a second
// of training per trial, so failures can be provoked with real processes.

import { join } from 'node:path'
import type { SplitSpec } from '../../../src-main/engine/data/types'
import type { SearchSpace } from '../../../src-main/engine/hpo/search-space'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../../../src-main/engine/hpo/study-config'
import { projectRoot } from '../../../src-main/paths'
import type { RunSpec } from '../../../src-main/services/run-spec'

export const HEAT_CSV = join(projectRoot(), 'resources', 'datasets', 'heat.csv')

export const SHORT_SPLIT: SplitSpec = {
  kind: 'dates',
  trainEnd: Date.parse('2021-03-01T00:00:00Z'),
  valEnd: Date.parse('2021-03-15T00:00:00Z'),
}

export const TINY_SPACE: SearchSpace = {
  num_stacks: { kind: 'int', low: 1, high: 2 },
  num_blocks: { kind: 'categorical', choices: [1] },
  num_layers: { kind: 'categorical', choices: [1] },
  layer_widths: { kind: 'categorical', choices: [8, 16] },
  lr: { kind: 'float', low: 1e-3, high: 1e-2, log: true },
  dropout: { kind: 'categorical', choices: [0] },
  weight_decay: { kind: 'categorical', choices: [0] },
}

export function tinyConfig(overrides: Partial<StudyConfig> = {}): StudyConfig {
  return {
    name: 'tiny',
    model: 'NHITS_Q',
    dataset: {
      hash: 'test',
      name: 'heat',
      columns: ['heat_mw', 'outdoor_temp_c'],
      target: 'heat_mw',
      split: SHORT_SPLIT,
    },
    space: TINY_SPACE,
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: 'random' },
    pruner: { name: 'none' },
    seed: 7,
    budget: { trials: 4, seconds: null },
    ...overrides,
  }
}

export function tinySpec(overrides: Partial<RunSpec['settings']> = {}): RunSpec {
  return {
    version: 1,
    model: 'NHITS_Q',
    jobId: 'test',
    data: {
      path: HEAT_CSV,
      label: 'heat',
      hash: 'test',
      parse: {},
      roles: null,
      split: SHORT_SPLIT,
    },
    settings: { epochs: 2, origins: 2, provider: 'cpu', threads: 1, ...overrides },
  }
}
