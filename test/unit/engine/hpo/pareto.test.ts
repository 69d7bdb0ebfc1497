import { describe, expect, it } from 'vitest'
import {
  balancedIndex,
  crowdingDistances,
  dominates,
  hypervolume,
  hypervolumeContributions,
  nonDominatedRanks,
  paretoFrontIndices,
  paretoSummary,
} from '../../../../src-main/engine/hpo/pareto'
import {
  referenceContributions,
  referenceCrowding,
  referenceHypervolume,
  referenceRanks,
} from '../../../../src-main/engine/hpo/pareto-reference'
import { Rng } from '../../../../src-main/engine/rng'
import type { TrialRecord } from '../../../../src-main/engine/hpo/types'
import { trialRecord } from './trial-record'

/** Random point sets with many ties and duplicates (values on a coarse grid). */
function randomSets(dims: number, count: number): number[][][] {
  const rng = new Rng(42, dims)
  return Array.from({ length: count }, (_, s) => {
    const n = 1 + rng.int(s < count / 2 ? 12 : 40)
    const grid = 2 + rng.int(8)
    return Array.from({ length: n }, () => Array.from({ length: dims }, () => rng.int(grid) / grid))
  })
}

describe('dominance', () => {
  it('is strict: equal points do not dominate each other', () => {
    expect(dominates([1, 2], [1, 3])).toBe(true)
    expect(dominates([1, 2], [1, 2])).toBe(false)
    expect(dominates([0, 3], [1, 2])).toBe(false)
  })
})

describe('non-dominated sorting', () => {
  it('matches the peeling reference on random 2-D sets with ties and duplicates', () => {
    for (const points of randomSets(2, 300))
      expect(Array.from(nonDominatedRanks(points))).toEqual(referenceRanks(points))
  })

  it('matches the reference in 3 and 4 dimensions', () => {
    for (const dims of [3, 4])
      for (const points of randomSets(dims, 100))
        expect(Array.from(nonDominatedRanks(points))).toEqual(referenceRanks(points))
  })

  it('gives the front in input order', () => {
    expect(
      paretoFrontIndices([
        [3, 1],
        [2, 2],
        [2, 3],
        [1, 3],
      ]),
    ).toEqual([0, 1, 3])
    expect(paretoFrontIndices([])).toEqual([])
  })
})

describe('hypervolume', () => {
  it('is exact on hand-computed cases', () => {
    expect(hypervolume([[0, 0]], [1, 1])).toBe(1)
    expect(
      hypervolume(
        [
          [0.5, 0.5],
          [0.25, 0.75],
        ],
        [1, 1],
      ),
    ).toBeCloseTo(0.25 + 0.25 * 0.25, 12)
    expect(hypervolume([[2, 0]], [1, 1])).toBe(0)
    expect(hypervolume([[0, 0, 0]], [1, 2, 3])).toBe(6)
  })

  it('matches cell counting in 2, 3 and 4 dimensions', () => {
    for (const dims of [2, 3, 4])
      for (const points of randomSets(dims, dims === 2 ? 200 : 40)) {
        const ref = Array.from({ length: dims }, () => 1.1)
        expect(hypervolume(points, ref)).toBeCloseTo(referenceHypervolume(points, ref), 10)
      }
  })

  it('gives exclusive contributions equal to volume lost on removal', () => {
    for (const dims of [2, 3])
      for (const points of randomSets(dims, dims === 2 ? 150 : 30)) {
        const ref = Array.from({ length: dims }, () => 1.1)
        const fast = Array.from(hypervolumeContributions(points, ref))
        const slow = referenceContributions(points, ref)
        fast.forEach((c, i) => expect(c).toBeCloseTo(slow[i], 10))
      }
  })
})

describe('crowding distance', () => {
  it('matches the neighbour-scanning reference', () => {
    for (const dims of [2, 3])
      for (const points of randomSets(dims, 150)) {
        const fast = Array.from(crowdingDistances(points))
        const slow = referenceCrowding(points)
        fast.forEach((c, i) =>
          Number.isFinite(slow[i]) ? expect(c).toBeCloseTo(slow[i], 12) : expect(c).toBe(Infinity),
        )
      }
  })

  it('gives the extremes infinite distance', () => {
    const d = crowdingDistances([
      [0, 3],
      [1, 2],
      [2, 1],
      [3, 0],
    ])
    expect(d[0]).toBe(Infinity)
    expect(d[3]).toBe(Infinity)
    expect(d[1]).toBeCloseTo(2 / 3 + 2 / 3, 12)
  })
})

describe('balanced pick', () => {
  it('takes the point closest to the ideal after min–max normalisation', () => {
    // Normalised: (0,1), (0.5,0.2)→ d²=0.29, (1,0): the middle one wins.
    expect(
      balancedIndex([
        [1, 10],
        [2, 2],
        [3, 0],
      ]),
    ).toBe(1)
  })

  it('breaks ties by the first objective (MAE)', () => {
    // (0,1) and (1,0) are equally far from the ideal: the lower MAE wins whatever the order.
    expect(
      balancedIndex([
        [3, 0],
        [1, 10],
      ]),
    ).toBe(1)
    expect(
      balancedIndex([
        [1, 10],
        [3, 0],
      ]),
    ).toBe(0)
  })

  it('handles a single point and an empty front', () => {
    expect(balancedIndex([[5, 5]])).toBe(0)
    expect(balancedIndex([])).toBe(-1)
  })
})

function trial(
  number: number,
  values: number[] | null,
  state: TrialRecord['state'] = 'complete',
): TrialRecord {
  return trialRecord({ number, state, params: { x: number }, values })
}

describe('pareto summary', () => {
  const trials = [
    trial(0, [0.1, 20]),
    trial(1, [0.2, 5]),
    trial(2, [0.4, 0]),
    trial(3, [0.3, 6]), // dominated by 1
    trial(4, null, 'failed'),
    trial(5, null, 'pruned'),
    trial(6, [0.1, 25]), // same MAE as 0, worse PICP gap: dominated
  ]

  it('gives the front by MAE and the three picks', () => {
    const s = paretoSummary(trials, 3)
    expect(s.front.map((t) => t.number)).toEqual([0, 1, 2])
    expect(s.bestMae?.number).toBe(0)
    expect(s.bestPicp?.number).toBe(2)
    expect(s.balanced?.number).toBe(1)
    expect(s.user?.number).toBe(3)
  })

  it('ignores a pick that is not a complete trial, and an empty study', () => {
    expect(paretoSummary(trials, 4).user).toBeNull()
    const empty = paretoSummary([])
    expect(empty.front).toEqual([])
    expect(empty.balanced).toBeNull()
  })

  it('respects maximised objectives', () => {
    const s = paretoSummary([trial(0, [1, 1]), trial(1, [2, 1])], null, ['maximize', 'minimize'])
    expect(s.front.map((t) => t.number)).toEqual([1])
  })
})
