// A problem with a study file, its artifacts or an export. The code is stable; the message says
// what is wrong and what to do about it.

import { CodedError } from '../coded-error'

export type StoreErrorCode =
  | 'STUDY_NOT_FOUND'
  | 'STUDY_EXISTS'
  | 'STUDY_FILE_CORRUPT'
  | 'STUDY_FILE_INVALID'
  | 'STUDY_FROM_NEWER_VERSION'
  | 'ARTIFACT_MISSING'
  | 'EXPORT_UNSUPPORTED'
  | 'EXPORT_INVALID'
  | 'MISSING_BENCHMARKER_KEY'
  | 'NO_COMPLETED_TRIALS'

export class StoreError extends CodedError<StoreErrorCode> {
  override readonly name = 'StoreError'
}
