// A draft from the study setup turned into what a study is created with: the study config and
// the run spec (the dataset's stored file, parse options, roles and split; the training settings;
// how the app runs it), and the file it goes to. The dataset is the one the Datasets view set up,
// so the study trains on exactly what the user chose there.

import { prunerConfig, type PrunerConfig } from '../engine/hpo/pruners/registry'
import type { PrunerName } from '../engine/hpo/pruners/pruner'
import type { SamplerConfig } from '../engine/hpo/samplers/registry'
import type { SearchSpace } from '../engine/hpo/search-space'
import { FORECAST_OBJECTIVES, type StudyConfig } from '../engine/hpo/study-config'
import type { DatasetRecord, Series } from '../engine/data/types'
import type { ModelName } from '../engine/models/model-spec'
import type { StudyDraft } from '@shared/study-schemas'
import type { RunSpec } from './run-spec'
import { fileNamePart, studyPathFor } from './study-files'

/** The job id of an app study: its name as it may appear in file names. */
export function jobIdOf(name: string): string {
  return fileNamePart(name)
}

/** The dataset's label in file names: the imported file's name without extension (heat, water). */
export function datasetLabel(record: DatasetRecord): string {
  return fileNamePart(record.fileName.replace(/\.[^.]+$/, '')) || 'data'
}

function pruner(draft: StudyDraft): PrunerConfig {
  const options = draft.prunerOptions ?? {}
  // An unknown name is kept as given: the config check names it.
  return ['none', 'median', 'dominance'].includes(draft.pruner)
    ? prunerConfig(draft.pruner as PrunerName, options)
    : ({ name: draft.pruner, options } as unknown as PrunerConfig)
}

export function draftConfig(draft: StudyDraft, record: DatasetRecord, series: Series): StudyConfig {
  return {
    name: draft.name,
    model: draft.model as ModelName,
    dataset: {
      hash: record.id,
      name: datasetLabel(record),
      columns: series.columns.map((c) => c.name),
      target: record.roles.target,
      split: record.split,
    },
    space: structuredClone(draft.space) as SearchSpace,
    objectives: FORECAST_OBJECTIVES,
    sampler: { name: draft.sampler } as SamplerConfig,
    pruner: pruner(draft),
    seed: draft.seed,
    budget: { ...draft.budget },
  }
}

export function draftSpec(draft: StudyDraft, record: DatasetRecord, sourcePath: string): RunSpec {
  return {
    version: 1,
    model: draft.model as ModelName,
    jobId: jobIdOf(draft.name),
    datasetId: record.id,
    data: {
      path: sourcePath,
      label: datasetLabel(record),
      hash: record.id,
      // The dataset's own parse options, so renamed columns keep their names in the workers.
      parse: structuredClone(record.parseOptions),
      roles: structuredClone(record.roles),
      split: structuredClone(record.split),
    },
    settings: {
      provider: draft.provider,
      seed: draft.seed,
      threads: 1,
      picpTarget: draft.picpTarget,
      origins: draft.origins,
      horizon: draft.horizon,
      ...(draft.inputLength !== undefined ? { inputLength: draft.inputLength } : {}),
      ...(draft.epochs !== undefined ? { epochs: draft.epochs } : {}),
      ...(draft.batchSize !== undefined ? { batchSize: draft.batchSize } : {}),
    },
    run: { workers: draft.workers, timeoutS: draft.timeoutS },
  }
}

export function draftPath(studiesDir: string, draft: StudyDraft, record: DatasetRecord): string {
  return studyPathFor(studiesDir, draft.model, datasetLabel(record), jobIdOf(draft.name))
}
