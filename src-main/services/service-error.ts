// A failure of a service request that is not about the data itself (unknown id, upload out of
// order, …), with a stable code for the UI and tests.

import { CodedError } from '../engine/coded-error'

export type ServiceErrorCode =
  | 'NOT_FOUND'
  | 'UPLOAD_UNKNOWN'
  | 'UPLOAD_OUT_OF_ORDER'
  | 'UPLOAD_INCOMPLETE'
  | 'UPLOAD_TOO_LARGE'
  | 'PARSE_WORKER_FAILED'
  | 'DEMO_MISSING'
  | 'STUDY_RUNNING'
  | 'STUDY_NOT_RUNNING'
  | 'STUDY_FINISHED'
  | 'DRAFT_INVALID'
  | 'NAME_TAKEN'
  | 'RUN_SPEC_MISSING'
  | 'DATA_MISSING'

export class ServiceError extends CodedError<ServiceErrorCode> {
  override readonly name = 'ServiceError'
}
