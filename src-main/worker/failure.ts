// How a worker that ended without a result is described on its trial: a stable code, a reason a
// user can act on, the last lines of its stderr, and whether running the same parameters again
// might succeed (a crash may be the machine's fault; a thrown error or divergence is the
// trial's own and would only repeat).

import type { WorkerExit } from './worker-host'

export type FailureCode =
  | 'WORKER_CRASH'
  | 'OUT_OF_MEMORY'
  | 'WORKER_HUNG'
  | 'WORKER_START_FAILED'
  | 'PROTOCOL_ERROR'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'INTERRUPTED'

export interface TrialFailure {
  /** A FailureCode, or the code the worker reported (DIVERGED, TRIAL_ERROR, a DataError code…). */
  code: string
  reason: string
  /** The parameters may run again (the scheduler's bounded retry). */
  retryable: boolean
}

const OOM = /heap out of memory|Reached heap limit|Allocation failed|std::bad_alloc|out of memory/i

/** The reason with the worker's last stderr lines appended, when it wrote any. */
export function withStderr(reason: string, stderr: string): string {
  return stderr ? `${reason}\nLast lines of the worker's stderr:\n${stderr}` : reason
}

/** A worker that exited (or was killed) before its terminal message. */
export function exitFailure(exit: WorkerExit, stderr: string, during: string): TrialFailure {
  if (OOM.test(stderr))
    return {
      code: 'OUT_OF_MEMORY',
      reason: withStderr(
        `The worker ran out of memory ${during}. Try smaller layer widths or batch size, or fewer workers.`,
        stderr,
      ),
      retryable: true,
    }
  const how =
    exit.signal !== null
      ? exit.signal === 'SIGKILL'
        ? 'was killed (SIGKILL: by hand, or by the system when memory ran out)'
        : `was ended by ${exit.signal}`
      : exit.code === 0
        ? 'exited without reporting a result'
        : `exited with code ${exit.code}`
  return {
    code: 'WORKER_CRASH',
    reason: withStderr(`The worker process ${how} ${during}.`, stderr),
    retryable: true,
  }
}
