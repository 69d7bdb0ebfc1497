// A parameter set a model cannot be built with. The code is stable (the CLI turns these into
// usage errors, the study into refused spaces); the message names the parameter and what it takes.

import { CodedError } from '../coded-error'

export type ModelErrorCode = 'UNKNOWN_MODEL' | 'UNKNOWN_PARAM' | 'BAD_PARAM' | 'OUT_OF_RANGE'

export class ModelError extends CodedError<ModelErrorCode> {
  override readonly name = 'ModelError'
  /** The parameter at fault, when one is. */
  readonly param: string | null

  constructor(code: ModelErrorCode, message: string, param: string | null = null) {
    super(code, message)
    this.param = param
  }
}
