// A failed request, as the views see it: the code and message main sent (or one the transport
// made up when the request never reached main), so a view can show both without guessing.
import type { ApiError as ApiErrorShape, ErrorCode } from '@shared/contract'

export class ApiError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message)
  }

  /** Whatever was thrown, as an ApiError: a plain Error keeps its message under a generic code. */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error
    if (error instanceof Error) return new ApiError('UNEXPECTED', error.message)
    return new ApiError('UNEXPECTED', String(error))
  }
}

/** Codes the renderer itself produces, for failures that never reached a handler in main. */
export const TRANSPORT_ERRORS = {
  connectionLost: 'CONNECTION_LOST',
  transport: 'TRANSPORT_FAILED',
} as const
