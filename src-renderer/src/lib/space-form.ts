// One row of the search-space editor per parameter, its numbers kept as typed, and the way
// between rows and the draft's distributions. Only typing problems are found here ("low is not
// a number"); whether a range suits the model is the engine's check, run by studies:check.
import type { StudyDraft } from '@shared/study-schemas'
import { formatChoices, parseChoices } from './choice-list'
import { numberText, parseNumberText } from './number-text'

export type Distribution = StudyDraft['space'][string]
export type ParamKind = Distribution['kind']
export const PARAM_KINDS: readonly ParamKind[] = ['float', 'int', 'categorical']

export interface SpaceRow {
  name: string
  kind: ParamKind
  low: string
  high: string
  log: boolean
  step: string
  /** Categorical choices as one line ("64, 128"). */
  choices: string
}

export type RowResult = { ok: true; dist: Distribution } | { ok: false; problems: string[] }

/** A row from a stored distribution (a model's default space, a study's settings). */
export function rowFromDistribution(name: string, dist: unknown): SpaceRow {
  const d = (dist ?? {}) as Record<string, unknown>
  const kind: ParamKind = PARAM_KINDS.includes(d.kind as ParamKind)
    ? (d.kind as ParamKind)
    : 'float'
  const num = (v: unknown) => (typeof v === 'number' ? numberText(v) : '')
  const choices = Array.isArray(d.choices)
    ? formatChoices(
        d.choices.filter(
          (c): c is number | string | boolean =>
            typeof c === 'number' || typeof c === 'string' || typeof c === 'boolean',
        ),
      )
    : ''
  return {
    name,
    kind,
    low: num(d.low),
    high: num(d.high),
    log: d.log === true,
    step: num(d.step),
    choices,
  }
}

export function rowsFromSpace(space: Record<string, unknown>): SpaceRow[] {
  return Object.entries(space).map(([name, dist]) => rowFromDistribution(name, dist))
}

export function distributionFromRow(row: SpaceRow): RowResult {
  if (row.kind === 'categorical') {
    const choices = parseChoices(row.choices, `${row.name}: choices`)
    return choices.ok
      ? { ok: true, dist: { kind: 'categorical', choices: choices.value } }
      : { ok: false, problems: [choices.message] }
  }
  const integer = row.kind === 'int'
  const low = parseNumberText(row.low, `${row.name}: low`, { integer })
  const high = parseNumberText(row.high, `${row.name}: high`, { integer })
  const step = parseNumberText(row.step, `${row.name}: step`, { optional: true })
  const problems = [low, high, step].flatMap((p) => (p.ok ? [] : [p.message]))
  if (!low.ok || !high.ok || !step.ok || low.value === null || high.value === null)
    return { ok: false, problems }
  return {
    ok: true,
    dist: {
      kind: row.kind,
      low: low.value,
      high: high.value,
      ...(row.log ? { log: true } : {}),
      ...(step.value !== null ? { step: step.value } : {}),
    },
  }
}

/**
 * The row with another kind. Fields the new kind needs and the row lacks are filled from what
 * it has: bounds from numeric choices, choices from a small integer range.
 */
export function withKind(row: SpaceRow, kind: ParamKind): SpaceRow {
  const next = { ...row, kind }
  if (kind === 'categorical' && row.choices.trim() === '') {
    const d = distributionFromRow(row)
    const dist = d.ok ? d.dist : null
    if (dist?.kind === 'int' && !dist.log) {
      const step = dist.step ?? 1
      const count = Math.floor((dist.high - dist.low) / step) + 1
      if (count >= 1 && count <= 16)
        next.choices = formatChoices(Array.from({ length: count }, (_, i) => dist.low + i * step))
    }
  }
  if (kind !== 'categorical' && row.low.trim() === '' && row.high.trim() === '') {
    const c = parseChoices(row.choices, row.name)
    const numbers = c.ok ? c.value.filter((v): v is number => typeof v === 'number') : []
    if (numbers.length >= 2) {
      next.low = numberText(Math.min(...numbers))
      next.high = numberText(Math.max(...numbers))
    }
  }
  return next
}

/** True when the row reads as exactly `dist` (the editor marks rows that differ from the default). */
export function rowMatches(row: SpaceRow, dist: unknown): boolean {
  const d = distributionFromRow(row)
  return d.ok && sameDistribution(d.dist, dist)
}

function sameDistribution(a: Distribution, b: unknown): boolean {
  if (b === null || typeof b !== 'object') return false
  const o = b as Record<string, unknown>
  if (a.kind === 'categorical')
    return (
      o.kind === 'categorical' &&
      Array.isArray(o.choices) &&
      o.choices.length === a.choices.length &&
      a.choices.every((c, i) => c === (o.choices as unknown[])[i])
    )
  return (
    o.kind === a.kind &&
    o.low === a.low &&
    o.high === a.high &&
    (o.log === true) === (a.log === true) &&
    o.step === a.step
  )
}
