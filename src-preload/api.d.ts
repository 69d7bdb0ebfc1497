import type { FrontierBridge } from './contract'

declare global {
  interface Window {
    /** Present only inside the Electron app (set by the preload). */
    frontier?: FrontierBridge
  }
}
export {}
