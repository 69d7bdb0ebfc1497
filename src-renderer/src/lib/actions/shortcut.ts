// Keys to commands: whether a key press is a shortcut, whether it was typed into a field (and so
// belongs to the field), and how a shortcut reads on this platform.
import type { Shortcut } from '@shared/app-actions'

/** The parts of a KeyboardEvent that decide a match (a plain object in tests). */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
  repeat?: boolean
  isComposing?: boolean
  target?: unknown
}

const LETTER = /^[a-z]$/

/**
 * `mod` is Meta on macOS and Ctrl elsewhere; the other of the two must be up. Shift counts only
 * for letters: for '?' or '!' the key itself already says Shift was held.
 */
export function matches(shortcut: Shortcut, press: KeyPress, mac: boolean): boolean {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  if (key !== shortcut.key) return false
  const mod = mac ? press.metaKey : press.ctrlKey
  const otherMod = mac ? press.ctrlKey : press.metaKey
  if (mod !== Boolean(shortcut.mod) || otherMod) return false
  if (press.altKey !== Boolean(shortcut.alt)) return false
  if (LETTER.test(key) && press.shiftKey !== Boolean(shortcut.shift)) return false
  return true
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
])

/** True when the key goes to something the user types into: it is theirs, not a shortcut. */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown }
  if (element.isContentEditable === true) return true
  const tag = typeof element.tagName === 'string' ? element.tagName.toUpperCase() : ''
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = typeof element.type === 'string' ? element.type.toLowerCase() : 'text'
  return TEXT_INPUT_TYPES.has(type)
}

/** "Ctrl+Shift+T" elsewhere, "⇧⌘T" on macOS. */
export function formatShortcut(shortcut: Shortcut, mac: boolean): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key
  if (mac) {
    return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`
  }
  const parts = [shortcut.mod && 'Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key]
  return parts.filter(Boolean).join('+')
}

export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform)
}
