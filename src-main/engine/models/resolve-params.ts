// A user's (or a sampler's) parameter set → the complete, checked set a model is built with.
// Left-out parameters take the model's defaults; unknown names, wrong types and values outside
// what the model can be built with are refused with a ModelError naming the parameter.

import { ModelError } from './model-error'
import type { ModelParams, ModelSpec, ParamDef, ParamValue } from './model-spec'

export function resolveParams(spec: ModelSpec, given: Readonly<Record<string, unknown>>) {
  const known = Object.keys(spec.params)
  for (const name of Object.keys(given)) {
    if (!(name in spec.params)) {
      throw new ModelError(
        'UNKNOWN_PARAM',
        `${spec.name} has no parameter "${name}" (it takes: ${known.join(', ')}).`,
        name,
      )
    }
  }
  const out: Record<string, ParamValue> = {}
  for (const [name, def] of Object.entries(spec.params)) {
    out[name] = name in given ? checkValue(spec, name, def, given[name]) : def.default
  }
  return out as ModelParams
}

function checkValue(spec: ModelSpec, name: string, def: ParamDef, value: unknown): number {
  const what = def.kind === 'int' ? 'a whole number' : 'a number'
  const range = `[${def.min}, ${def.max}]`
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ModelError(
      'BAD_PARAM',
      `${spec.name} ${name} must be ${what} in ${range}; got ${JSON.stringify(value)}.`,
      name,
    )
  }
  if (def.kind === 'int' && !Number.isInteger(value)) {
    throw new ModelError('BAD_PARAM', `${spec.name} ${name} must be ${what}; got ${value}.`, name)
  }
  if (value < def.min || value > def.max) {
    throw new ModelError(
      'OUT_OF_RANGE',
      `${spec.name} ${name} = ${value} is outside ${range}, the range the model can be built with` +
        ` (the default search space is ${searchText(def)}).`,
      name,
    )
  }
  return value
}

function searchText(def: ParamDef): string {
  const s = def.search
  if (s.kind === 'categorical') return `{${s.choices.join(', ')}}`
  return `${s.low}–${s.high}${s.log ? ' (log)' : ''}`
}
