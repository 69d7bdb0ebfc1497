// `frontier <command>`: dispatches to one file per command. Exit codes: 0 success, 1 the input
// was refused (bad data, bad split), 2 a usage error.
import { analyzeCommand } from './analyze-command'
import { confirmCommand } from './confirm-command'
import { demoCommand } from './demo-command'
import { inspectCommand } from './inspect-command'
import { runCommand } from './run-command'
import { serveCommand } from './serve-command'
import { trialCommand } from './trial-command'
import { UsageError } from './usage-error'

export interface Command {
  name: string
  summary: string
  usage: string
  run(argv: string[]): Promise<number>
}

const commands: Command[] = [
  inspectCommand,
  serveCommand,
  trialCommand,
  runCommand,
  analyzeCommand,
  demoCommand,
  confirmCommand,
]

export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'frontier — multi-objective hyperparameter optimisation of probabilistic forecasters',
    '',
    'Usage: frontier <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `frontier <command> --help` for the options of a command.',
  ].join('\n')
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined
    process.stdout.write(`${topic ? topic.usage : mainHelp()}\n`)
    return 0
  }
  if (name === '--version' || name === '-v') {
    const { appVersion } = await import('../paths')
    process.stdout.write(`${appVersion()}\n`)
    return 0
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    process.stderr.write(`frontier: unknown command "${name}"\n\n${mainHelp()}\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`frontier ${name}: ${error.message}\n\n${command.usage}\n`)
      return 2
    }
    throw error
  }
}
