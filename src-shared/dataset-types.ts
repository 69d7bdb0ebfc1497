// The engine's dataset types as the API carries them (records, profiles, roles, splits), so the
// renderer names them through @shared/ instead of reaching into src-main/engine.
export type {
  CalendarOptions,
  ColumnRun,
  ConstantRun,
  DatasetRecord,
  DatasetSummary,
  LevelShift,
  Profile,
  RenamedColumn,
  ResolvedSplit,
  Roles,
  SplitSpec,
  TimeRun,
} from '../src-main/engine/data/types'
