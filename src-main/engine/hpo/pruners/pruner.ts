// One interface for every pruner: a single decision per report. A pruner sees the reporting
// trial and every trial of the study, and answers prune or go on, with the reason in words.

import type { SpaceCodec } from '../space-codec'
import type { Direction, IntermediateValue, PruneDecision, TrialRecord } from '../types'

export type PrunerName = 'none' | 'median' | 'dominance'
export const PRUNER_NAMES: readonly PrunerName[] = ['none', 'median', 'dominance']

export interface PrunerCapabilities {
  /** Which part of a report the pruner reads; reports lacking it are refused. */
  reads: 'nothing' | 'loss' | 'objectives'
  minObjectives: number
  maxObjectives: number
}

export interface PruneContext {
  trial: TrialRecord
  step: number
  trials: readonly TrialRecord[]
  directions: readonly Direction[]
  /** The study's search space, for pruners that compare trials by their parameters. */
  codec?: SpaceCodec
}

export interface Pruner {
  readonly name: PrunerName
  readonly capabilities: PrunerCapabilities
  /** Why this pruner cannot serve a study with these objectives, or null. */
  refusal(directions: readonly Direction[]): string | null
  prune(ctx: PruneContext): PruneDecision
}

export const GO_ON: PruneDecision = { prune: false, reason: null }

/** The report of a trial at exactly this step, if it made one. */
export function reportAt(trial: TrialRecord, step: number): IntermediateValue | undefined {
  // Steps are strictly increasing, so a binary search would do; reports are few per trial.
  for (let i = trial.intermediate.length - 1; i >= 0; i--) {
    const r = trial.intermediate[i]
    if (r.step === step) return r
    if (r.step < step) return undefined
  }
  return undefined
}

export function objectiveRefusal(
  name: PrunerName,
  caps: PrunerCapabilities,
  directions: readonly Direction[],
): string | null {
  const m = directions.length
  return m < caps.minObjectives || m > caps.maxObjectives
    ? `The ${name} pruner works with ${caps.minObjectives}–${caps.maxObjectives} objectives, not ${m}.`
    : null
}
