// Default search spaces and parameter schemas per model, with the names the Python benchmarker
// uses. Ranges are the thesis's current HPO (hpo/hpo_config.py, as MODELS.md records it); the
// schema limits are what a model can sensibly be built with. Issue 4 moves both into ModelSpecs.

import type { ParamSchema } from './param-schema'
import type { SearchSpace } from './search-space'
import type { ModelName } from './types'

const lr = (min = 1e-7, max = 1) =>
  ({ kind: 'float', min, max, required: true, description: 'Adam learning rate' }) as const
const dropout = {
  kind: 'float',
  min: 0,
  max: 0.9,
  required: true,
  description: 'dropout rate',
} as const

export const PARAM_SCHEMAS: Record<ModelName, ParamSchema> = {
  NHITS_Q: {
    num_stacks: { kind: 'int', min: 1, max: 8, required: true, description: 'stacks' },
    num_blocks: { kind: 'int', min: 1, max: 6, required: true, description: 'blocks per stack' },
    num_layers: {
      kind: 'int',
      min: 1,
      max: 8,
      required: true,
      description: 'MLP layers per block',
    },
    layer_widths: { kind: 'int', min: 8, max: 4096, required: true, description: 'MLP width' },
    lr: lr(),
    dropout,
    weight_decay: {
      kind: 'float',
      min: 0,
      max: 0.1,
      required: true,
      description: 'coupled L2 penalty in Adam',
    },
  },
  TFT_Q: {
    hidden_size: { kind: 'int', min: 4, max: 1024, required: true, description: 'model width' },
    lstm_layers: { kind: 'int', min: 1, max: 4, required: true, description: 'LSTM depth' },
    num_attention_heads: {
      kind: 'int',
      min: 1,
      max: 16,
      required: true,
      description: 'attention heads',
    },
    dropout,
    lr: lr(),
  },
  TIMESNET_Q: {
    hidden_size: { kind: 'int', min: 8, max: 1024, required: true, description: 'd_model' },
    conv_hidden_size: { kind: 'int', min: 8, max: 1024, required: true, description: 'd_ff' },
    top_k: { kind: 'int', min: 1, max: 12, required: true, description: 'periods per block' },
    lr: lr(),
    dropout,
  },
}

const DEFAULT_SPACES: Record<ModelName, SearchSpace> = {
  NHITS_Q: {
    num_stacks: { kind: 'int', low: 2, high: 5 },
    num_blocks: { kind: 'int', low: 1, high: 3 },
    num_layers: { kind: 'int', low: 2, high: 4 },
    layer_widths: { kind: 'categorical', choices: [256, 512, 1024] },
    lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
    dropout: { kind: 'float', low: 0.05, high: 0.4 },
    weight_decay: { kind: 'float', low: 1e-7, high: 1e-3, log: true },
  },
  TFT_Q: {
    hidden_size: { kind: 'categorical', choices: [64, 128] },
    lstm_layers: { kind: 'int', low: 1, high: 2 },
    num_attention_heads: { kind: 'categorical', choices: [2, 4] },
    dropout: { kind: 'float', low: 0.1, high: 0.3 },
    lr: { kind: 'float', low: 1e-4, high: 1e-3, log: true },
  },
  TIMESNET_Q: {
    hidden_size: { kind: 'categorical', choices: [64, 128, 256] },
    conv_hidden_size: { kind: 'categorical', choices: [32, 64, 128] },
    top_k: { kind: 'int', low: 2, high: 5 },
    lr: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
    dropout: { kind: 'float', low: 0.05, high: 0.4 },
  },
}

/** A fresh copy of a model's default space (callers may edit it). */
export function defaultSearchSpace(model: ModelName): SearchSpace {
  return structuredClone(DEFAULT_SPACES[model])
}
