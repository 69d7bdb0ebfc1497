// One trial, end to end: data + model + parameters → a trained network → walk-forward forecasts
// on the validation split → metrics and the two objectives. The trial worker (issue 6) calls
// exactly this; the CLI's `frontier trial` too. Failures are typed: ModelError (parameters),
// DataError (split, roles), TrainError (options), TrainingStopped (diverged, cancelled, pruned).

import type { InputBatch } from '../data/windows'
import { buildExport, buildPredict } from '../graph/programs/predict'
import { Predictor } from '../graph/runtime/predictor'
import type { Provider, ProviderChoice } from '../graph/runtime/provider'
import { Runtime } from '../graph/runtime/runtime'
import type { ParamArray } from '../graph/runtime/trainer'
import type { ForecastMetrics } from '../metrics/summary'
import { DEFAULT_PICP_TARGET, QUANTILE_LEVELS } from '../metrics/types'
import type { ModelName, ModelParams, ModelSpec, ParameterCount } from '../models/model-spec'
import { modelSpec } from '../models/registry'
import { resolveParams } from '../models/resolve-params'
import type { EarlyStopping, TrainProgress } from './trainer'
import { train } from './trainer'
import { TrainError } from './train-error'
import { prepareTrialData, type TrialData } from './trial-data'
import type { EpochRecord } from './training-stopped'
import { validationLoss } from './validation-loss'
import { walkForward } from './walk-forward'
import type { OriginForecast, WalkForwardResult } from './walk-forward-reference'

export type { TrialData } from './trial-data'

export interface TrialOptions {
  /** Default: the model's (NHITS_Q: 15, the thesis's HPO budget). */
  epochs?: number
  /** Default: the model's (32). */
  batchSize?: number
  /** Seeds weights, dropout and window order (default 42, Darts' random_state). */
  seed?: number
  /** L (default 168) and H (default 24). */
  inputLength?: number
  horizon?: number
  /** Walk-forward origins on the validation split (default 10). */
  origins?: number
  picpTarget?: number
  /** Interpolate gaps of at most this many steps (default 0: windows with gaps are skipped). */
  maxGapFill?: number
  provider?: ProviderChoice
  threads?: number
  /** K full batches per graph run (default 8); changes speed, not results. */
  stepsPerRun?: number
  earlyStopping?: EarlyStopping
  /**
   * Score and export the weights of the epoch with the lowest validation loss (default true);
   * false keeps the last epoch's, as Darts does.
   */
  keepBestEpoch?: boolean
  /** Score every n-th validation window for the per-epoch validation loss (default 1: all). */
  validationStride?: number
  /** Walk-forward after every epoch too, for objective-based pruning (default true). */
  walkForwardEachEpoch?: boolean
  signal?: AbortSignal
  onProgress?: (p: TrialProgress) => void
  /** Every epoch's intermediate values; return 'stop' to prune (TrainingStopped PRUNED). */
  onEpoch?: (record: EpochRecord) => void | 'stop' | Promise<void | 'stop'>
  /** Told once when the provider asked for is not the one that runs (e.g. auto → cpu). */
  onNotice?: (message: string) => void
  /** Also return the trained network as a standalone ONNX model (TrialResult.onnx). */
  exportOnnx?: boolean
}

export type TrialPhase = 'prepare' | 'build' | 'train' | 'walk-forward'

export type TrialProgress =
  { phase: 'prepare' | 'build' | 'walk-forward' } | ({ phase: 'train' } & TrainProgress)

/** Wall seconds per phase. */
export interface TrialTimings {
  prepare: number
  /** Graphs built and sessions created. */
  build: number
  train: number
  /** Per-epoch validation loss and walk-forward. */
  validate: number
  walkForward: number
  total: number
}

