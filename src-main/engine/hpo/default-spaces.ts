// Default search spaces and parameter schemas per model, with the names the Python benchmarker
// uses. Ranges are the thesis's current HPO (hpo/hpo_config.py, as MODELS.md records it); the
// schema limits are what a model can sensibly be built with. A model with a ModelSpec owns both
// (read from the spec here); the others keep them here until their spec is built.

import type { ModelSpec } from '../models/model-spec'
import { nhits } from '../models/nhits'
import type { ParamSchema } from './param-schema'
import type { SearchSpace } from './search-space'
import type { ModelName } from './types'

function schemaOf(spec: ModelSpec): ParamSchema {
  const schema: ParamSchema = {}
  for (const [name, def] of Object.entries(spec.params)) {
    schema[name] = {
      kind: def.kind,
      min: def.min,
      max: def.max,
      required: def.required,
      description: def.description,
    }
  }
  return schema
}

function spaceOf(spec: ModelSpec): SearchSpace {
  const space: SearchSpace = {}
  for (const [name, def] of Object.entries(spec.params)) space[name] = { ...def.search }
  return space
}

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
  NHITS_Q: schemaOf(nhits),
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
  NHITS_Q: spaceOf(nhits),
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
