// The one entry the app uses to read a dataset: CSV bytes → the series on its regular grid and
// its profile. Bad input only ever throws DataError.

import type { ParseOptions, Profile, Series } from './types'
import { parseCsv } from './parse-csv'
import { profileTable } from './profile'

export type ReadPhase = 'parse' | 'profile'

export function readDataset(
  bytes: Uint8Array,
  options: ParseOptions,
  onProgress?: (phase: ReadPhase, fraction: number) => void,
): { series: Series; profile: Profile } {
  const table = parseCsv(bytes, options, onProgress && ((f) => onProgress('parse', f)))
  onProgress?.('profile', 0)
  return profileTable(table, onProgress && ((f) => onProgress('profile', f)))
}
