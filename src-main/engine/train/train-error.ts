// A training or evaluation problem. The code is stable (tests, the trial worker and the UI key on
// it); the message says what is wrong and what to do about it.

import { CodedError } from '../coded-error'

export type TrainErrorCode = 'INVALID_OPTIONS' | 'BAD_FORECAST' | 'NO_FORECASTS'

export class TrainError extends CodedError<TrainErrorCode> {
  override readonly name = 'TrainError'
}
