// What the study setup can offer on this machine: the models that exist (default space, what
// each parameter accepts, training defaults from the model's spec), the samplers and pruners in
// one line each, the execution providers this machine has, the cores, and the sampler rule.

import { availableParallelism } from 'node:os'
import { PARAM_SCHEMAS, defaultSearchSpace } from '../engine/hpo/default-spaces'
import { PRUNER_OPTIONS } from '../engine/hpo/pruners/registry'
import { PRUNER_NAMES, type PrunerName } from '../engine/hpo/pruners/pruner'
import { SAMPLER_NAMES, type SamplerName } from '../engine/hpo/samplers/sampler'
import { probeProvider } from '../engine/graph/runtime/provider'
import { availableModels, modelSpec } from '../engine/models/registry'
import type { ModelName } from '../engine/models/model-spec'
import { DEFAULT_WALK_FORWARD } from '../engine/train/walk-forward-plan'
import type { ModelOption, ProviderOption, StudyOptionsView } from '@shared/study-views'
import { SAMPLER_RULE } from './sampler-rule'

const SAMPLERS: Record<SamplerName, string> = {
  random:
    'Independent uniform draws; the baseline, and the same sequence whatever the trials tell.',
  lhs: 'Latin hypercube over the budget: spreads the trials evenly over every parameter.',
  tpe: 'Multi-objective TPE: Parzen estimators of good and bad trials; cheap at any budget.',
  nsga2: 'NSGA-II: a genetic algorithm over generations; wants budgets of several generations.',
  gp: 'Gaussian process with expected hypervolume improvement; best at 50–200 trials here.',
}

const PRUNERS: Record<PrunerName, string> = {
  none: 'Every trial trains all its epochs.',
  median:
    'Stops a trial whose best validation loss is above the median of earlier trials at that epoch.',
  dominance:
    'Stops a trial unlikely to reach the front, forecast from its partial MAE and |PICP − target|.',
}

export function modelOption(name: ModelName): ModelOption {
  const spec = modelSpec(name)
  return {
    name,
    space: defaultSearchSpace(name),
    params: Object.entries(PARAM_SCHEMAS[name]).map(([param, entry]) => ({
      name: param,
      kind: entry.kind,
      ...(entry.kind === 'categorical'
        ? { allowed: [...entry.allowed] }
        : { min: entry.min, max: entry.max }),
      required: entry.required,
      description: entry.description,
    })),
    defaults: {
      epochs: spec.training.epochs,
      batchSize: spec.training.batchSize,
      inputLength: DEFAULT_WALK_FORWARD.inputLength,
      horizon: DEFAULT_WALK_FORWARD.horizon,
      origins: DEFAULT_WALK_FORWARD.origins,
    },
  }
}

/** The providers and whether this machine runs them (probed once per process). */
export async function providerOptions(): Promise<ProviderOption[]> {
  const [webgpu, cuda] = await Promise.all([probeProvider('webgpu'), probeProvider('cuda')])
  return [
    {
      name: 'auto',
      available: true,
      note:
        webgpu === undefined
          ? 'WebGPU when an adapter answers (one does here), else the CPU.'
          : 'WebGPU when an adapter answers; none does here, so trials run on the CPU.',
    },
    { name: 'cpu', available: true, note: 'Always available: one onnxruntime thread per worker.' },
    {
      name: 'webgpu',
      available: webgpu === undefined,
      note:
        webgpu === undefined
          ? 'A WebGPU adapter answers on this machine.'
          : `Not available here: ${webgpu}. WebGPU needs a GPU with Vulkan, D3D12 or Metal drivers.`,
    },
    {
      name: 'cuda',
      available: cuda === undefined,
      note:
        cuda === undefined
          ? 'The CUDA provider runs on this machine.'
          : `Not available here: ${cuda}. CUDA needs an NVIDIA driver, CUDA 12, cuDNN 9 and \`npm run setup:cuda\`.`,
    },
  ]
}

export async function studyOptions(): Promise<StudyOptionsView> {
  return {
    models: availableModels().map(modelOption),
    samplers: SAMPLER_NAMES.map((name) => ({ name, description: SAMPLERS[name] })),
    pruners: PRUNER_NAMES.map((name) => ({
      name,
      description: PRUNERS[name],
      options: [...PRUNER_OPTIONS[name]],
    })),
    providers: await providerOptions(),
    cores: availableParallelism(),
    samplerRule: SAMPLER_RULE,
  }
}
