import { describe, expect, it } from 'vitest'
import { miw, picp, winkler } from '../../../../src-main/engine/metrics/interval'
import {
  referenceMiw,
  referencePicp,
  referenceWinkler,
} from '../../../../src-main/engine/metrics/reference'
import { close, randomPoints } from './random-points'

// y = 1 inside, 5 below the interval [6, 8], 10 exactly on the lower bound, NaN left out.
const actual = [1, 5, 10, NaN]
const lower = [0, 6, 10, 0]
const upper = [2, 8, 12, 0]

describe('interval metrics', () => {
  it('PICP counts inclusive bounds, in percent', () => {
    expect(picp(actual, lower, upper)).toBeCloseTo((100 * 2) / 3, 12)
    expect(picp([NaN], [0], [1])).toBeNaN()
    expect(picp([1], [NaN], [2])).toBeNaN()
  })

  it('MIW is the mean width', () => {
    expect(miw(actual, lower, upper)).toBe(2)
  })

  it('Winkler adds 2/α times the miss (α = 0.2: ten times)', () => {
    // widths 2, 2, 2; the second point misses by 1 → 2 + 10.
    expect(winkler(actual, lower, upper)).toBeCloseTo(16 / 3, 12)
    expect(winkler([13], [10], [12], 0.5)).toBe(2 + 4 * 1)
  })

  it('uses crossed bounds as given', () => {
    expect(picp([1], [2], [0])).toBe(0)
    expect(miw([1], [2], [0])).toBe(-2)
  })

  it('match the references on random inputs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const p = randomPoints(seed)
      const msg = `seed ${seed}`
      expect(close(picp(p.actual, p.p10, p.p90), referencePicp(p)), msg).toBe(true)
      expect(close(miw(p.actual, p.p10, p.p90), referenceMiw(p)), msg).toBe(true)
      expect(close(winkler(p.actual, p.p10, p.p90), referenceWinkler(p)), msg).toBe(true)
    }
  })
})
