// The command dispatcher: a key runs the command whose shortcut it is (modifiers exact, Cmd on
// macOS and Ctrl elsewhere), keys typed into fields are left alone, a disabled command neither
// runs nor swallows its key, and a failing command reaches the error handler.
import { describe, expect, it } from 'vitest'
import type { Action } from '../../../src-renderer/src/lib/actions/action'
import { ActionDispatcher } from '../../../src-renderer/src/lib/actions/dispatcher'
import {
  formatShortcut,
  isTypingTarget,
  matches,
  type KeyPress,
} from '../../../src-renderer/src/lib/actions/shortcut'

interface App {
  ran: string[]
  canPause: boolean
}

const actions: Action<App>[] = [
  {
    id: 'go',
    label: 'Go',
    group: 'Go to',
    shortcut: { key: '1' },
    enabled: () => true,
    run: (app) => void app.ran.push('go'),
  },
  {
    id: 'open',
    label: 'Open',
    group: 'Data',
    shortcut: { key: 'o', mod: true },
    enabled: () => true,
    run: (app) => void app.ran.push('open'),
  },
  {
    id: 'pause',
    label: 'Pause',
    group: 'Study',
    shortcut: { key: 'p' },
    enabled: (app) => app.canPause,
    run: (app) => void app.ran.push('pause'),
  },
  {
    id: 'help',
    label: 'Help',
    group: 'App',
    shortcut: { key: '?' },
    enabled: () => true,
    run: (app) => void app.ran.push('help'),
  },
  {
    id: 'fail',
    label: 'Fail',
    group: 'App',
    shortcut: { key: 'f', shift: true },
    enabled: () => true,
    run: async () => {
      throw new Error('refused')
    },
  },
]

function press(key: string, extra: Partial<KeyPress> = {}) {
  let prevented = false
  return {
    event: {
      key,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...extra,
      preventDefault: () => {
        prevented = true
      },
    },
    prevented: () => prevented,
  }
}

function setup(mac = false) {
  const app: App = { ran: [], canPause: false }
  const errors: string[] = []
  const dispatcher = new ActionDispatcher(actions, app, {
    mac,
    onError: (error, action) => errors.push(`${action.id}: ${(error as Error).message}`),
  })
  return { app, errors, dispatcher }
}

describe('shortcut matching', () => {
  it('needs the exact modifiers, with mod as Ctrl off macOS and Cmd on it', () => {
    const open = { key: 'o', mod: true }
    expect(matches(open, press('o', { ctrlKey: true }).event, false)).toBe(true)
    expect(matches(open, press('o', { metaKey: true }).event, false)).toBe(false)
    expect(matches(open, press('o', { metaKey: true }).event, true)).toBe(true)
    expect(matches(open, press('o', { ctrlKey: true }).event, true)).toBe(false)
    expect(matches(open, press('o').event, false)).toBe(false)
    expect(matches(open, press('o', { ctrlKey: true, altKey: true }).event, false)).toBe(false)
    // Caps lock or Shift turns the key upper case; Shift must then be asked for.
    expect(matches({ key: 't', shift: true }, press('T', { shiftKey: true }).event, false)).toBe(
      true,
    )
    expect(matches({ key: 't' }, press('T', { shiftKey: true }).event, false)).toBe(false)
  })

  it('reads a symbol by the key it makes, whatever Shift did to make it', () => {
    expect(matches({ key: '?' }, press('?', { shiftKey: true }).event, false)).toBe(true)
    expect(matches({ key: '1' }, press('!', { shiftKey: true }).event, false)).toBe(false)
  })

  it('writes shortcuts the way each platform does', () => {
    expect(formatShortcut({ key: 'o', mod: true }, false)).toBe('Ctrl+O')
    expect(formatShortcut({ key: 't', shift: true }, false)).toBe('Shift+T')
    expect(formatShortcut({ key: 't', shift: true, mod: true }, true)).toBe('⇧⌘T')
    expect(formatShortcut({ key: '?' }, false)).toBe('?')
  })

  it('treats text fields, selects and editable content as typing, not buttons or boxes', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true)
    expect(isTypingTarget({ tagName: 'input', type: 'number' })).toBe(true)
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true)
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true)
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true)
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false)
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})

describe('ActionDispatcher', () => {
  it('runs the command a key names and prevents the key’s default', async () => {
    const { app, dispatcher } = setup()
    const one = press('1')
    expect(dispatcher.handleKey(one.event)).toBe(true)
    expect(one.prevented()).toBe(true)
    const open = press('o', { ctrlKey: true })
    expect(dispatcher.handleKey(open.event)).toBe(true)
    expect(dispatcher.handleKey(press('?', { shiftKey: true }).event)).toBe(true)
    await Promise.resolve()
    expect(app.ran).toEqual(['go', 'open', 'help'])
  })

  it('leaves keys typed into a field, held down, or composing to the page', () => {
    const { app, dispatcher } = setup()
    for (const extra of [
      { target: { tagName: 'INPUT', type: 'text' } },
      { target: { tagName: 'TEXTAREA' } },
      { repeat: true },
      { isComposing: true },
    ]) {
      const key = press('1', extra)
      expect(dispatcher.handleKey(key.event)).toBe(false)
      expect(key.prevented()).toBe(false)
    }
    // A shortcut with a modifier is still the field's: Ctrl+O in a field is not an import.
    expect(
      dispatcher.handleKey(press('o', { ctrlKey: true, target: { tagName: 'INPUT' } }).event),
    ).toBe(false)
    expect(app.ran).toEqual([])
  })

  it('neither runs a disabled command nor takes its key, by key or by id', async () => {
    const { app, dispatcher } = setup()
    const p = press('p')
    expect(dispatcher.handleKey(p.event)).toBe(false)
    expect(p.prevented()).toBe(false)
    expect(await dispatcher.run('pause')).toBe(false)
    expect(dispatcher.isEnabled('pause')).toBe(false)
    app.canPause = true
    expect(dispatcher.isEnabled('pause')).toBe(true)
    expect(await dispatcher.run('pause')).toBe(true)
    expect(app.ran).toEqual(['pause'])
  })

  it('ignores keys no command has and ids no command is called', async () => {
    const { app, dispatcher } = setup()
    expect(dispatcher.handleKey(press('z').event)).toBe(false)
    expect(await dispatcher.run('nothing')).toBe(false)
    expect(app.ran).toEqual([])
  })

  it('sends a failing command to the error handler', async () => {
    const { errors, dispatcher } = setup()
    expect(await dispatcher.run('fail')).toBe(false)
    expect(errors).toEqual(['fail: refused'])
    dispatcher.handleKey(press('F', { shiftKey: true }).event)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(errors).toEqual(['fail: refused', 'fail: refused'])
  })

  it('refuses two commands of one id', () => {
    expect(
      () =>
        new ActionDispatcher(
          [actions[0], actions[0]],
          { ran: [], canPause: false },
          {
            mac: false,
            onError: () => {},
          },
        ),
    ).toThrow(/Two actions are called go/)
  })

  it('writes each command’s shortcut for the platform', () => {
    expect(setup(true).dispatcher.shortcutLabel('open')).toBe('⌘O')
    expect(setup(false).dispatcher.shortcutLabel('open')).toBe('Ctrl+O')
    expect(setup().dispatcher.shortcutLabel('nothing')).toBeNull()
  })
})
