// The worker's side of the channel to whoever started it: Electron's `process.parentPort` in a
// utility process, Node's IPC (`process.send`) in a child_process.fork. The worker code above
// this sees one interface and never asks which host it runs under.

import type { WorkerMessage } from './protocol'

export interface ParentChannel {
  send(message: WorkerMessage): void
  onMessage(listener: (raw: unknown) => void): void
  /** The parent went away (it crashed or was killed): the worker should stop at once. */
  onDisconnect(listener: () => void): void
  /** Sends what is pending, then lets the process end. */
  close(): void
}

/** The slice of Electron's ParentPort used here (typed locally: no Electron import). */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  postMessage(message: unknown): void
}

function electronChannel(port: ElectronParentPort): ParentChannel {
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
    // A utility process dies with its parent; nothing to watch.
    onDisconnect: () => undefined,
    // The port would keep the process alive; the parent ends it once the terminal message is in.
    close: () => undefined,
  }
}

function nodeChannel(): ParentChannel {
  const send = process.send?.bind(process)
  if (!send) throw new Error('The trial worker must be started with an IPC channel (fork).')
  let pending = 0
  let closing = false
  const maybeDisconnect = () => {
    if (closing && pending === 0 && process.connected) process.disconnect()
  }
  return {
    send(message) {
      if (!process.connected) return
      pending++
      send(message, undefined, {}, () => {
        pending--
        maybeDisconnect()
      })
    },
    onMessage: (listener) => void process.on('message', listener),
    onDisconnect: (listener) => void process.on('disconnect', listener),
    close() {
      closing = true
      maybeDisconnect()
    },
  }
}

export function connectToParent(): ParentChannel {
  const port = (process as { parentPort?: ElectronParentPort }).parentPort
  return port ? electronChannel(port) : nodeChannel()
}
