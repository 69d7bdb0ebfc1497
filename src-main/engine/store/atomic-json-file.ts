// lowdb adapter that makes every write atomic and durable: the JSON goes to a temporary file in
// the same folder, is fsync'ed, then renamed over the study file, so a crash at any moment leaves
// the old file or the new one, never a mix. The state is serialised when write() is called, so
// later changes cannot leak into a write in flight; writes requested while one is in flight are
// coalesced into one, and each caller's promise resolves once a write holding its data is done.

import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileAtomic } from './atomic-write'
import { StoreError } from './store-error'

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

export class AtomicJsonFile<T> implements Adapter<T> {
  private writing = false
  private next: { text: string; waiters: Waiter[] } | null = null

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return JSON.parse(text) as T
    } catch {
      throw new StoreError(
        'STUDY_FILE_CORRUPT',
        `${this.path} is not valid JSON; it was changed outside Frontier. Restore it from a backup.`,
      )
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data)
    return new Promise((resolve, reject) => {
      if (this.next) {
        this.next.text = text
        this.next.waiters.push({ resolve, reject })
      } else this.next = { text, waiters: [{ resolve, reject }] }
      if (!this.writing) void this.drain()
    })
  }

  private async drain(): Promise<void> {
    this.writing = true
    while (this.next) {
      const { text, waiters } = this.next
      this.next = null
      try {
        await this.writeNow(text)
        for (const w of waiters) w.resolve()
      } catch (error) {
        for (const w of waiters) w.reject(error)
      }
    }
    this.writing = false
  }

  private writeNow(text: string): Promise<void> {
    return writeFileAtomic(this.path, text)
  }
}
