// The one API between the renderer and main. Each request channel names its request schema
// (validated in main before any handler runs) and its response type; each event names its
// payload type. Both transports (Electron IPC and the WebSocket of `frontier serve`) carry
// exactly this contract, and every response travels in one envelope.
import { z } from 'zod'
import type { AppActionEvent } from './app-actions'
import type { DatasetRecord, DatasetSummary, Roles, SplitSpec } from './dataset-types'
import type { SystemSample } from './system-sample'
import { studyDraftSchema, studyIdSchema as studyId } from './study-schemas'
import type {
  DraftCheck,
  StudyConfirmProgress,
  StudyDetailView,
  StudyEpochEvent,
  StudyListEntry,
  StudyNoticeEvent,
  StudyOptionsView,
  StudyStateEvent,
  StudyTrialEvent,
  TrialDetailView,
  TrialsPage,
} from './study-views'

const datasetId = z.string().regex(/^[0-9a-f]{64}$/, 'a dataset id is a sha256 in hex')
const timezone = z.string().min(1).max(64)

export const parseOptionsSchema = z
  .object({
    delimiter: z.enum([',', ';', '\t']).optional(),
    decimal: z.enum(['.', ',']).optional(),
    timestampColumn: z.string().min(1).max(256).optional(),
    timezone: timezone.optional(),
  })
  .strict()

export const rolesSchema = z
  .object({
    target: z.string().min(1),
    pastCovariates: z.array(z.string().min(1)),
    futureCovariates: z.array(z.string().min(1)),
    calendar: z
      .object({
        hour: z.boolean(),
        weekday: z.boolean(),
        month: z.boolean(),
        weekend: z.boolean(),
        holidays: z
          .string()
          .regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO code')
          .nullable(),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<Roles>

const fraction = z.number().gt(0).lt(1)
/** Where training starts and which constant runs it skips (types.ts SplitTraining). */
const splitTraining = {
  trainStart: z.number().finite().optional(),
  excludeConstantHours: z.number().finite().nonnegative().max(8760).optional(),
}
export const splitSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('fractions'),
      train: fraction,
      val: fraction,
      test: fraction,
      ...splitTraining,
    })
    .strict(),
  z
    .object({
      kind: z.literal('dates'),
      trainEnd: z.number().finite(),
      valEnd: z.number().finite(),
      ...splitTraining,
    })
    .strict(),
]) satisfies z.ZodType<SplitSpec>

/** Most bytes one upload chunk may carry (before base64). */
export const UPLOAD_CHUNK_BYTES = 1 << 20
/** Largest file an upload may announce. */
export const UPLOAD_MAX_BYTES = 2 * 1024 ** 3

export interface AppInfo {
  version: string
  transport: 'ipc' | 'websocket'
  dataDir: string
}

export interface PreviewPage {
  columns: string[]
  /** Rows of the regular grid: ISO instant, then one value per column (null = missing). */
  rows: (string | number | null)[][]
  offset: number
  total: number
}

/** A column downsampled for drawing: per bucket, the first instant, min and max (null = gap). */
export interface SeriesBuckets {
  column: string
  from: number
  to: number
  stepMs: number
  t: number[]
  min: (number | null)[]
  max: (number | null)[]
}

export interface ImportResult {
  dataset: DatasetRecord
  /** True when these exact bytes were imported before; nothing new was stored. */
  existing: boolean
}

export interface HolidayCountry {
  code: string
  name: string
}

// Curried so the response type is written and the request type inferred from the schema.
const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res })

