// The study file outside a running study: read it without side effects (no recovery of trials
// left running, no rewrite — a `frontier run` may be writing it right now), and the one write a
// confirmation makes: the file read again, its confirmations merged in, written atomically.
// Opening through StudyStore would mark running trials failed, which only a resume may do; it
// parses the document the same way (parseStudyDocument) before it recovers trials.

import { AtomicJsonFile } from './atomic-json-file'
import { migrateStudyDocument } from './migrations'
import { StoreError } from './store-error'
import { studyFileSchema, type StudyFile } from './study-file'
import { mergeConfirmations, type TrialConfirmation } from './trial-confirmation'

/** The study file, migrated and validated in memory; the file itself is left as it is. */
export async function readStudyFile(path: string): Promise<StudyFile> {
  const raw = await new AtomicJsonFile<unknown>(path).read()
  if (raw === null) throw new StoreError('STUDY_NOT_FOUND', `There is no study file at ${path}.`)
  return parseStudyDocument(path, raw)
}

/** A study file's document as read from `path`, migrated to the current schema and validated. */
export function parseStudyDocument(path: string, raw: unknown): StudyFile {
  const migrated = migrateStudyDocument(raw)
  const parsed = studyFileSchema.safeParse(migrated)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new StoreError(
      'STUDY_FILE_INVALID',
      `${path} is not a valid study file (${first.path.join('.') || 'root'}: ${first.message}).`,
    )
  }
  // Validation checked the shape; keep the document itself (with its key order) as the state.
  return migrated as unknown as StudyFile
}

/**
 * Adds confirmations to the study file (replacing earlier ones of the same trials) and returns
 * the file as written. `guard` sees the freshly read file first and may refuse by throwing.
 */
export async function saveConfirmations(
  path: string,
  fresh: readonly TrialConfirmation[],
  guard: (file: StudyFile) => void = () => undefined,
): Promise<StudyFile> {
  const file = await readStudyFile(path)
  guard(file)
  file.confirmations = mergeConfirmations(file.confirmations, fresh)
  await new AtomicJsonFile<StudyFile>(path).write(file)
  return file
}
