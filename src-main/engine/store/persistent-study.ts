// A Study wired to its store: what the app and the CLI use to start or resume a study.

import { Study, type StudyOptions } from '../hpo/study'
import type { StudyConfig } from '../hpo/study-config'
import { StudyStore, type StudyStoreOptions } from './study-store'

export interface PersistentStudy {
  study: Study
  store: StudyStore
}

type Options = Omit<StudyOptions, 'sink'> & StudyStoreOptions

/** Validates the config, then writes a new study file at path. */
export async function createPersistentStudy(
  path: string,
  config: StudyConfig,
  options: Options = {},
): Promise<PersistentStudy> {
  const draft = Study.create(config, options)
  const store = await StudyStore.create(path, draft.data, options)
  return { study: Study.resume(store.data, { ...options, sink: store }), store }
}

/** Opens a study file, recovering trials a crash left running, and resumes the study. */
export async function openPersistentStudy(
  path: string,
  options: Options = {},
): Promise<PersistentStudy & { recovered: number[] }> {
  const { store, recovered } = await StudyStore.open(path, options)
  return { study: Study.resume(store.data, { ...options, sink: store }), store, recovered }
}
