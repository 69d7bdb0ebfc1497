// Asks before the main window closes while studies run here: stop them (cleanly, then close),
// keep them running with the window hidden (the app lives until they end), or cancel. The rules
// are close-decision.ts; this is the Electron side of them.
import { dialog, type BrowserWindow } from 'electron'
import type { EventBus } from '../services/event-bus'
import type { StudyListEntry } from '@shared/study-views'
import { answerOf, backgroundDone, closePrompt, decideClose, mustAsk } from './close-decision'

/** What the guard needs of the study service. */
export interface LiveStudies {
  liveIds(): string[]
  stopAll(): Promise<void>
  list(): Promise<StudyListEntry[]>
}

export interface CloseGuard {
  /** True while the window is hidden only to keep studies running. */
  readonly inBackground: boolean
  /** The window was shown again (second launch, dock): it is no longer a background window. */
  shown(): void
}

export function guardClose(
  window: BrowserWindow,
  studies: LiveStudies,
  events: EventBus,
): CloseGuard {
  let allowed = false
  let busy = false
  let inBackground = false

  const closeNow = () => {
    allowed = true
    window.close()
  }

  window.on('close', (event) => {
    if (allowed || !mustAsk(studies.liveIds())) return
    event.preventDefault()
    // One question at a time, and none while the studies are being stopped.
    if (busy) return
    busy = true
    void ask()
      .catch((error: unknown) => {
        dialog.showErrorBox('Frontier', `Could not stop the studies: ${String(error)}`)
      })
      .finally(() => {
        busy = false
      })
  })

  async function ask(): Promise<void> {
    const names = await namesOf(studies, studies.liveIds())
    const { response } = await dialog.showMessageBox(window, closePrompt(names))
    const outcome = decideClose(studies.liveIds(), answerOf(response))
    switch (outcome.kind) {
      case 'close':
        closeNow()
        return
      case 'stop-then-close':
        await studies.stopAll()
        closeNow()
        return
      case 'hide':
        inBackground = true
        window.hide()
        return
      case 'stay':
        return
    }
  }

  const stop = events.subscribe((event) => {
    if (event !== 'studies:state' || window.isDestroyed()) return
    if (backgroundDone(inBackground, studies.liveIds())) closeNow()
  })
  window.once('closed', stop)

  return {
    get inBackground() {
      return inBackground
    },
    shown() {
      inBackground = false
    },
  }
}

/** The studies' names for the question; an id stands in for a name that cannot be read. */
async function namesOf(studies: LiveStudies, ids: string[]): Promise<string[]> {
  try {
    const entries = await studies.list()
    return ids.map((id) => entries.find((e) => e.id === id)?.name ?? id)
  } catch {
    return ids
  }
}
