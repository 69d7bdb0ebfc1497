// The trial table's sort and filter: every column sorts, nulls last in both directions, ties by
// trial number; state chips and words filter; a bare number finds that trial.
import { describe, expect, it } from 'vitest'
import type { TrialRow } from '@shared/study-views'
import {
  countByState,
  countsAgainstBudget,
  filterTrials,
  sortTrials,
  trialColumns,
  type TrialState,
} from '../../../src-renderer/src/lib/trial-table'

function row(number: number, over: Partial<TrialRow> = {}): TrialRow {
  return {
    number,
    state: 'complete',
    params: { lr: 0.001 * (number + 1), num_stacks: (number % 3) + 1 },
    values: [10 - number, number],
    seconds: 5 + number,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:05.000Z',
    provider: 'cpu',
    error: null,
    prunedReason: null,
    epochs: 3,
    ...over,
  }
}

const rows: TrialRow[] = [
  row(0),
  row(1, { state: 'running', values: null, seconds: null, provider: null }),
  row(2, {
    state: 'failed',
    values: null,
    error: { code: 'CANCELLED', message: 'Cancelled by the user.' },
  }),
  row(3, { state: 'pruned', values: null, prunedReason: 'worse than the median at epoch 1' }),
  row(4, { params: { lr: 0.1, num_stacks: 1, activation: 'ReLU' } }),
]
const columns = trialColumns(rows, ['MAE', '|PICP − 80|'])
const numbers = (rs: TrialRow[]) => rs.map((r) => r.number)

describe('trial table columns', () => {
  it('has number, state, the objectives, duration, provider, then every parameter seen', () => {
    expect(columns.map((c) => c.id)).toEqual([
      'number',
      'state',
      'value:0',
      'value:1',
      'seconds',
      'provider',
      'param:lr',
      'param:num_stacks',
      'param:activation',
    ])
  })

  it('does not count an interrupted trial against the budget', () => {
    expect(countsAgainstBudget(rows[2])).toBe(true)
    expect(countsAgainstBudget({ error: { code: 'INTERRUPTED', message: 'stopped' } })).toBe(false)
    expect(countsAgainstBudget({ error: null })).toBe(true)
  })
})

describe('sortTrials', () => {
  it('sorts by an objective with the trials without values last, ascending and descending', () => {
    expect(numbers(sortTrials(rows, columns, { column: 'value:0', direction: 'asc' }))).toEqual([
      4, 0, 1, 2, 3,
    ])
    expect(numbers(sortTrials(rows, columns, { column: 'value:0', direction: 'desc' }))).toEqual([
      0, 4, 1, 2, 3,
    ])
  })

  it('sorts by a parameter, ties by trial number, a parameter a trial lacks last', () => {
    expect(
      numbers(sortTrials(rows, columns, { column: 'param:num_stacks', direction: 'asc' })),
    ).toEqual([0, 3, 4, 1, 2])
    expect(
      numbers(sortTrials(rows, columns, { column: 'param:activation', direction: 'desc' })),
    ).toEqual([4, 0, 1, 2, 3])
  })

  it('sorts by duration (running last), state and provider as text, number both ways', () => {
    expect(numbers(sortTrials(rows, columns, { column: 'seconds', direction: 'desc' }))).toEqual([
      4, 3, 2, 0, 1,
    ])
    expect(numbers(sortTrials(rows, columns, { column: 'state', direction: 'asc' }))).toEqual([
      0, 4, 2, 3, 1,
    ])
    expect(numbers(sortTrials(rows, columns, { column: 'provider', direction: 'asc' }))).toEqual([
      0, 2, 3, 4, 1,
    ])
    expect(numbers(sortTrials(rows, columns, { column: 'number', direction: 'desc' }))).toEqual([
      4, 3, 2, 1, 0,
    ])
  })

  it('does not reorder the input and ignores an unknown column', () => {
    const copy = [...rows].reverse()
    const sorted = sortTrials(copy, columns, { column: 'nope', direction: 'asc' })
    expect(numbers(sorted)).toEqual([4, 3, 2, 1, 0])
    expect(sorted).not.toBe(copy)
  })

  it('puts a non-finite value with the missing ones', () => {
    const odd = [row(0, { values: [Number.NaN, 1] }), row(1, { values: [3, 1] })]
    const cols = trialColumns(odd, ['MAE', 'gap'])
    expect(numbers(sortTrials(odd, cols, { column: 'value:0', direction: 'asc' }))).toEqual([1, 0])
  })
})

describe('filterTrials', () => {
  const all = new Set<TrialState>()
  it('counts trials by state', () => {
    expect(countByState(rows)).toEqual({ running: 1, complete: 2, pruned: 1, failed: 1 })
  })

  it('shows the pressed states only, all when none is pressed', () => {
    expect(numbers(filterTrials(rows, { states: all, text: '' }))).toEqual([0, 1, 2, 3, 4])
    expect(
      numbers(filterTrials(rows, { states: new Set<TrialState>(['failed', 'running']), text: '' })),
    ).toEqual([1, 2])
  })

  it('matches words in parameters, error codes and messages, case-insensitively', () => {
    expect(numbers(filterTrials(rows, { states: all, text: 'cancelled' }))).toEqual([2])
    expect(numbers(filterTrials(rows, { states: all, text: 'activation=relu' }))).toEqual([4])
    expect(numbers(filterTrials(rows, { states: all, text: 'num_stacks=1 lr=0.1' }))).toEqual([4])
    expect(numbers(filterTrials(rows, { states: all, text: 'median' }))).toEqual([3])
  })

  it('finds a trial by its number, with or without #', () => {
    expect(numbers(filterTrials(rows, { states: all, text: '3' }))).toContain(3)
    expect(numbers(filterTrials(rows, { states: all, text: '#2' }))).toEqual([2])
    // The state filter still applies to a number.
    expect(
      numbers(filterTrials(rows, { states: new Set<TrialState>(['complete']), text: '2' })),
    ).not.toContain(2)
  })
})
