// The data and training options `frontier trial` and `frontier run` share: where the series comes
// from (a CSV or a bundled demo), the split dates, and runTrial's numeric options, each checked
// with a usage error a user can act on.

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_SPLIT } from '../engine/data/split'
import type { CalendarOptions, Roles, SplitSpec } from '../engine/data/types'
import type { ProviderChoice } from '../engine/graph/runtime/provider'
import { projectRoot } from '../paths'
import { intOption } from './parse-cli-args'
import { UsageError } from './usage-error'

export const DEMOS = ['heat', 'water']
export const PROVIDERS: ProviderChoice[] = ['auto', 'cpu', 'webgpu', 'cuda']

/** parseArgs definitions of the shared options. */
export const DATA_OPTIONS = {
  data: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  'train-end': { type: 'string' },
  'val-end': { type: 'string' },
  'train-start': { type: 'string' },
  'exclude-constant': { type: 'string' },
  origins: { type: 'string' },
  horizon: { type: 'string' },
  'input-length': { type: 'string' },
  seed: { type: 'string' },
  ep: { type: 'string' },
  threads: { type: 'string' },
  calendar: { type: 'string' },
} as const

export type OptionValues = Record<string, string | boolean | undefined>

/** The usage lines of the shared options (after --data). */
export const DATA_USAGE = `  --train-end <iso>     first instant of validation (training ends just before it)
  --val-end <iso>       first instant of test; give both dates or neither
  --train-start <iso>   first instant training reads (default the first row), e.g. a level
                        shift; validation and test stay where the split puts them
  --exclude-constant <h>
                        skip training windows that overlap a constant run (values equal within
                        1e-9) of at least h hours (default 24; 0 keeps them)
  --origins <n>         walk-forward origins (default 10)
  --horizon <h>         steps forecast per origin (default 24)
  --input-length <l>    input window (default 168)
  --batch-size <n>      windows per step (default 32)
  --calendar <list>     calendar covariates: none, or some of hour,weekday,month,weekend and
                        holidays=<country> (default none: the target alone; README)
  --ep <provider>       auto, cpu, webgpu or cuda (default auto: WebGPU if present, else CPU)
  --threads <n>         onnxruntime intra-op threads (default 1)`

export interface NumericTrialOptions {
  epochs?: number
  batchSize?: number
  origins?: number
  horizon?: number
  inputLength?: number
  seed?: number
  threads?: number
  provider: ProviderChoice
}

/** A positive (or ≥ min) integer option, or undefined when absent. */
export function positiveInt(values: OptionValues, name: string, min = 1): number | undefined {
  const v = values[name] as string | undefined
  if (v === undefined) return undefined
  const n = intOption(v, name, 0)
  if (n < min) throw new UsageError(`--${name} must be at least ${min}`)
  return n
}

export function numericTrialOptions(values: OptionValues): NumericTrialOptions {
  const ep = (values.ep as string | undefined) ?? 'auto'
  if (!PROVIDERS.includes(ep as ProviderChoice))
    throw new UsageError(`--ep must be one of ${PROVIDERS.join(', ')}`)
  return {
    epochs: positiveInt(values, 'epochs'),
    batchSize: positiveInt(values, 'batch-size'),
    origins: positiveInt(values, 'origins'),
    horizon: positiveInt(values, 'horizon'),
    inputLength: positiveInt(values, 'input-length'),
    seed: positiveInt(values, 'seed', 0),
    threads: positiveInt(values, 'threads'),
    provider: ep as ProviderChoice,
  }
}

/** --train-start and --exclude-constant, as given (both optional). */
export interface TrainingPartOptions {
  trainStart?: string
  excludeConstant?: string
}

/**
 * The split of --train-end/--val-end (or the 70/20/10 default when only the training part's
 * options are given), with --train-start and --exclude-constant; undefined when none is given.
 */
