#!/usr/bin/env node
// The `frontier` command runs the TypeScript sources directly through tsx, so a checkout needs
// no build step before `frontier run`, `inspect` or `serve`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src-main/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
