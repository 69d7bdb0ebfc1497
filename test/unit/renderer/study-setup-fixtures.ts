// What the study setup's tests share: a dataset id and a study's stored settings.
import type { StudySettingsView } from '@shared/study-views'

export const DATASET = 'd'.repeat(64)

/** A tiny study's settings on DATASET, with `over` replacing any of them. */
export function studySettings(over: Partial<StudySettingsView> = {}): StudySettingsView {
  return {
    model: 'NHITS_Q',
    datasetId: DATASET,
    space: { num_stacks: { kind: 'int', low: 1, high: 2 } },
    sampler: 'random',
    pruner: 'none',
    prunerOptions: {},
    seed: 1,
    budget: { trials: 3, seconds: null },
    picpTarget: 80,
    epochs: 1,
    batchSize: null,
    inputLength: 168,
    horizon: 24,
    origins: 2,
    provider: 'cpu',
    workers: 2,
    timeoutS: null,
    target: 'heat',
    pastCovariates: [],
    futureCovariates: [],
    calendar: [],
    ...over,
  }
}
