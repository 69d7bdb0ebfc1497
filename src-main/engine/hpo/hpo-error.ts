// A problem with a study's set-up or with how it is driven. The code is stable (tests, the API
// and the UI key on it); the message says what is wrong and what to do about it.

import { CodedError } from '../coded-error'

export type HpoErrorCode =
  | 'INVALID_SEARCH_SPACE'
  | 'INVALID_CONFIG'
  | 'INVALID_PARAMS'
  | 'UNSUPPORTED_PAIRING'
  | 'BUDGET_EXHAUSTED'
  | 'UNKNOWN_TRIAL'
  | 'TRIAL_NOT_RUNNING'
  | 'INVALID_VALUES'
  | 'INVALID_REPORT'
  | 'NO_COMPLETED_TRIALS'

export class HpoError extends CodedError<HpoErrorCode> {
  override readonly name = 'HpoError'
}
