// The data of a `frontier run` or `frontier trial`, read and decided once: where the file is,
// how it is parsed (so the trials' workers name the columns the same way), which columns the
// model trains on and how the series is split. A dataset imported in the app brings its own
// parse options, roles and split; the command's options replace what they name.

import { createHash } from 'node:crypto'
import { readDataset } from '../engine/data/read-dataset'
import { checkRoles, defaultRoles } from '../engine/data/roles'
import type { ParseOptions, Profile, Roles, Series, SplitSpec } from '../engine/data/types'
import { basename } from 'node:path'
import { readDataFile, rolesOver, splitOver, type DataChoices } from './data-options'
import { locateData } from './dataset-lookup'

export interface RunData {
  /** The file the trials read. */
  path: string
  /** The dataset's name in file names and tables (heat, water, the CSV's or dataset's name). */
  label: string
  /** sha256 of the file's bytes (the app's dataset id). */
  hash: string
  /** The app's dataset id when --data named one, else null. */
  datasetId: string | null
  parse: ParseOptions
  series: Series
  profile: Profile
  roles: Roles
  /** undefined: the trials' default 70/20/10 split. */
  split: SplitSpec | undefined
}

export type RunDataRefusal = { code: string; message: string }

/**
 * Reads --data with the choices laid over the dataset's own. Refusals a user can fix come back
 * as a code and message; a file that does not parse, or roles naming no column, throw DataError.
 */
export async function resolveRunData(
  data: string,
  choices: DataChoices,
  dataDir: string,
): Promise<RunData | RunDataRefusal> {
  const location = await locateData(data, dataDir)
  if (location.kind === 'missing') return { code: location.code, message: location.message }
  const file = await readDataFile(location.path)
  if (!('bytes' in file)) return { code: file.code, message: file.message }
  const record = location.kind === 'dataset' ? location.record : null
  const parse: ParseOptions = {
    ...(record ? record.parseOptions : { sourceName: basename(location.path) }),
    ...(choices.timezone !== undefined ? { timezone: choices.timezone } : {}),
    ...(choices.delimiter !== undefined ? { delimiter: choices.delimiter } : {}),
  }
  const { series, profile } = readDataset(file.bytes, parse)
  const roles = rolesOver(record ? record.roles : defaultRoles(profile), choices)
  checkRoles(profile, roles)
  return {
    path: location.path,
    label: location.label,
    hash: createHash('sha256').update(file.bytes).digest('hex'),
    datasetId: record?.id ?? null,
    parse,
    series,
    profile,
    roles,
    split: splitOver(choices.split, record?.split),
  }
}

export function isRefusal(value: RunData | RunDataRefusal): value is RunDataRefusal {
  return 'code' in value
}
