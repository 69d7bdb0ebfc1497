// Never prunes: every trial runs all its epochs.

import { GO_ON, type Pruner } from './pruner'

export function createNoPruner(): Pruner {
  const capabilities = { reads: 'nothing', minObjectives: 1, maxObjectives: Infinity } as const
  return { name: 'none', capabilities, refusal: () => null, prune: () => GO_ON }
}