export interface TrialResult {
  model: ModelName
  /** The parameters trained with, defaults filled in. */
  params: ModelParams
  /** The study's objectives: [MAE, |PICP − target|]. */
  values: [number, number]
  metrics: ForecastMetrics
  /** One record per epoch trained. */
  intermediate: EpochRecord[]
  /** The epoch whose weights are scored and exported (see TrialOptions.keepBestEpoch). */
  keptEpoch: number
  /** The execution provider that ran the trial, and why it differs from the request, if so. */
  provider: Provider
  providerNotice?: string
  timings: TrialTimings
  /** Validation forecasts in original units, one per origin, with the actuals. */
  forecasts: OriginForecast[]
  /** Origins left out because their input window has a gap. */
  skippedOrigins: number[]
  epochs: number
  steps: number
  stoppedEarly: boolean
  parameterCount: ParameterCount
  windows: { train: number; trainSkipped: number; trainExcluded: number; validation: number }
  /** Split boundaries as grid rows and instants. */
  split: { trainEnd: number; valEnd: number; trainEndTime: number; valEndTime: number }
  /** The model's input columns: the target, then the covariates in stacking order. */
  columns: string[]
  /** The trained network as a standalone ONNX model, when TrialOptions.exportOnnx asked for it. */
  onnx?: Uint8Array
}

export async function runTrial(
  data: TrialData,
  model: ModelName | ModelSpec,
  params: Readonly<Record<string, unknown>>,
  options: TrialOptions = {},
): Promise<TrialResult> {
  const t0 = performance.now()
  const spec = typeof model === 'string' ? modelSpec(model) : model
  const resolved = resolveParams(spec, params)
  const o = withDefaults(spec, options)
  const progress = options.onProgress
  progress?.({ phase: 'prepare' })
  const data1 = prepareTrialData(data, o)
  const dims = {
    inputLength: o.inputLength,
    horizon: o.horizon,
    covariates: data1.source.covariates.length,
    quantiles: QUANTILE_LEVELS,
  }
  const t1 = performance.now()

  progress?.({ phase: 'build' })
  const net = spec.build(resolved, dims)
  const runtime = await Runtime.create({
    provider: o.provider,
    threads: o.threads,
    onNotice: options.onNotice,
  })
  try {
    const b0 = performance.now()
    const predictor = await Predictor.create(runtime, buildPredict(net))
    const forecaster = (params: ReadonlyMap<string, ParamArray>) => async (batch: InputBatch) =>
      (await predictor.predict(net.inputs(batch), params))[net.output].data as Float32Array
    const scoring = {
      target: data1.target,
      timestamps: data.series.timestamps,
      toOriginal: data1.toOriginal,
      picpTarget: o.picpTarget,
    }
    const walk = (params: ReadonlyMap<string, ParamArray>) =>
      walkForward(forecaster(params), {
        plan: data1.plan,
        source: data1.source,
        window: o,
        scoring,
        quantiles: dims.quantiles.length,
      })
    // Every epoch's walk-forward, so the kept epoch's need not be run again.
    const walks = new Map<number, WalkForwardResult>()
    const predictBuild = (performance.now() - b0) / 1000
    const { lr, adam } = spec.optimizer(resolved)
    const trained = await train(runtime, net, data1.train, {
      epochs: o.epochs,
      batchSize: o.batchSize,
      lr,
      adam,
      seed: o.seed,
      stepsPerRun: o.stepsPerRun,
      earlyStopping: o.earlyStopping,
      keepBest: o.keepBestEpoch,
      signal: o.signal,
      onProgress: progress && ((p) => progress({ phase: 'train', ...p })),
      onEpoch: options.onEpoch,
      evaluate: async (trainer, epoch) => {
        const valLoss = data1.validation
          ? await validationLoss(predictor, net, trainer.parameters(), data1.validation, {
              quantiles: dims.quantiles,
              stride: o.validationStride,
            })
          : null
        if (!o.walkForwardEachEpoch) return { valLoss }
        const result = await walk(trainer.parameters())
        walks.set(epoch, result)
        return { valLoss, objectives: result.objectives }
      },
    })
    progress?.({ phase: 'walk-forward' })
    const w0 = performance.now()
    // The kept epoch's walk-forward ran after that epoch on the same weights; otherwise run it.
    const epochsDone = trained.intermediate.length
    const kept = trained.kept
    const final = walks.get(kept.epoch) ?? (await walk(kept.parameters))
    const w1 = performance.now()
    const onnx = options.exportOnnx
      ? buildExport(net, kept.parameters, {
          metadata: exportMetadata(spec.name, resolved, o, data1.columns, data1.scaler),
        })
      : undefined
    return {
      ...(onnx ? { onnx } : {}),
      model: spec.name,
      params: resolved,
      values: final.objectives,
      metrics: final.metrics,
      intermediate: trained.intermediate,
      keptEpoch: kept.epoch,
      provider: runtime.provider,
      ...(runtime.notice ? { providerNotice: runtime.notice } : {}),
      timings: {
        prepare: (t1 - t0) / 1000,
        build: trained.timings.build + predictBuild,
        train: trained.timings.train,
        validate: trained.timings.evaluate,
        walkForward: (w1 - w0) / 1000,
        total: (w1 - t0) / 1000,
      },
      forecasts: final.forecasts,
      skippedOrigins: final.skipped,
      epochs: epochsDone,
      steps: trained.steps,
      stoppedEarly: trained.stopped === 'early-stopping',
      parameterCount: spec.parameterCount(resolved, dims),
      windows: {
        train: data1.train.starts.length,
        trainSkipped: data1.train.skipped,
        trainExcluded: data1.train.excluded,
        validation: data1.validation?.starts.length ?? 0,
      },
      split: {
        trainEnd: data1.split.trainEnd,
        valEnd: data1.split.valEnd,
        trainEndTime: data1.split.trainEndTime,
        valEndTime: data1.split.valEndTime,
      },
      columns: data1.columns,
    }
  } finally {
    await runtime.dispose()
  }
}

