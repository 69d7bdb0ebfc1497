// The list-and-selection logic the Datasets and Studies stores share: the first entry opens by
// itself, only the newest selection's answer lands, a vanished entry's selection is dropped,
// and a record main returned wins over a selection answer still on its way.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src-renderer/src/lib/api-error'
import { SelectableList } from '../../../src-renderer/src/stores/selectable-list.svelte'

interface Entry {
  id: string
}
interface Detail {
  id: string
  version: number
}

/** Answers each detail request when the test says so, to make answers overtake each other. */
class ScriptedList extends SelectableList<Entry, Detail> {
  entries: Entry[] | Error = []
  pending = new Map<string, (detail: Detail) => void>()

  protected fetchList(): Promise<Entry[]> {
    const entries = this.entries
    return entries instanceof Error ? Promise.reject(entries) : Promise.resolve(entries)
  }

  protected fetchDetail(id: string): Promise<Detail> {
    return new Promise((resolve) => this.pending.set(id, resolve))
  }

  subscribe(): () => void {
    return () => undefined
  }

  answer(id: string, version = 1): void {
    this.pending.get(id)?.({ id, version })
    this.pending.delete(id)
  }

  showFromMain(detail: Detail): void {
    this.supersedePendingSelect()
    this.selected = detail
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('SelectableList', () => {
  it('loads the list and opens its first entry', async () => {
    const store = new ScriptedList()
    store.entries = [{ id: 'a' }, { id: 'b' }]
    expect(store.listLoaded).toBe(false)
    const done = store.refresh()
    await tick()
    expect(store.listLoaded).toBe(true)
    expect(store.selectedId).toBe('a')
    expect(store.selected).toBeNull()
    store.answer('a')
    await done
    expect(store.selected).toEqual({ id: 'a', version: 1 })
  })

  it('lets only the newest selection land', async () => {
    const store = new ScriptedList()
    const first = store.select('a')
    const second = store.select('b')
    store.answer('b')
    store.answer('a')
    await Promise.all([first, second])
    expect(store.selectedId).toBe('b')
    expect(store.selected?.id).toBe('b')
  })

  it('keeps a record from main over a selection answer still on its way', async () => {
    const store = new ScriptedList()
    const reload = store.select('a')
    store.showFromMain({ id: 'a', version: 2 })
    store.answer('a', 1)
    await reload
    expect(store.selected).toEqual({ id: 'a', version: 2 })
  })

  it('drops a selection whose entry left the list, and keeps the list error', async () => {
    const store = new ScriptedList()
    store.entries = [{ id: 'a' }]
    const opened = store.refresh()
    await tick()
    store.answer('a')
    await opened
    store.entries = []
    await store.refresh()
    expect(store.selectedId).toBeNull()
    expect(store.selected).toBeNull()

    store.entries = new ApiError('IO', 'The registry cannot be read.')
    await store.refresh()
    expect(store.listError?.code).toBe('IO')
    expect(store.listLoaded).toBe(true)
  })
})
