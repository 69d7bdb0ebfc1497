// A data problem the user can fix. The code is stable (tests and the UI key on it); the message
// says what is wrong and what to do about it.

import { CodedError } from '../coded-error'

export type DataErrorCode =
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'HEADER_ONLY'
  | 'TOO_FEW_ROWS'
  | 'NO_HEADER'
  | 'NO_TIMESTAMP_COLUMN'
  | 'TIMESTAMP_COLUMN_NOT_FOUND'
  | 'UNPARSEABLE_TIMESTAMPS'
  | 'MIXED_TIMESTAMP_FORMATS'
  | 'MIXED_OFFSETS'
  | 'DUPLICATE_TIMESTAMPS'
  | 'UNSORTED_TIMESTAMPS'
  | 'IRREGULAR_SAMPLING'
  | 'DST_AMBIGUOUS'
  | 'DST_NONEXISTENT'
  | 'UNKNOWN_TIMEZONE'
  | 'NO_NUMERIC_COLUMNS'
  | 'TEXT_IN_NUMERIC_COLUMN'
  | 'INFINITE_VALUE'
  | 'THOUSANDS_SEPARATOR'
  | 'RAGGED_ROWS'
  | 'UNTERMINATED_QUOTE'
  | 'MALFORMED_QUOTE'
  | 'LINE_TOO_LONG'
  | 'DUPLICATE_COLUMN_NAMES'
  | 'AMBIGUOUS_DELIMITER'
  | 'FILE_TOO_LARGE'
  | 'SPLIT_TOO_SHORT'
  | 'INVALID_SPLIT'
  | 'UNKNOWN_COLUMN'
  | 'INVALID_ROLES'
  | 'INVALID_COLUMN_NAME'

export class DataError extends CodedError<DataErrorCode> {
  override readonly name = 'DataError'
  /** 1-based line of the file where the problem was seen, when there is one. */
  readonly line?: number

  constructor(code: DataErrorCode, message: string, line?: number) {
    super(code, message)
    this.line = line
  }
}
