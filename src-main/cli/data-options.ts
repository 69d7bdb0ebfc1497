// The data and training options `frontier trial` and `frontier run` share: where the series comes
// from (a CSV or a bundled demo), the split dates, and runTrial's numeric options, each checked
// with a usage error a user can act on.

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_SPLIT } from '../engine/data/split'
import type { CalendarOptions, Delimiter, Roles, SplitSpec } from '../engine/data/types'
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
  target: { type: 'string' },
  covariates: { type: 'string' },
  'future-covariates': { type: 'string' },
  timezone: { type: 'string' },
  delimiter: { type: 'string' },
  'data-dir': { type: 'string' },
} as const

export type OptionValues = Record<string, string | boolean | undefined>

/** What --data means, for the usage text of every command that reads it. */
export const DATA_SOURCE_USAGE = `a CSV file, demo:heat / demo:water (the bundled demo data), or a
                        dataset imported in the app, by its id (or its first 6+ characters)
                        or its name: its roles and split are then the defaults`

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
  --target <column>     the column to forecast (default: the dataset's target in the app, else
                        the column named like heat/load/demand/value, else the first)
  --covariates <list>   past covariates, comma-separated column names, or none (default: the
                        dataset's in the app, else none)
  --future-covariates <list>
                        future-known covariates (seen for the forecast day too), or none
  --calendar <list>     calendar covariates: none, or some of hour,weekday,month,weekend and
                        holidays=<country> (default: the dataset's in the app, else none)
  --timezone <zone>     IANA zone of timestamps written without an offset (default UTC)
  --delimiter <c>       the CSV's delimiter: , ; or tab (default: detected)
  --data-dir <dir>      the app's data folder, where --data looks datasets up (default
                        $FRONTIER_DATA_DIR, else the app's folder; as for frontier serve)
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

/** What the split options ask for; the split itself is laid over the dataset's own (splitOver). */
export interface SplitChoice {
  dates?: { trainEnd: number; valEnd: number }
  trainStart?: number
  excludeConstantHours?: number
}

/** --train-end/--val-end and the training part's options, checked; undefined when none is given. */
export function splitChoice(
  trainEnd?: string,
  valEnd?: string,
  training: TrainingPartOptions = {},
): SplitChoice | undefined {
  if ((trainEnd === undefined) !== (valEnd === undefined))
    throw new UsageError('give both --train-end and --val-end, or neither (70/20/10 split)')
  const { trainStart, excludeConstant } = training
  if (trainEnd === undefined && trainStart === undefined && excludeConstant === undefined)
    return undefined
  return {
    ...(trainEnd !== undefined && valEnd !== undefined
      ? { dates: { trainEnd: instant(trainEnd, 'train-end'), valEnd: instant(valEnd, 'val-end') } }
      : {}),
    ...(trainStart !== undefined ? { trainStart: instant(trainStart, 'train-start') } : {}),
    ...(excludeConstant !== undefined
      ? { excludeConstantHours: intOption(excludeConstant, 'exclude-constant', 0) }
      : {}),
  }
}

/**
 * The split a choice makes of a base split (a dataset's own, or none): dates replace the base's
 * boundaries, the training part's options replace the base's, and what is not given stays.
 * Undefined when there is neither (the trials then use the 70/20/10 default).
 */
export function splitOver(
  choice: SplitChoice | undefined,
  base: SplitSpec | undefined,
): SplitSpec | undefined {
  if (!choice) return base
  const bounds: SplitSpec = choice.dates
    ? { kind: 'dates', ...choice.dates }
    : (base ?? DEFAULT_SPLIT)
  const trainStart = choice.trainStart ?? base?.trainStart
  const excludeConstantHours = choice.excludeConstantHours ?? base?.excludeConstantHours
  const split: SplitSpec = { ...bounds }
  delete split.trainStart
  delete split.excludeConstantHours
  if (trainStart !== undefined) split.trainStart = trainStart
  if (excludeConstantHours !== undefined) split.excludeConstantHours = excludeConstantHours
  return split
}

/** The split of the options alone (the 70/20/10 default under the training part's options). */
export function splitOption(
  trainEnd?: string,
  valEnd?: string,
  training: TrainingPartOptions = {},
): SplitSpec | undefined {
  return splitOver(splitChoice(trainEnd, valEnd, training), undefined)
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

/** What the role and parsing options ask for; each replaces the dataset's own choice. */
export interface DataChoices {
  target?: string
  pastCovariates?: string[]
  futureCovariates?: string[]
  calendar?: CalendarOptions
  timezone?: string
  delimiter?: Delimiter
  split?: SplitChoice
}

/** A comma list of column names, or `none` (an empty list); undefined when not given. */
function columnList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined
  if (text.trim() === 'none' || text.trim() === '') return []
  return text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '')
}

const DELIMITERS: Record<string, Delimiter> = {
  ',': ',',
  ';': ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
}

export function dataChoices(values: OptionValues): DataChoices {
  const target = values.target as string | undefined
  if (target !== undefined && target.trim() === '')
    throw new UsageError('--target needs a column name')
  const delimiter = values.delimiter as string | undefined
  if (delimiter !== undefined && !(delimiter in DELIMITERS))
    throw new UsageError(`--delimiter must be , ; or tab (got "${delimiter}")`)
  const timezone = values.timezone as string | undefined
  if (timezone !== undefined && !isTimeZone(timezone))
    throw new UsageError(`--timezone: "${timezone}" is not an IANA time zone (e.g. Europe/Berlin)`)
  const pastCovariates = columnList(values.covariates as string | undefined)
  const futureCovariates = columnList(values['future-covariates'] as string | undefined)
  const calendar = calendarOption(values.calendar as string | undefined)
  const split = splitChoice(
    values['train-end'] as string | undefined,
    values['val-end'] as string | undefined,
    {
      trainStart: values['train-start'] as string | undefined,
      excludeConstant: values['exclude-constant'] as string | undefined,
    },
  )
  return {
    ...(target !== undefined ? { target: target.trim() } : {}),
    ...(pastCovariates !== undefined ? { pastCovariates } : {}),
    ...(futureCovariates !== undefined ? { futureCovariates } : {}),
    ...(calendar !== undefined ? { calendar } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
    ...(delimiter !== undefined ? { delimiter: DELIMITERS[delimiter] } : {}),
    ...(split !== undefined ? { split } : {}),
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * The roles the choices make of a base (the dataset's roles, or the defaults of a plain file):
 * a new target leaves the covariate lists, and each list given replaces the base's.
 */
export function rolesOver(base: Roles, choices: DataChoices): Roles {
  const target = choices.target ?? base.target
  const without = (list: string[]) => list.filter((c) => c !== target)
  return {
    target,
    pastCovariates: without(choices.pastCovariates ?? base.pastCovariates),
    futureCovariates: without(choices.futureCovariates ?? base.futureCovariates),
    calendar: choices.calendar ?? base.calendar,
  }
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
