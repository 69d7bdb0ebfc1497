// Out-of-sample confirmation of one stored model (issue 12 §4): the trial's standalone ONNX model
// forecasts the test split walk-forward — the same origins count, horizon and input window as
// its validation, the history up to each origin covering training and validation, no refit —
// and is scored with the same metrics and objectives. The scaled columns come from the trial's
// own prepare path (prepareTrialData), and the model's recorded columns, window and scaler must
// match what that path gives now, so a confirmation never scores a model on data it was not
// built for. Pointed at the validation split instead, it reproduces the trial's stored metrics.

import { DEFAULT_PICP_TARGET } from '../metrics/types'
import { dataFeeds, type HostArray } from '../graph/runtime/feeds'
import type { Provider, ProviderChoice } from '../graph/runtime/provider'
import { Runtime, run } from '../graph/runtime/runtime'
import { modelSpec } from '../models/registry'
import { resolveParams } from '../models/resolve-params'
import { ConfirmError } from './confirm-error'
import { readStoredModel, type StoredModelInfo } from './stored-model'
import { prepareTrialData, type PreparedData, type TrialData } from './trial-data'
import { walkForward } from './walk-forward'
import { testPlan, type WalkForwardPlan } from './walk-forward-plan'
import type { WalkForwardResult } from './walk-forward-reference'

export type ScoredPart = 'test' | 'validation'

/** The study's trial settings confirmation needs (the rest come from the model itself). */
export interface ConfirmSettings {
  /** The study's window; when given, the model's own (its metadata) must be the same. */
  inputLength?: number
  horizon?: number
  /** Walk-forward origins (default 10, as a trial). */
  origins?: number
  maxGapFill?: number
  picpTarget?: number
}

export interface ConfirmModelInput {
  data: TrialData
  onnx: Uint8Array
  settings?: ConfirmSettings
  /** Default 'test'; 'validation' re-scores what the trial was scored on. */
  part?: ScoredPart
  provider?: ProviderChoice
  threads?: number
  /** Names the model in error messages (e.g. "Trial 3's model"). */
  label?: string
}

export interface ConfirmModelResult extends WalkForwardResult {
  part: ScoredPart
  model: StoredModelInfo
  provider: Provider
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))

/** Refuses a model whose columns or scaler differ from what the data gives now. */
function checkModelFits(info: StoredModelInfo, prepared: PreparedData, label: string): void {
  const want = info.columns.join(', ')
  const have = prepared.columns.join(', ')
  if (want !== have)
    throw new ConfirmError(
      'MODEL_MISMATCH',
      `${label} reads the columns ${want}, but the dataset now gives ${have}. Confirm it on the data and roles the study was run with.`,
    )
  const { min, range } = prepared.scaler
  for (let c = 0; c < info.columns.length; c++) {
    if (!close(info.scaler.min[c], min[c]) || !close(info.scaler.range[c], range[c]))
      throw new ConfirmError(
        'MODEL_MISMATCH',
        `${label} was scaled with ${info.columns[c]} in [${info.scaler.min[c]}, ${info.scaler.min[c] + info.scaler.range[c]}], but the training split now gives [${min[c]}, ${min[c] + range[c]}]: the data or the split differ from the trial's.`,
      )
  }
}

export async function confirmModel(input: ConfirmModelInput): Promise<ConfirmModelResult> {
  const label = input.label ?? 'The model'
  const part = input.part ?? 'test'
  const info = readStoredModel(input.onnx, label)
  const settings = input.settings ?? {}
  const asked = { inputLength: settings.inputLength, horizon: settings.horizon }
  if (
    (asked.inputLength !== undefined && asked.inputLength !== info.inputLength) ||
    (asked.horizon !== undefined && asked.horizon !== info.horizon)
  )
    throw new ConfirmError(
      'MODEL_MISMATCH',
      `${label} reads ${info.inputLength} steps and forecasts ${info.horizon}, but the study's trials use ${asked.inputLength ?? info.inputLength} and ${asked.horizon ?? info.horizon}: it is not this study's model.`,
    )
  const window = {
    inputLength: info.inputLength,
    horizon: info.horizon,
    ...(settings.maxGapFill !== undefined ? { maxGapFill: settings.maxGapFill } : {}),
  }
  const origins = settings.origins ?? 10
  const prepared = prepareTrialData(input.data, { ...window, origins })
  checkModelFits(info, prepared, label)
  const plan: WalkForwardPlan =
    part === 'validation'
      ? prepared.plan
      : testPlan(prepared.split, { origins, horizon: info.horizon, inputLength: info.inputLength })

  // The network is rebuilt only for its feed layout (which input names, in what arrangement);
  // the weights that forecast are the stored model's.
  const spec = modelSpec(info.model)
  const net = spec.build(resolveParams(spec, info.params), {
    inputLength: info.inputLength,
    horizon: info.horizon,
    covariates: prepared.source.covariates.length,
    quantiles: info.quantiles,
  })
  if (!info.outputs.some((o) => o.name === net.output))
    throw new ConfirmError(
      'MODEL_METADATA_INVALID',
      `${label} has no output "${net.output}" (it has ${info.outputs.map((o) => o.name).join(', ')}).`,
    )
  const runtime = await Runtime.create({
    provider: input.provider ?? 'cpu',
    threads: input.threads ?? 1,
  })
  try {
    const session = await runtime.session('confirm', input.onnx)
    const result = await walkForward(
      async (batch) => {
        const out = await run(session, dataFeeds(info.inputs, net.inputs(batch), {}))
        return out[net.output].data as HostArray as Float32Array
      },
      {
        plan,
        source: prepared.source,
        window,
        scoring: {
          target: prepared.target,
          timestamps: input.data.series.timestamps,
          toOriginal: prepared.toOriginal,
          picpTarget: settings.picpTarget ?? DEFAULT_PICP_TARGET,
        },
        quantiles: info.quantiles.length,
      },
    )
    return { ...result, part, model: info, provider: runtime.provider }
  } finally {
    await runtime.dispose()
  }
}