export const channels = {
  'app:info': channel<AppInfo>()(z.object({}).strict()),
  'uploads:begin': channel<{ uploadId: string }>()(
    z
      .object({
        fileName: z.string().min(1).max(512),
        size: z.number().int().min(0).max(UPLOAD_MAX_BYTES),
      })
      .strict(),
  ),
  'uploads:chunk': channel<{ received: number }>()(
    z
      .object({
        uploadId: z.string().uuid(),
        offset: z.number().int().min(0),
        /** base64, so that one encoding serves both transports */
        data: z.string().max(Math.ceil((UPLOAD_CHUNK_BYTES * 4) / 3) + 4),
      })
      .strict(),
  ),
  'datasets:import': channel<ImportResult>()(
    z
      .object({
        uploadId: z.string().uuid(),
        name: z.string().min(1).max(200).optional(),
        options: parseOptionsSchema.optional(),
      })
      .strict(),
  ),
  'datasets:importDemo': channel<ImportResult>()(
    z.object({ demo: z.enum(['heat', 'water']) }).strict(),
  ),
  'datasets:list': channel<DatasetSummary[]>()(z.object({}).strict()),
  'datasets:get': channel<DatasetRecord>()(z.object({ id: datasetId }).strict()),
  'datasets:rename': channel<DatasetRecord>()(
    z.object({ id: datasetId, name: z.string().trim().min(1).max(200) }).strict(),
  ),
  'datasets:remove': channel<{ removed: boolean }>()(z.object({ id: datasetId }).strict()),
  /** Renames a numeric column; roles follow, and the name lasts through every re-read. */
  'datasets:renameColumn': channel<DatasetRecord>()(
    z
      .object({
        id: datasetId,
        from: z.string().min(1).max(1000),
        to: z.string().trim().min(1, 'a column needs a name').max(200),
      })
      .strict(),
  ),
  'datasets:preview': channel<PreviewPage>()(
    z
      .object({
        id: datasetId,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
  ),
  'datasets:series': channel<SeriesBuckets>()(
    z
      .object({
        id: datasetId,
        column: z.string().min(1),
        from: z.number().finite().optional(),
        to: z.number().finite().optional(),
        buckets: z.number().int().min(1).max(20_000),
      })
      .strict(),
  ),
  'datasets:setRoles': channel<DatasetRecord>()(
    z.object({ id: datasetId, roles: rolesSchema }).strict(),
  ),
  'datasets:setSplit': channel<DatasetRecord>()(
    z.object({ id: datasetId, split: splitSchema }).strict(),
  ),
  'datasets:holidayCountries': channel<HolidayCountry[]>()(z.object({}).strict()),
  /** One fresh sample of GPU, CPU and memory use. */
  'system:sample': channel<SystemSample>()(z.object({}).strict()),
  /** Sets how often `system:update` events are pushed; 0 stops them. */
  'system:monitor': channel<{ intervalMs: number }>()(
    z
      .object({ intervalMs: z.union([z.literal(0), z.number().int().min(500).max(600_000)]) })
      .strict(),
  ),
  'studies:list': channel<StudyListEntry[]>()(z.object({}).strict()),
  'studies:get': channel<StudyDetailView>()(z.object({ id: studyId }).strict()),
  /** Scores the chosen trials (default: the front) on the test split; `studies:progress` meanwhile. */
  'studies:confirm': channel<StudyDetailView>()(
    z
      .object({
        id: studyId,
        trials: z
          .union([
            z.enum(['front', 'all']),
            z.array(z.number().int().nonnegative()).min(1).max(10_000),
          ])
          .optional(),
      })
      .strict(),
  ),
  /** What the study setup can offer on this machine: models, samplers, pruners, providers. */
  'studies:options': channel<StudyOptionsView>()(z.object({}).strict()),
  /** Checks a draft as the user types: every problem, the space's size, a time estimate. */
  'studies:check': channel<DraftCheck>()(z.object({ draft: studyDraftSchema }).strict()),
  /** Creates the study's files (nothing runs until studies:start); refused when the draft is not ok. */
  'studies:create': channel<StudyListEntry>()(z.object({ draft: studyDraftSchema }).strict()),
  /** Runs a new study, or resumes a stopped or interrupted one, in this process's workers. */
  'studies:start': channel<StudyListEntry>()(z.object({ id: studyId }).strict()),
  /** No new trials start; running ones finish. */
  'studies:pause': channel<StudyListEntry>()(z.object({ id: studyId }).strict()),
  'studies:resume': channel<StudyListEntry>()(z.object({ id: studyId }).strict()),
  /** Stops the study: running trials are interrupted and queued again for a later start. */
  'studies:cancel': channel<StudyListEntry>()(z.object({ id: studyId }).strict()),
  /** Cancels one running trial (it fails with CANCELLED); the study goes on. */
  'studies:cancelTrial': channel<{ cancelled: boolean }>()(
    z.object({ id: studyId, trial: z.number().int().nonnegative() }).strict(),
  ),
  /** A new study with the same dataset, model, space and settings, and no trials. */
  'studies:clone': channel<StudyListEntry>()(
    z.object({ id: studyId, name: studyDraftSchema.shape.name }).strict(),
  ),
  /** Deletes a study that is not running: its file, run file, artifacts and exports. */
  'studies:delete': channel<{ deleted: boolean }>()(z.object({ id: studyId }).strict()),
  'studies:trials': channel<TrialsPage>()(
    z
      .object({
        id: studyId,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(5000),
      })
      .strict(),
  ),
  'studies:trial': channel<TrialDetailView>()(
    z.object({ id: studyId, trial: z.number().int().nonnegative() }).strict(),
  ),
} as const

export type Channel = keyof typeof channels
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>
export type ResponseOf<C extends Channel> = (typeof channels)[C]['response']

export interface ImportProgress {
  uploadId: string
  phase: 'read' | 'parse' | 'profile' | 'store'
  /** 0..1 within the phase */
  fraction: number
}

export interface Events {
  'datasets:progress': ImportProgress
  'datasets:changed': { ids: string[] }
  'system:update': SystemSample
  'studies:progress': StudyConfirmProgress
  /** A study was created, deleted, or its list entry changed (counts, status). */
  'studies:changed': { ids: string[] }
  'studies:state': StudyStateEvent
  /** A trial started or ended. */
  'studies:trialChanged': StudyTrialEvent
  /** A running trial finished an epoch. */
  'studies:epoch': StudyEpochEvent
  /** Something the user should know about a running study (a retry, an admission wait). */
  'studies:notice': StudyNoticeEvent
  /** Electron's menu asks the renderer to run a command (app-actions.ts); never sent by serve. */
  'app:action': AppActionEvent
}
export type EventName = keyof Events
export const eventNames: EventName[] = [
  'datasets:progress',
  'datasets:changed',
  'system:update',
  'studies:progress',
  'studies:changed',
  'studies:state',
  'studies:trialChanged',
  'studies:epoch',
  'studies:notice',
  'app:action',
]

export type ErrorCode = string
export interface ApiError {
  code: ErrorCode
  message: string
}
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiError }

/** What the renderer sees, whichever transport carries it. */
export interface FrontierApi {
  request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

/**
 * What the preload puts on `window.frontier`: one method per channel (named as the channel) and
 * one subscribe method per event (named `on:<event>`, returning an unsubscribe function).
 */
export type FrontierBridge = {
  [C in Channel]: (payload: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>
} & {
  [E in EventName as `on:${E}`]: (listener: (payload: Events[E]) => void) => () => void
}

/** WebSocket wire format of `frontier serve` (JSON text frames). */
export type WsClientMessage = { id: number; channel: string; payload: unknown }
export type WsServerMessage =
  { id: number; envelope: Envelope<unknown> } | { event: EventName; payload: unknown }

/** Path of the WebSocket endpoint; the token travels as `?token=`. */
export const WS_PATH = '/api'
