import { describe, expect, it } from 'vitest'
import { placeProblems } from '../../../src-renderer/src/lib/draft-problems'
import { formatConfigurations, formatEstimate } from '../../../src-renderer/src/lib/study-estimate'

describe('formatConfigurations', () => {
  it('counts configurations, or says the space is continuous', () => {
    expect(formatConfigurations(null)).toBe('continuous')
    expect(formatConfigurations(1)).toBe('1 configuration')
    expect(formatConfigurations(1296)).toBe('1,296 configurations')
  })
})

describe('formatEstimate', () => {
  const basis = 'median of 12 NHITS_Q trials here'
  it('says when there is nothing to estimate from', () => {
    const e = formatEstimate({
      seconds: null,
      basis: null,
      budget: { trials: 50, seconds: null },
      workers: 2,
    })
    expect(e.perTrial).toMatch(/^No estimate yet/)
    expect(e.budget).toBeNull()
  })

  it('gives the time per trial and for the trial budget on the chosen workers', () => {
    const e = formatEstimate({
      seconds: 42,
      basis,
      budget: { trials: 50, seconds: null },
      workers: 2,
    })
    expect(e.perTrial).toBe('≈ 42 s per trial (median of 12 NHITS_Q trials here)')
    expect(e.budget).toBe('≈ 18 min for 50 trials on 2 workers.')
  })

  it('does not pretend to know how main spreads trials over automatic workers', () => {
    const e = formatEstimate({
      seconds: 60,
      basis: null,
      budget: { trials: 1, seconds: null },
      workers: null,
    })
    expect(e.perTrial).toBe('≈ 1 min per trial')
    expect(e.budget).toBe('≈ 1 min for 1 trial one at a time; less with parallel workers.')
  })

  it('says when the time budget ends the study before the trials are spent', () => {
    const e = formatEstimate({
      seconds: 600,
      basis,
      budget: { trials: 100, seconds: 3600 },
      workers: 1,
    })
    expect(e.budget).toBe(
      '≈ 16 h 40 min for 100 trials on 1 worker; the time budget (1 h) ends the study first.',
    )
    expect(
      formatEstimate({ seconds: 600, basis, budget: { trials: null, seconds: 3600 }, workers: 1 })
        .budget,
    ).toBeNull()
  })
})

describe('placeProblems', () => {
  it('puts a problem at its field, and one without a shown field at the top', () => {
    const placed = placeProblems(
      [
        { field: 'lr', message: 'lr: low (0.1) must be below high (0.01).' },
        { field: 'lr', message: 'lr: low (0.1) must be below high (0.01).' },
        { field: 'budget', message: 'NSGA-II needs more trials.' },
        { field: null, message: 'The split is too short.' },
        { field: 'somethingNew', message: 'A field the form does not have.' },
      ],
      ['lr', 'budget'],
    )
    expect(Object.fromEntries(placed.at)).toEqual({
      lr: ['lr: low (0.1) must be below high (0.01).'],
      budget: ['NSGA-II needs more trials.'],
    })
    expect(placed.top).toEqual(['The split is too short.', 'A field the form does not have.'])
  })
})
