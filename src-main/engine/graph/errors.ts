// A graph or runtime problem. The code is stable (tests, the trial worker and the UI key on it);
// the message says what is wrong and, where the user can act, what to do.

import { CodedError } from '../coded-error'

export type GraphErrorCode =
  | 'SHAPE_MISMATCH'
  | 'DTYPE_MISMATCH'
  | 'BAD_ARGUMENT'
  | 'DUPLICATE_NAME'
  | 'NOT_DIFFERENTIABLE'
  | 'UNSUPPORTED'
  | 'MISSING_FEED'
  | 'PROVIDER_UNAVAILABLE'
  | 'SESSION_FAILED'
  | 'RUN_FAILED'

export class GraphError extends CodedError<GraphErrorCode> {
  override readonly name = 'GraphError'
}

export function check(condition: boolean, code: GraphErrorCode, message: () => string): void {
  if (!condition) throw new GraphError(code, message())
}
