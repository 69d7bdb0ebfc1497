// The menu's commands in the renderer: a known id runs through the dispatcher, a disabled one
// says so instead of doing nothing, and a payload that is not a command id is refused.
import { describe, expect, it } from 'vitest'
import type { ActionApp, AppAction } from '../../../src-renderer/src/lib/actions/action-app'
import { ActionDispatcher } from '../../../src-renderer/src/lib/actions/dispatcher'
import type { ApiClient } from '../../../src-renderer/src/lib/api-client'
import { followMenu } from '../../../src-renderer/src/lib/follow-menu'
import { ToastStore } from '../../../src-renderer/src/stores/toasts.svelte'

function setup(enabled: boolean) {
  const ran: string[] = []
  const actions: AppAction[] = [
    {
      id: 'theme.toggle',
      label: 'Toggle light / dark theme',
      group: 'App',
      enabled: () => enabled,
      run: () => void ran.push('theme.toggle'),
    },
  ]
  let listener: ((payload: unknown) => void) | null = null
  const client = {
    on: (_event: string, l: (payload: unknown) => void) => {
      listener = l
      return () => {}
    },
  } as unknown as ApiClient
  const toasts = new ToastStore()
  const dispatcher = new ActionDispatcher(actions, {} as ActionApp, {
    mac: false,
    onError: (e) => toasts.error(e),
  })
  followMenu(client, dispatcher, toasts)
  return { ran, toasts, send: (payload: unknown) => listener?.(payload) }
}

describe('followMenu', () => {
  it('runs the command the menu names', () => {
    const { ran, toasts, send } = setup(true)
    send({ id: 'theme.toggle' })
    expect(ran).toEqual(['theme.toggle'])
    expect(toasts.toasts).toEqual([])
  })

  it('says when the command cannot run now, or is not in this version', () => {
    const { ran, toasts, send } = setup(false)
    send({ id: 'theme.toggle' })
    send({ id: 'go.setup' })
    expect(ran).toEqual([])
    expect(toasts.toasts.map((t) => t.message)).toEqual([
      '“Toggle light / dark theme” is not available right now.',
      'That command is not part of this version of Frontier.',
    ])
  })

  it('refuses a payload that is not a command id', () => {
    const { ran, toasts, send } = setup(true)
    send({ id: 'rm -rf' })
    send('theme.toggle')
    expect(ran).toEqual([])
    expect(toasts.toasts).toMatchObject([{ kind: 'error', count: 2 }])
  })
})