function withDefaults(spec: ModelSpec, o: TrialOptions) {
  const d = {
    epochs: o.epochs ?? spec.training.epochs,
    batchSize: o.batchSize ?? spec.training.batchSize,
    seed: o.seed ?? 42,
    inputLength: o.inputLength ?? 168,
    horizon: o.horizon ?? 24,
    origins: o.origins ?? 10,
    picpTarget: o.picpTarget ?? DEFAULT_PICP_TARGET,
    maxGapFill: o.maxGapFill ?? 0,
    provider: o.provider ?? 'auto',
    threads: o.threads ?? 1,
    stepsPerRun: o.stepsPerRun,
    earlyStopping: o.earlyStopping,
    validationStride: o.validationStride ?? 1,
    walkForwardEachEpoch: o.walkForwardEachEpoch ?? true,
    keepBestEpoch: o.keepBestEpoch ?? true,
    signal: o.signal,
  }
  const ints: [string, number][] = [
    ['seed', d.seed],
    ['validation stride', d.validationStride],
    ['thread count', d.threads],
  ]
  for (const [name, v] of ints) {
    if (!Number.isInteger(v) || v < (name === 'seed' ? 0 : 1))
      throw new TrainError('INVALID_OPTIONS', `The ${name} must be a whole number; got ${v}.`)
  }
  return d
}

/**
 * What a user of the standalone ONNX needs besides its tensors: the model and parameters, the
 * window, the quantile levels, and the MinMax scaler of each input column (the network takes
 * and gives scaled values: x' = (x − min) / range, and outputs back as y = y'·range₀ + min₀).
 */
function exportMetadata(
  model: ModelName,
  params: ModelParams,
  d: { inputLength: number; horizon: number },
  columns: string[],
  scaler: { min: Float64Array; range: Float64Array },
): Record<string, string> {
  return {
    'frontier.model': model,
    'frontier.params': JSON.stringify(params),
    'frontier.input_length': String(d.inputLength),
    'frontier.horizon': String(d.horizon),
    'frontier.quantiles': QUANTILE_LEVELS.join(','),
    'frontier.columns': JSON.stringify(columns),
    'frontier.scaler': JSON.stringify({ min: [...scaler.min], range: [...scaler.range] }),
  }
}
