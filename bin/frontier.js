#!/usr/bin/env node
// The `frontier` command runs the TypeScript sources directly through tsx, so a checkout needs
// no build step before `frontier run`, `inspect` or `serve`. The project's tsconfig is named
// explicitly: it maps @shared/… (src-shared/), whatever folder the command is run from.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })
const { main } = await import('../src-main/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
