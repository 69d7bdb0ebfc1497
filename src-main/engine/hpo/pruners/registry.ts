// The one table of pruners the study builds from.

import { createDominancePruner, type DominanceOptions } from './dominance'
import { createMedianPruner, type MedianOptions } from './median'
import { createNoPruner } from './none'
import type { Pruner } from './pruner'

export type PrunerConfig =
  | { name: 'none' }
  | { name: 'median'; options?: MedianOptions }
  | { name: 'dominance'; options?: DominanceOptions }

/** The options each pruner reads; a study refuses any other name (a typo would be ignored). */
export const PRUNER_OPTIONS: Record<PrunerConfig['name'], readonly string[]> = {
  none: [],
  median: ['warmupSteps', 'minCompleted'],
  dominance: ['maxChance', 'window', 'warmupSteps', 'minCompleted', 'maxTrials'],
}

/** A pruner's config from its name and options (the study refuses what does not fit). */
export function prunerConfig(
  name: PrunerConfig['name'],
  options: Record<string, number>,
): PrunerConfig {
  switch (name) {
    case 'none':
      return Object.keys(options).length === 0 ? { name } : ({ name, options } as PrunerConfig)
    case 'median':
      return { name, options }
    case 'dominance':
      return { name, options }
  }
}

export function createPruner(config: PrunerConfig): Pruner {
  switch (config.name) {
    case 'none':
      return createNoPruner()
    case 'median':
      return createMedianPruner(config.options)
    case 'dominance':
      return createDominancePruner(config.options)
  }
}
