// A training or evaluation problem. The code is stable (tests, the trial worker and the UI key on
// it); the message says what is wrong and what to do about it.

export type TrainErrorCode = 'INVALID_OPTIONS' | 'BAD_FORECAST' | 'NO_FORECASTS'

export class TrainError extends Error {
  readonly code: TrainErrorCode

  constructor(code: TrainErrorCode, message: string) {
    super(message)
    this.name = 'TrainError'
    this.code = code
  }
}
