// Median pruner on the scalar validation loss (lower is better).
//
// Rule: at step s, once s ≥ warmupSteps and at least minCompleted complete trials reported a
// loss at step s, stop the trial if the best loss it has reported up to s is above the median of
// those trials' losses at s. Comparing the trial's best-so-far (not its latest) value spares a
// trial whose loss merely wobbled upwards for one epoch.

import { objectiveRefusal, reportAt, GO_ON, type Pruner, type PrunerCapabilities } from './pruner'

export interface MedianOptions {
  warmupSteps?: number
  minCompleted?: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid])
}

const capabilities: PrunerCapabilities = {
  reads: 'loss',
  minObjectives: 1,
  maxObjectives: Infinity,
}

export function createMedianPruner(options: MedianOptions = {}): Pruner {
  const warmupSteps = options.warmupSteps ?? 3
  const minCompleted = options.minCompleted ?? 5
  return {
    name: 'median',
    capabilities,
    refusal: (directions) =>
      objectiveRefusal('median', capabilities, directions) ??
      (Number.isInteger(warmupSteps) &&
      warmupSteps >= 0 &&
      Number.isInteger(minCompleted) &&
      minCompleted >= 1
        ? null
        : 'median: warmupSteps must be an integer ≥ 0 and minCompleted an integer ≥ 1.'),
    prune: ({ trial, step, trials }) => {
      if (step < warmupSteps) return GO_ON
      const others: number[] = []
      for (const t of trials) {
        if (t.state !== 'complete') continue
        const loss = reportAt(t, step)?.loss
        if (loss !== undefined && loss !== null) others.push(loss)
      }
      if (others.length < minCompleted) return GO_ON
      let best = Infinity
      for (const r of trial.intermediate)
        if (r.step <= step && r.loss !== null) best = Math.min(best, r.loss)
      const m = median(others)
      return best > m
        ? {
            prune: true,
            reason: `best validation loss ${best.toPrecision(4)} up to step ${step} is above the median ${m.toPrecision(4)} of ${others.length} complete trials at that step`,
          }
        : GO_ON
    },
  }
}
