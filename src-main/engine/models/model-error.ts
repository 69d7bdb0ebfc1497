// A parameter set a model cannot be built with. The code is stable (the CLI turns these into
// usage errors, the study into refused spaces); the message names the parameter and what it takes.

export type ModelErrorCode = 'UNKNOWN_MODEL' | 'UNKNOWN_PARAM' | 'BAD_PARAM' | 'OUT_OF_RANGE'

export class ModelError extends Error {
  readonly code: ModelErrorCode
  /** The parameter at fault, when one is. */
  readonly param: string | null

  constructor(code: ModelErrorCode, message: string, param: string | null = null) {
    super(message)
    this.name = 'ModelError'
    this.code = code
    this.param = param
  }
}
