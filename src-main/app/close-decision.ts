// What closing the main window does while studies run here: the question, its answers, and the
// outcome of each. Pure, so the rules are tested without Electron; close-guard.ts acts on them.

export type CloseAnswer = 'stop' | 'background' | 'cancel'

export type CloseOutcome =
  /** Nothing runs (any more): close as usual. */
  | { kind: 'close' }
  /** Stop the live studies cleanly, then close. */
  | { kind: 'stop-then-close'; ids: string[] }
  /** Hide the window; the app lives on until the studies end. */
  | { kind: 'hide'; ids: string[] }
  /** Keep the window open. */
  | { kind: 'stay' }

/** The answers in the order the dialog shows its buttons. */
export const CLOSE_ANSWERS: readonly CloseAnswer[] = ['stop', 'background', 'cancel']

export interface ClosePrompt {
  type: 'question'
  title: string
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
  noLink: true
}

/** True when closing has to ask first. */
export function mustAsk(liveIds: readonly string[]): boolean {
  return liveIds.length > 0
}

export function closePrompt(liveNames: readonly string[]): ClosePrompt {
  const one = liveNames.length === 1
  const which = one ? `“${liveNames[0]}” is` : `${liveNames.length} studies are`
  return {
    type: 'question',
    title: 'Frontier',
    message: `${which} still running.`,
    detail:
      'Stopping interrupts the running trials; they are queued again and run when the study is ' +
      'resumed. In the background the study goes on without the window, and Frontier quits ' +
      'when it ends; launch Frontier again to bring the window back.',
    buttons: [
      one ? 'Stop the study' : 'Stop the studies',
      'Keep running in the background',
      'Cancel',
    ],
    defaultId: CLOSE_ANSWERS.indexOf('cancel'),
    cancelId: CLOSE_ANSWERS.indexOf('cancel'),
    noLink: true,
  }
}

/** The answer a button index stands for; an index out of range (the dialog dismissed) cancels. */
export function answerOf(response: number): CloseAnswer {
  return CLOSE_ANSWERS[response] ?? 'cancel'
}

/**
 * The outcome, on the studies live when the answer came: one that ended while the dialog was
 * open needs neither stopping nor a background.
 */
export function decideClose(liveIds: readonly string[], answer: CloseAnswer): CloseOutcome {
  if (answer === 'cancel') return { kind: 'stay' }
  if (liveIds.length === 0) return { kind: 'close' }
  return answer === 'stop'
    ? { kind: 'stop-then-close', ids: [...liveIds] }
    : { kind: 'hide', ids: [...liveIds] }
}

/** A window hidden to keep studies running closes once none runs. */
export function backgroundDone(hiddenForStudies: boolean, liveIds: readonly string[]): boolean {
  return hiddenForStudies && liveIds.length === 0
}
