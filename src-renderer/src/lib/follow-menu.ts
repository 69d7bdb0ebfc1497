// Electron's menu sends the id of a command (`app:action`); it runs through the same dispatcher
// as the keys and buttons. The id is checked, as anything from another process is.
import { appActionEventSchema } from '@shared/app-actions'
import type { ApiClient } from './api-client'
import type { ActionApp } from './actions/action-app'
import type { ActionDispatcher } from './actions/dispatcher'
import type { ToastStore } from '../stores/toasts.svelte'

export function followMenu(
  client: ApiClient,
  actions: ActionDispatcher<ActionApp>,
  toasts: ToastStore,
): () => void {
  return client.on('app:action', (payload) => {
    const parsed = appActionEventSchema.safeParse(payload)
    if (!parsed.success) {
      toasts.error(new Error(`The menu sent a command this window does not know.`))
      return
    }
    const action = actions.get(parsed.data.id)
    if (!action) {
      toasts.info('That command is not part of this version of Frontier.')
      return
    }
    if (!actions.isEnabled(action.id)) {
      toasts.info(`“${action.label}” is not available right now.`)
      return
    }
    void actions.run(parsed.data.id)
  })
}
