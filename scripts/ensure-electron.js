// `npm start` needs Electron's binary. Electron 45 no longer downloads it during `npm install`
// (and npm 11 would list such a script for approval instead of running it); it fetches the
// binary the first time the `electron` package is required. This does that first require up
// front so a failure says plainly what to do, instead of a stack trace from deep in electron-vite.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
try {
  const path = require('electron')
  if (process.env.FRONTIER_VERBOSE) console.log(`Electron binary: ${path}`)
} catch (error) {
  console.error(`
Frontier could not get Electron's binary: ${error instanceof Error ? error.message : error}

The binary is downloaded from GitHub (or $ELECTRON_MIRROR) the first time the app starts.
  • Check the network or a proxy, then run \`npm start\` again, or run \`npx install-electron\`.
  • Behind a mirror: ELECTRON_MIRROR=https://your.mirror/electron/ npm start
  • With Electron already unpacked somewhere: ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start
  • Without a desktop (a cluster node): \`npx frontier serve\` and open the printed URL in a browser.
`)
  process.exit(1)
}
