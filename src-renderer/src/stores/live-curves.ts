// Learning curves of the trials the monitor draws live: what `studies:trial` returned for a trial
// merged with the epochs its `studies:epoch` events brought, by epoch number, so a fetch that
// lands late neither drops an epoch an event already added nor duplicates one.
import type { EpochPoint, StudyEpochEvent } from '@shared/study-views'

export interface LiveCurve {
  trial: number
  /** Epochs the trial trains at most, when known. */
  epochs: number | null
  curve: EpochPoint[]
  /** The study decided to prune after the last epoch. */
  prune: boolean
}

export function mergeCurve(a: readonly EpochPoint[], b: readonly EpochPoint[]): EpochPoint[] {
  const byEpoch = new Map<number, EpochPoint>()
  for (const p of a) byEpoch.set(p.epoch, p)
  for (const p of b) byEpoch.set(p.epoch, p)
  return [...byEpoch.values()].sort((x, y) => x.epoch - y.epoch)
}

export function applyEpoch(live: LiveCurve | undefined, event: StudyEpochEvent): LiveCurve {
  return {
    trial: event.trial,
    epochs: event.epochs ?? live?.epochs ?? null,
    curve: mergeCurve(live?.curve ?? [], [event.point]),
    prune: event.prune,
  }
}
