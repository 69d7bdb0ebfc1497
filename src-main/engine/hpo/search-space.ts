// Search spaces: what a study may try. A space maps parameter names (the names the Python
// benchmarker reads: lr, layer_widths, …) to a distribution. Validation returns every problem at
// once, each with a message a user can act on.

import { HpoError } from './hpo-error'
import type { ParamValue, TrialParams } from './types'

export type ParamKind = 'float' | 'int' | 'categorical'
export const PARAM_KINDS: readonly ParamKind[] = ['float', 'int', 'categorical']

export interface FloatDistribution {
  kind: 'float'
  low: number
  high: number
  /** Sample uniformly in log space; needs low > 0; excludes step. */
  log?: boolean
  /** Values on the grid low, low + step, …, high. */
  step?: number
}

export interface IntDistribution {
  kind: 'int'
  low: number
  high: number
  log?: boolean
  /** Grid spacing (default 1); excludes log. */
  step?: number
}

export interface CategoricalDistribution {
  kind: 'categorical'
  choices: ParamValue[]
}

export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution

/** Parameter name → distribution, in the order the user sees them. */
export type SearchSpace = Record<string, Distribution>

export interface SpaceIssue {
  param: string | null
  code: string
  message: string
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Number of grid points of a stepped distribution (int, or float with a step). */
export function gridSize(dist: FloatDistribution | IntDistribution): number {
  const step = dist.step ?? (dist.kind === 'int' ? 1 : 0)
  if (step <= 0) return Infinity
  return Math.round((dist.high - dist.low) / step) + 1
}

function onGrid(low: number, high: number, step: number): boolean {
  const cells = (high - low) / step
  return Math.abs(cells - Math.round(cells)) <= 1e-9 * Math.max(1, Math.abs(cells))
}

function distributionIssues(name: string, dist: Distribution): SpaceIssue[] {
  const issue = (code: string, message: string): SpaceIssue => ({ param: name, code, message })
  if (dist.kind === 'categorical') {
    if (!Array.isArray(dist.choices) || dist.choices.length === 0)
      return [issue('EMPTY_CHOICES', `${name}: give at least one choice.`)]
    const out: SpaceIssue[] = []
    const seen = new Set<string>()
    for (const choice of dist.choices) {
      const kind = typeof choice
      if (kind !== 'number' && kind !== 'string' && kind !== 'boolean')
        out.push(issue('BAD_CHOICE', `${name}: choices must be numbers, strings or booleans.`))
      else if (kind === 'number' && !Number.isFinite(choice))
        out.push(issue('BAD_CHOICE', `${name}: choice ${String(choice)} is not a finite number.`))
      const key = `${kind}:${String(choice)}`
      if (seen.has(key))
        out.push(issue('DUPLICATE_CHOICE', `${name}: choice ${String(choice)} is listed twice.`))
      seen.add(key)
    }
    return out
  }
  const { low, high } = dist
  if (!Number.isFinite(low) || !Number.isFinite(high))
    return [issue('NOT_FINITE', `${name}: low and high must be finite numbers.`)]
  const out: SpaceIssue[] = []
  if (dist.kind === 'int' && (!Number.isInteger(low) || !Number.isInteger(high)))
    out.push(
      issue('NOT_INTEGER', `${name}: an int parameter needs integer bounds (${low}, ${high}).`),
    )
  if (low >= high)
    out.push(
      issue(
        'LOW_NOT_BELOW_HIGH',
        `${name}: low (${low}) must be below high (${high}); to fix a value, use a categorical with one choice.`,
      ),
    )
  if (dist.log && low <= 0)
    out.push(
      issue(
        'LOG_NON_POSITIVE',
        `${name}: a log scale needs a positive low bound (got ${low}); raise low above 0 or turn log off.`,
      ),
    )
  if (dist.step !== undefined) {
    const { step } = dist
    if (!Number.isFinite(step) || step <= 0)
      out.push(issue('STEP_NOT_POSITIVE', `${name}: step must be a positive number (got ${step}).`))
    else {
      if (dist.log && !(dist.kind === 'int' && step === 1))
        out.push(issue('STEP_WITH_LOG', `${name}: choose either a step or a log scale, not both.`))
      if (dist.kind === 'int' && !Number.isInteger(step))
        out.push(issue('NOT_INTEGER', `${name}: an int parameter needs an integer step.`))
      if (low < high && !onGrid(low, high, step)) {
        const fixed = Number((low + Math.floor((high - low) / step) * step).toPrecision(12))
        out.push(
          issue(
            'STEP_DOES_NOT_DIVIDE',
            `${name}: high − low (${high - low}) is not a multiple of step ${step}; set high to ${fixed}.`,
          ),
        )
      }
    }
  }
  return out
}

/** Every structural problem of a space (empty list: valid). */
export function searchSpaceIssues(space: SearchSpace): SpaceIssue[] {
  const names = Object.keys(space)
  if (names.length === 0)
    return [{ param: null, code: 'EMPTY_SPACE', message: 'The search space has no parameters.' }]
  const out: SpaceIssue[] = []
  for (const name of names) {
    if (!NAME.test(name))
      out.push({
        param: name,
        code: 'BAD_NAME',
        message: `"${name}" is not a valid parameter name (letters, digits, _; not starting with a digit).`,
      })
    const dist = space[name]
    if (
      dist === null ||
      typeof dist !== 'object' ||
      !['float', 'int', 'categorical'].includes(dist.kind)
    )
      out.push({
        param: name,
        code: 'BAD_KIND',
        message: `${name}: kind must be float, int or categorical.`,
      })
    else out.push(...distributionIssues(name, dist))
  }
  return out
}

export function assertValidSpace(space: SearchSpace, extra: SpaceIssue[] = []): void {
  const issues = [...searchSpaceIssues(space), ...extra]
  if (issues.length > 0)
    throw new HpoError('INVALID_SEARCH_SPACE', issues.map((i) => i.message).join('\n'))
}

/** Why a value does not belong to a distribution, or null when it does. */
export function valueIssue(name: string, dist: Distribution, value: unknown): string | null {
  if (dist.kind === 'categorical')
    return dist.choices.some((c) => c === value)
      ? null
      : `${name}: ${JSON.stringify(value)} is not one of ${JSON.stringify(dist.choices)}.`
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `${name}: expected a number, got ${JSON.stringify(value)}.`
  if (value < dist.low || value > dist.high)
    return `${name}: ${value} is outside [${dist.low}, ${dist.high}].`
  if (dist.kind === 'int' && !Number.isInteger(value)) return `${name}: ${value} is not an integer.`
  const step = dist.step ?? (dist.kind === 'int' ? 1 : undefined)
  if (step !== undefined && !onGrid(dist.low, value, step))
    return `${name}: ${value} is not on the grid ${dist.low} + k·${step}.`
  return null
}

/** Problems with a full (or, with partial, a partial) parameter set. */
export function paramsIssues(space: SearchSpace, params: TrialParams, partial = false): string[] {
  const out: string[] = []
  for (const name of Object.keys(params))
    if (!(name in space)) out.push(`${name} is not in the search space.`)
  for (const [name, dist] of Object.entries(space)) {
    if (!(name in params)) {
      if (!partial) out.push(`${name} is missing.`)
      continue
    }
    const issue = valueIssue(name, dist, params[name])
    if (issue) out.push(issue)
  }
  return out
}
