// `frontier serve`: the app's UI and API for a browser, e.g. on a cluster node through an SSH
// tunnel. Binds 127.0.0.1 only.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createServices } from '../services/create-services'
import { appVersion, defaultDataDir, projectRoot } from '../paths'
import { startServer } from '../serve/server'
import type { Command } from './main'
import { intOption, parseCliArgs } from './parse-cli-args'

const usage = `Usage: frontier serve [options]

Serves the Frontier UI and its API on http://127.0.0.1:<port> for a local browser. The printed
URL carries a random token; requests without it get 401, other origins are refused.
From a remote machine: ssh -L 8417:127.0.0.1:8417 node, then open the URL locally.

Options:
  --port <n>        port to listen on (default 8417; 0 picks a free one)
  --data-dir <dir>  where datasets and studies are kept (default: ${defaultDataDir()},
                    or $FRONTIER_DATA_DIR)
  -h, --help        show this help`

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the UI and API to a browser on 127.0.0.1 with a token',
  usage,
  async run(argv) {
    const { values } = parseCliArgs(
      argv,
      { port: { type: 'string' }, 'data-dir': { type: 'string' } },
      0,
    )
    const port = intOption(values.port, 'port', 8417)
    const root = projectRoot()
    const rendererDir = join(root, 'out', 'renderer')
    if (!existsSync(join(rendererDir, 'index.html'))) {
      process.stderr.write(
        `error UI_NOT_BUILT: the UI is not built yet (${rendererDir} is missing); run \`npm run build\` first.\n`,
      )
      return 1
    }
    const dataDir = values['data-dir'] ?? defaultDataDir()
    const host = await createServices({
      dataDir,
      demoDir: join(root, 'resources', 'datasets'),
      version: appVersion(root),
    })
    const server = await startServer({ port, rendererDir, host })
    process.stdout.write(`Frontier is serving at ${server.url}\n`)
    process.stdout.write(`Data folder: ${dataDir}\nPress Ctrl-C to stop.\n`)
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    // Running studies stop cleanly: their trials are interrupted and queued again, their files
    // closed, so a later studies:start resumes them where they stopped.
    if (host.services.studies.liveIds().length > 0)
      process.stdout.write('Stopping the running studies (their trials run again on start)…\n')
    await host.services.studies.stopAll()
    host.services.monitor.stop()
    await server.close()
    await host.services.datasets.uploads.discardAll()
    return 0
  },
}
