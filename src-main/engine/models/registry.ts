// The ModelSpecs Frontier can train, by name. TFT_Q and TIMESNET_Q join when they are built.

import { ModelError } from './model-error'
import { MODEL_NAMES, type ModelName, type ModelSpec } from './model-spec'
import { nhits } from './nhits'

const SPECS: Partial<Record<ModelName, ModelSpec>> = { NHITS_Q: nhits }

export function isModelName(name: string): name is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(name)
}

/** The spec of a model, or a ModelError saying which ones can be trained. */
export function modelSpec(name: string): ModelSpec {
  const spec = isModelName(name) ? SPECS[name] : undefined
  if (!spec) {
    const ready = Object.keys(SPECS).join(', ')
    const why = isModelName(name) ? 'is not implemented yet' : 'is not a model'
    throw new ModelError('UNKNOWN_MODEL', `"${name}" ${why}; available: ${ready}.`)
  }
  return spec
}

/** Models that can be trained now. */
export function availableModels(): ModelName[] {
  return MODEL_NAMES.filter((n) => SPECS[n] !== undefined)
}
