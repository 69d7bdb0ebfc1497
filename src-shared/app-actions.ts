// The user commands the app offers, by id, with their shortcuts: data only, so that the
// renderer's actions (which say when a command is enabled and what it does) and Electron's
// menu (which shows the shortcut and sends the id back) name the same commands the same way.
import { z } from 'zod'

/** A key with its modifiers; `mod` is Cmd on macOS and Ctrl elsewhere. */
export interface Shortcut {
  /** KeyboardEvent.key, lower case for letters ('o', '1', '?'). */
  key: string
  mod?: boolean
  shift?: boolean
  alt?: boolean
}

export const ACTION_IDS = [
  'go.datasets',
  'go.studies',
  'go.setup',
  'import.csv',
  'import.demo',
  'study.start',
  'study.pause',
  'study.stop',
  'theme.toggle',
  'help.shortcuts',
] as const

export type ActionId = (typeof ACTION_IDS)[number]

/** Each command's name and shortcut, as the renderer's buttons and Electron's menu show them. */
export const APP_ACTIONS: Record<ActionId, { label: string; shortcut: Shortcut }> = {
  'go.datasets': { label: 'Go to Datasets', shortcut: { key: '1' } },
  'go.studies': { label: 'Go to Studies', shortcut: { key: '2' } },
  'go.setup': { label: 'New study', shortcut: { key: 'n' } },
  'import.csv': { label: 'Import a CSV…', shortcut: { key: 'o', mod: true } },
  'import.demo': {
    label: 'Import the demo data (district heat)',
    shortcut: { key: 'd', shift: true },
  },
  'study.start': { label: 'Start or resume the study', shortcut: { key: 'r' } },
  'study.pause': { label: 'Pause the study', shortcut: { key: 'p' } },
  'study.stop': { label: 'Stop the study', shortcut: { key: 's', shift: true } },
  'theme.toggle': { label: 'Toggle light / dark theme', shortcut: { key: 't', shift: true } },
  'help.shortcuts': { label: 'Keyboard shortcuts', shortcut: { key: '?' } },
}

/** The `app:action` event: the menu asks the renderer to run a command. */
export const appActionEventSchema = z.object({ id: z.enum(ACTION_IDS) }).strict()
export type AppActionEvent = z.infer<typeof appActionEventSchema>
