// Messages that float over every view: failed requests (code and message as main sent them) and
// short notices. Errors stay until dismissed, since the user has to read and act on them; notices
// leave by themselves. The same failure repeated bumps a count instead of stacking copies.
import { ApiError } from '../lib/api-error'

export type ToastKind = 'error' | 'info'

export interface Toast {
  id: number
  kind: ToastKind
  /** The error's code (errors only). */
  code: string | null
  message: string
  /** How many times this same toast was raised while shown. */
  count: number
}

export interface ToastOptions {
  /** How long a notice stays, in ms. */
  infoMs?: number
  /** Most toasts shown at once; the oldest leaves first. */
  max?: number
}

export class ToastStore {
  toasts = $state.raw<Toast[]>([])
  readonly #infoMs: number
  readonly #max: number
  // Bookkeeping, not state: nothing is drawn from the timers.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>()
  // An error reported by the client and rethrown to a command is still one failure.
  readonly #reported = new WeakSet<object>()
  #nextId = 1

  constructor(options: ToastOptions = {}) {
    this.#infoMs = options.infoMs ?? 5000
    this.#max = options.max ?? 5
  }

  /** Shows a failure; the same error object reported twice shows once. */
  error(error: unknown): void {
    if (typeof error === 'object' && error !== null) {
      if (this.#reported.has(error)) return
      this.#reported.add(error)
    }
    const { code, message } = ApiError.from(error)
    this.#push('error', code, message)
  }

  info(message: string): void {
    this.#push('info', null, message)
  }

  dismiss(id: number): void {
    const timer = this.#timers.get(id)
    if (timer !== undefined) clearTimeout(timer)
    this.#timers.delete(id)
    this.toasts = this.toasts.filter((t) => t.id !== id)
  }

  #push(kind: ToastKind, code: string | null, message: string): void {
    const same = this.toasts.find(
      (t) => t.kind === kind && t.code === code && t.message === message,
    )
    if (same) {
      this.toasts = this.toasts.map((t) => (t === same ? { ...t, count: t.count + 1 } : t))
      if (kind === 'info') this.#hideLater(same.id)
      return
    }
    const toast: Toast = { id: this.#nextId++, kind, code, message, count: 1 }
    const kept = [...this.toasts, toast]
    for (const dropped of kept.slice(0, Math.max(0, kept.length - this.#max))) {
      this.dismiss(dropped.id)
    }
    this.toasts = kept.slice(-this.#max)
    if (kind === 'info') this.#hideLater(toast.id)
  }

  #hideLater(id: number): void {
    const previous = this.#timers.get(id)
    if (previous !== undefined) clearTimeout(previous)
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), this.#infoMs),
    )
  }
}
