// The one table of pruners the study builds from.

import { createDominancePruner, type DominanceOptions } from './dominance'
import { createMedianPruner, type MedianOptions } from './median'
import { createNoPruner } from './none'
import type { Pruner } from './pruner'

export type PrunerConfig =
  | { name: 'none' }
  | { name: 'median'; options?: MedianOptions }
  | { name: 'dominance'; options?: DominanceOptions }

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
