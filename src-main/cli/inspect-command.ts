// `frontier inspect <csv>`: the profile a user sees in the Datasets view, as text or JSON.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { DataError } from '../engine/data/data-error'
import { readDataset } from '../engine/data/read-dataset'
import type { ParseOptions } from '../engine/data/types'
import { formatProfile } from './format-profile'
import type { Command } from './main'
import { parseCliArgs } from './parse-cli-args'
import { UsageError } from './usage-error'

const usage = `Usage: frontier inspect <file.csv> [options]

Reads a CSV of a time series and prints its profile: delimiter, timestamp column and format,
frequency, range, duplicates, absent timestamps, gaps, constant runs, per-column statistics.
Exits 1 with an error code and a message when the file cannot be used.

Options:
  --json                    print the profile (or the error) as JSON
  --timezone <zone>         IANA zone of timestamps without an offset (default UTC),
                            e.g. Europe/Berlin; DST repeats and gaps are checked
  --delimiter <d>           force the delimiter: , ; or tab
  --decimal <d>             force the decimal mark: . or ,
  --timestamp-column <name> use this column as the timestamp
  -h, --help                show this help`

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'profile a CSV time series (frequency, gaps, statistics, problems)',
  usage,
  async run(argv) {
    const { values, positionals } = parseCliArgs(
      argv,
      {
        json: { type: 'boolean' },
        timezone: { type: 'string' },
        delimiter: { type: 'string' },
        decimal: { type: 'string' },
        'timestamp-column': { type: 'string' },
      },
      1,
    )
    const file = positionals[0]
    const options = { ...parseOptions(values), sourceName: basename(file) }
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(file))
    } catch (error) {
      const message = `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
      return fail(values.json === true, 'FILE_UNREADABLE', message)
    }
    try {
      const { profile } = readDataset(bytes, options)
      process.stdout.write(
        values.json ? `${JSON.stringify(profile, null, 2)}\n` : `${formatProfile(file, profile)}\n`,
      )
      return 0
    } catch (error) {
      if (error instanceof DataError) return fail(values.json === true, error.code, error.message)
      throw error
    }
  },
}

function parseOptions(values: {
  timezone?: string
  delimiter?: string
  decimal?: string
  'timestamp-column'?: string
}): ParseOptions {
  const options: ParseOptions = {}
  if (values.timezone) options.timezone = values.timezone
  if (values['timestamp-column']) options.timestampColumn = values['timestamp-column']
  if (values.delimiter !== undefined) {
    const d = values.delimiter === 'tab' ? '\t' : values.delimiter
    if (d !== ',' && d !== ';' && d !== '\t') throw new UsageError('--delimiter must be , ; or tab')
    options.delimiter = d
  }
  if (values.decimal !== undefined) {
    if (values.decimal !== '.' && values.decimal !== ',') {
      throw new UsageError('--decimal must be . or ,')
    }
    options.decimal = values.decimal
  }
  return options
}

function fail(json: boolean, code: string, message: string): number {
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`)
  else process.stderr.write(`error ${code}: ${message}\n`)
  return 1
}
