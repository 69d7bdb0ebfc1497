// Schema versions of the study file. A file written by an older Frontier is brought forward one
// version at a time by the functions in MIGRATIONS (version v → v + 1) before it is validated;
// a file from a newer Frontier is refused rather than guessed at. Each step has its test.

import { StoreError } from './store-error'
import { CURRENT_SCHEMA_VERSION } from './study-file'

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>

export const MIGRATIONS: Record<number, Migration> = {
  // 2: trials keep the pruner's reason; version 1 did not record it.
  1: (doc) => ({
    ...doc,
    trials: Array.isArray(doc.trials)
      ? doc.trials.map((t: unknown) => (isRecord(t) ? { prunedReason: null, ...t } : t))
      : doc.trials,
  }),
  // 3: out-of-sample confirmations; no study had one before.
  2: (doc) => ({ confirmations: [], ...doc }),
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Brings a parsed study document to `target` (the current version unless a test says else). */
export function migrateStudyDocument(
  doc: unknown,
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): Record<string, unknown> {
  if (!isRecord(doc) || !Number.isInteger(doc.schemaVersion))
    throw new StoreError(
      'STUDY_FILE_INVALID',
      'This is not a Frontier study file (no schemaVersion); open the .json file a study wrote.',
    )
  let current = doc
  let version = current.schemaVersion as number
  if (version > target)
    throw new StoreError(
      'STUDY_FROM_NEWER_VERSION',
      `The study file has schema version ${version}; this Frontier reads up to ${target}. Update Frontier to open it.`,
    )
  while (version < target) {
    const step = migrations[version]
    if (!step)
      throw new StoreError(
        'STUDY_FILE_INVALID',
        `No migration from study file version ${version}; the file cannot be read by this Frontier.`,
      )
    current = { ...step(current), schemaVersion: version + 1 }
    version++
  }
  return current
}
