// Dominance pruner for multi-objective studies, over the partial objective vector a trial
// reports per epoch (e.g. walk-forward MAE and |PICP − 80| so far).
//
// Rule: at step s, once s ≥ warmupSteps and at least minCompleted complete trials reported an
// objective vector at step s, stop the trial if its vector at s is Pareto-dominated (no worse in
// every objective, better in one) by the vectors at s of at least k of those trials, each first
// made worse by a handicap of margin × (the spread of that objective over those trials at s).
// With k > 1 a single lucky early leader cannot stop everything; the handicap spares trials that
// are only just behind (they may learn more slowly and still end up on the front).

import { dominates } from '../pareto'
import { objectiveRefusal, reportAt, GO_ON, type Pruner, type PrunerCapabilities } from './pruner'

export interface DominanceOptions {
  /** How many complete trials must dominate the trial (default 2). */
  k?: number
  /** Handicap of the complete trials, as a share of each objective's spread (default 0.02). */
  margin?: number
  warmupSteps?: number
  minCompleted?: number
}

const capabilities: PrunerCapabilities = {
  reads: 'objectives',
  minObjectives: 2,
  maxObjectives: Infinity,
}

export function createDominancePruner(options: DominanceOptions = {}): Pruner {
  const k = options.k ?? 2
  const margin = options.margin ?? 0.02
  const warmupSteps = options.warmupSteps ?? 3
  const minCompleted = options.minCompleted ?? 5
  return {
    name: 'dominance',
    capabilities,
    refusal: (directions) => {
      const shared = objectiveRefusal('dominance', capabilities, directions)
      if (shared) return `${shared} For one objective use the median pruner.`
      if (!Number.isInteger(k) || k < 1)
        return `dominance: k must be a positive integer (got ${k}).`
      if (!Number.isInteger(warmupSteps) || warmupSteps < 0)
        return `dominance: warmupSteps must be an integer ≥ 0 (got ${warmupSteps}).`
      if (!Number.isInteger(minCompleted) || minCompleted < k)
        return `dominance: minCompleted must be an integer ≥ k (${k}) (got ${minCompleted}).`
      return null
    },
    prune: ({ trial, step, trials, directions }) => {
      if (step < warmupSteps) return GO_ON
      const own = reportAt(trial, step)?.objectives
      if (!own) return GO_ON
      const sign = directions.map((d) => (d === 'maximize' ? -1 : 1))
      const mine = own.map((v, i) => sign[i] * v)
      const others: number[][] = []
      for (const t of trials) {
        if (t.state !== 'complete') continue
        const theirs = reportAt(t, step)?.objectives
        if (theirs) others.push(theirs.map((v, i) => sign[i] * v))
      }
      const compared = others.length
      if (compared < minCompleted) return GO_ON
      // The handicap: margin × the spread of each objective over the complete trials at this step.
      const handicap = mine.map((_, i) => {
        let lo = Infinity
        let hi = -Infinity
        for (const o of others) {
          lo = Math.min(lo, o[i])
          hi = Math.max(hi, o[i])
        }
        return margin * (hi - lo)
      })
      let dominating = 0
      for (const o of others)
        if (
          dominates(
            o.map((v, i) => v + handicap[i]),
            mine,
          )
        )
          dominating++
      if (dominating < k) return GO_ON
      return {
        prune: true,
        reason: `at step ${step} its objectives are dominated by ${dominating} of ${compared} complete trials, even with a handicap of ${margin} × the spread (threshold ${k})`,
      }
    },
  }
}
