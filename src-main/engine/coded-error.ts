// The one shape of every error a user can act on: a stable code (tests, the API and the UI key
// on it) and a message that says what is wrong and what to do. Each layer narrows the code to its
// own union; anything crossing a process boundary is mapped through this base class.

export class CodedError<Code extends string = string> extends Error {
  readonly code: Code

  constructor(code: Code, message: string) {
    super(message)
    this.code = code
  }
}
