// The trial worker: a process that runs exactly one trial and ends. Started by the scheduler
// through a WorkerHost (Electron utilityProcess in the app, child_process.fork in the CLI, serve
// and tests). It says `ready`, waits for `start`, sends heartbeats until its terminal message,
// and never touches the study store: everything it learns goes to the parent as messages.

import { connectToParent } from './parent-channel'
import { parseParentMessage, type StartMessage, type WorkerMessage } from './protocol'
import { Decisions, errorMessage, runJob } from './run-job'

const channel = connectToParent()
const controller = new AbortController()
const decisions = new Decisions()
let job: StartMessage | null = null
let heartbeat: NodeJS.Timeout | null = null

// The parent owns the worker's life: Ctrl-C in a terminal reaches the whole process group, and
// the parent stops trials itself (cancel, then kill), recording them as interrupted.
process.on('SIGINT', () => undefined)

// Orphaned (the parent crashed or was killed): nobody can use the result, so stop now. (The
// channel also disconnects after the terminal message; then this ends the process as planned.)
channel.onDisconnect(() => process.exit())

function finish(message: WorkerMessage): void {
  if (heartbeat) clearInterval(heartbeat)
  heartbeat = null
  channel.send(message)
  channel.close()
}

function fail(error: unknown): void {
  process.exitCode = 1
  finish(errorMessage(job?.trialId ?? null, error))
  // Give the message a moment to leave; the parent kills us anyway once it has it.
  setTimeout(() => process.exit(1), 200).unref()
}

process.on('uncaughtException', fail)
process.on('unhandledRejection', fail)

channel.onMessage((raw) => {
  const parsed = parseParentMessage(raw)
  if (!parsed.ok) {
    process.stderr.write(`trial worker: ${parsed.problem}\n`)
    fail(new Error(`The worker received a ${parsed.problem}`))
    return
  }
  const message = parsed.message
  switch (message.type) {
    case 'start': {
      if (job) return
      job = message
      const trialId = message.trialId
      const beat = () =>
        channel.send({ type: 'heartbeat', trialId, rssBytes: process.memoryUsage.rss() })
      heartbeat = setInterval(beat, message.heartbeatMs)
      beat()
      void runJob(message, channel, controller.signal, decisions).then(finish, fail)
      break
    }
    case 'decision':
      decisions.answer(message.epoch, message.prune)
      break
    case 'cancel':
      controller.abort(message.reason)
      // A trial waiting for a pruning decision would wait forever: answer it.
      decisions.answerAll()
      break
  }
})

channel.send({ type: 'ready', pid: process.pid })
