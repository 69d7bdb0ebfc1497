// Starts a TypeScript worker (a trial's child process, the parse worker thread) when Frontier
// runs from source (CLI, serve, tests): registers tsx with the project's tsconfig (for the
// @shared/… alias), then loads the entry given as the first argument. Node 20 ignores loader
// flags in a worker's execArgv, hence this file.
import { argv } from 'node:process'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) })
await import(argv[2])
