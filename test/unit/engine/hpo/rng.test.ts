import { describe, expect, it } from 'vitest'
import { hashInts, Rng } from '../../../../src-main/engine/hpo/rng'

describe('seeded generator', () => {
  it('repeats for the same keys and differs for others', () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(1, 2)),
    )
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(1, 2)),
    )
    const c = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(1, 3)),
    )
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
    expect(hashInts(2 ** 40)).not.toBe(hashInts(0))
  })

  it('draws uniform values, normals and weighted indices with the right moments', () => {
    const rng = new Rng(9)
    const n = 20000
    let sum = 0
    let sq = 0
    let normalSum = 0
    let normalSq = 0
    const counts = [0, 0, 0]
    for (let i = 0; i < n; i++) {
      const u = rng.next()
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
      sum += u
      sq += u * u
      const z = rng.normal()
      normalSum += z
      normalSq += z * z
      counts[rng.weighted([1, 2, 1])]++
    }
    expect(sum / n).toBeCloseTo(0.5, 1)
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2)
    expect(normalSum / n).toBeCloseTo(0, 1)
    expect(normalSq / n).toBeCloseTo(1, 1)
    expect(counts[1] / n).toBeCloseTo(0.5, 1)
  })
})
