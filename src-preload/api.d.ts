import type { FrontierBridge } from '@shared/contract'

declare global {
  interface Window {
    /** Present only inside the Electron app (set by the preload). */
    frontier?: FrontierBridge
  }
}
export {}
