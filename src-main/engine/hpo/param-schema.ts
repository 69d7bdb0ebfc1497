// What a model accepts, independent of what a study searches: each parameter's kind and the
// range the model can be built with. A search space is checked against it when a study is
// created, so "dropout 0–1.5" or "num_stacks as a float" is refused up front, not in trial 17.
// ModelSpecs own them where a model is built; default-spaces.ts reads them from there.

import type { SearchSpace, SpaceIssue } from './search-space'
import type { ParamValue } from './types'

export type ParamSchemaEntry = (
  | { kind: 'float'; min: number; max: number }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'categorical'; allowed: ParamValue[] }
) & {
  /** The benchmarker reads this key; a space without it would silently train its default. */
  required: boolean
  description: string
}

export type ParamSchema = Record<string, ParamSchemaEntry>

function inRange(entry: { min: number; max: number }, low: number, high: number): boolean {
  return low >= entry.min && high <= entry.max
}

function entryIssue(name: string, entry: ParamSchemaEntry, space: SearchSpace): string | null {
  const dist = space[name]
  const range = (e: { min: number; max: number }) => `[${e.min}, ${e.max}]`
  if (entry.kind === 'categorical') {
    if (dist.kind !== 'categorical')
      return `${name} takes one of ${JSON.stringify(entry.allowed)}: make it a categorical parameter.`
    const bad = dist.choices.filter((c) => !entry.allowed.includes(c))
    return bad.length > 0
      ? `${name}: ${JSON.stringify(bad)} not allowed (allowed: ${JSON.stringify(entry.allowed)}).`
      : null
  }
  if (dist.kind === 'categorical') {
    const bad = dist.choices.filter(
      (c) =>
        typeof c !== 'number' ||
        (entry.kind === 'int' && !Number.isInteger(c)) ||
        c < entry.min ||
        c > entry.max,
    )
    const what = entry.kind === 'int' ? 'integers' : 'numbers'
    return bad.length > 0
      ? `${name}: choices ${JSON.stringify(bad)} are not ${what} in ${range(entry)}.`
      : null
  }
  if (entry.kind === 'int' && dist.kind !== 'int')
    return `${name} is an integer parameter: make it int (or categorical over integers).`
  if (entry.kind === 'float' && dist.kind !== 'float')
    return `${name} is a real-valued parameter: make it float.`
  if (!inRange(entry, dist.low, dist.high))
    return `${name}: the range [${dist.low}, ${dist.high}] leaves what the model accepts, ${range(entry)}.`
  return null
}

/** Problems of a space measured against a model's schema (unknown, mistyped, missing names). */
export function schemaIssues(space: SearchSpace, schema: ParamSchema): SpaceIssue[] {
  const out: SpaceIssue[] = []
  for (const name of Object.keys(space)) {
    const entry = schema[name]
    if (!entry) {
      out.push({
        param: name,
        code: 'UNKNOWN_PARAM',
        message: `${name} is not a parameter of this model (known: ${Object.keys(schema).join(', ')}).`,
      })
      continue
    }
    const message = entryIssue(name, entry, space)
    if (message) out.push({ param: name, code: 'OUTSIDE_SCHEMA', message })
  }
  for (const [name, entry] of Object.entries(schema))
    if (entry.required && !(name in space))
      out.push({
        param: name,
        code: 'MISSING_PARAM',
        message: `${name} is missing: the benchmarker reads it and would silently use its own default. To fix its value, make it a categorical with one choice.`,
      })
  return out
}
