// A problem confirming a trial's stored model out of sample: the model file is not a Frontier
// export, it was trained on other columns or another scaling than the data now gives, the data
// file changed, or the trial kept no model. The code is stable; the message says what to do.

import { CodedError } from '../coded-error'

export type ConfirmErrorCode =
  | 'MODEL_METADATA_INVALID'
  | 'MODEL_MISMATCH'
  | 'MODEL_MISSING'
  | 'DATA_CHANGED'
  | 'DATA_UNREADABLE'
  | 'UNKNOWN_TRIAL'
  | 'STUDY_RUNNING'
  | 'NOTHING_TO_CONFIRM'
  | 'STUDY_BUSY'

export class ConfirmError extends CodedError<ConfirmErrorCode> {
  override readonly name = 'ConfirmError'
}
