// The close prompt's rules: ask only while studies run; stop, background and cancel each do what
// they say; a study that ended while the dialog was open needs neither stopping nor hiding.
import { describe, expect, it } from 'vitest'
import {
  answerOf,
  backgroundDone,
  closePrompt,
  decideClose,
  mustAsk,
} from '../../../src-main/app/close-decision'

describe('close decision', () => {
  it('asks only while a study runs', () => {
    expect(mustAsk([])).toBe(false)
    expect(mustAsk(['a.json'])).toBe(true)
  })

  it('maps the buttons to stop, background and cancel, with Escape as cancel', () => {
    const prompt = closePrompt(['Heat NHITS'])
    expect(prompt.buttons).toEqual(['Stop the study', 'Keep running in the background', 'Cancel'])
    expect(prompt.message).toBe('“Heat NHITS” is still running.')
    expect(answerOf(0)).toBe('stop')
    expect(answerOf(1)).toBe('background')
    expect(answerOf(prompt.cancelId)).toBe('cancel')
    expect(answerOf(prompt.defaultId)).toBe('cancel')
    expect(answerOf(-1)).toBe('cancel')
    expect(closePrompt(['a', 'b']).message).toBe('2 studies are still running.')
    expect(closePrompt(['a', 'b']).buttons[0]).toBe('Stop the studies')
  })

  it('does what the answer says for the studies live when it came', () => {
    expect(decideClose(['a', 'b'], 'stop')).toEqual({ kind: 'stop-then-close', ids: ['a', 'b'] })
    expect(decideClose(['a'], 'background')).toEqual({ kind: 'hide', ids: ['a'] })
    expect(decideClose(['a'], 'cancel')).toEqual({ kind: 'stay' })
    // The study ended while the user read the question: close, nothing to stop or hide for.
    expect(decideClose([], 'stop')).toEqual({ kind: 'close' })
    expect(decideClose([], 'background')).toEqual({ kind: 'close' })
    expect(decideClose([], 'cancel')).toEqual({ kind: 'stay' })
  })

  it('closes a background window once its studies have ended, and only then', () => {
    expect(backgroundDone(true, [])).toBe(true)
    expect(backgroundDone(true, ['a'])).toBe(false)
    expect(backgroundDone(false, [])).toBe(false)
  })
})
