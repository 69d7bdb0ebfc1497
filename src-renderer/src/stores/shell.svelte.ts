// The shell's own state that commands reach: the shortcuts overlay, and the file picker that
// the shell keeps mounted so "Import a CSV…" works from any view, by key or from the menu.

export class ShellStore {
  shortcutsOpen = $state(false)
  #openPicker = $state.raw<(() => void) | null>(null)

  /** The mounted picker registers how to open it; the returned function unregisters. */
  registerFilePicker(open: () => void): () => void {
    this.#openPicker = open
    return () => {
      if (this.#openPicker === open) this.#openPicker = null
    }
  }

  get canPickFile(): boolean {
    return this.#openPicker !== null
  }

  pickFile(): void {
    this.#openPicker?.()
  }
}
