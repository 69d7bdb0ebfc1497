// Starts a TypeScript worker thread when Frontier runs from source (CLI, tests): registers tsx
// in this thread, then loads the entry given as the worker's first argument. Node 20 ignores
// loader flags in a worker's execArgv, hence this file.
import { argv } from 'node:process'
import { register } from 'tsx/esm/api'

register()
await import(argv[2])