export function splitOption(
  trainEnd?: string,
  valEnd?: string,
  training: TrainingPartOptions = {},
): SplitSpec | undefined {
  if ((trainEnd === undefined) !== (valEnd === undefined))
    throw new UsageError('give both --train-end and --val-end, or neither (70/20/10 split)')
  const base: SplitSpec | undefined =
    trainEnd === undefined || valEnd === undefined
      ? undefined
      : {
          kind: 'dates',
          trainEnd: instant(trainEnd, 'train-end'),
          valEnd: instant(valEnd, 'val-end'),
        }
  const { trainStart, excludeConstant } = training
  if (trainStart === undefined && excludeConstant === undefined) return base
  return {
    ...(base ?? DEFAULT_SPLIT),
    ...(trainStart !== undefined ? { trainStart: instant(trainStart, 'train-start') } : {}),
    ...(excludeConstant !== undefined
      ? { excludeConstantHours: intOption(excludeConstant, 'exclude-constant', 0) }
      : {}),
  }
}

const CALENDAR_FLAGS = ['hour', 'weekday', 'month', 'weekend'] as const

/**
 * --calendar: `none`, or a comma list of hour, weekday, month, weekend and holidays=<country>
 * (e.g. `hour,weekend,holidays=DE`); undefined when not given (the roles' own choice stands).
 */
export function calendarOption(text: string | undefined): CalendarOptions | undefined {
  if (text === undefined) return undefined
  const calendar: CalendarOptions = {
    hour: false,
    weekday: false,
    month: false,
    weekend: false,
    holidays: null,
  }
  if (text.trim() === 'none') return calendar
  for (const raw of text.split(',')) {
    const item = raw.trim()
    const holidays = /^holidays=([A-Za-z]{2})$/.exec(item)
    if (holidays) calendar.holidays = holidays[1].toUpperCase()
    else if ((CALENDAR_FLAGS as readonly string[]).includes(item))
      calendar[item as (typeof CALENDAR_FLAGS)[number]] = true
    else
      throw new UsageError(
        `--calendar: "${item}" is not one of none, ${CALENDAR_FLAGS.join(', ')}, holidays=<country>`,
      )
  }
  return calendar
}

/** The roles with the calendar choice of --calendar, when given. */
export function withCalendar(roles: Roles, calendar: CalendarOptions | undefined): Roles {
  return calendar ? { ...roles, calendar } : roles
}

function instant(text: string, name: string): number {
  // Without an offset the instant is read as UTC, as the demo data's timestamps are.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`)
  if (!Number.isFinite(ms)) throw new UsageError(`--${name} is not an ISO date: ${text}`)
  return ms
}

/** A CSV path or demo:<name> → the file and the dataset's label (heat, water, the base name). */
export function dataSource(data: string): { path: string; label: string } {
  if (data.startsWith('demo:')) {
    const name = data.slice(5)
    if (!DEMOS.includes(name))
      throw new UsageError(
        `unknown demo "${name}": use ${DEMOS.map((d) => `demo:${d}`).join(' or ')}`,
      )
    return { path: join(projectRoot(), 'resources', 'datasets', `${name}.csv`), label: name }
  }
  const base = data.split(/[\\/]/).pop() ?? data
  return { path: data, label: base.replace(/\.csv$/i, '') }
}

/** The file's bytes, or a message saying why it cannot be read. */
export async function readDataFile(
  path: string,
): Promise<{ bytes: Uint8Array } | { code: 'FILE_UNREADABLE'; message: string }> {
  try {
    return { bytes: new Uint8Array(await readFile(path)) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return { code: 'FILE_UNREADABLE', message: `Cannot read ${path}: ${code}` }
  }
}

/** Prints a refusal (JSON on stdout with --json, else a line on stderr); returns exit code 1. */
export function fail(json: boolean, code: string, message: string): number {
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`)
  else process.stderr.write(`error ${code}: ${message}\n`)
  return 1
}
