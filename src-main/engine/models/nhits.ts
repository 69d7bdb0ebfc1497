// NHITS_Q: Darts' NHiTSModel with QuantileRegression([0.1, 0.5, 0.9]) as the thesis trains it
// (MODELS.md §3). The target and the stacked covariates enter as one flattened, channel-
// interleaved vector of L·D values (D = 1 + covariates); the stacks pool and interpolate over
// that vector; the output keeps channel 0. The loss is the pinball summed over the levels, in
// the MinMax-scaled space, and Adam's weight decay is the coupled L2.

import { interleaveChannels } from '../data/windows'
import type { GraphBuilder } from '../graph/graph'
import { pinballLoss } from '../graph/nn/losses'
import { add, sub } from '../graph/ops/binary'
import { reshape } from '../graph/ops/layout'
import type { Tensor } from '../graph/tensor'
import type { ModelDims, ModelNetwork, ModelParams, ModelSpec, ParamDefs } from './model-spec'
import { nhitsBlock } from './nhits-block'
import { type NhitsShape, nhitsLayout, nhitsParameterCount } from './nhits-layout'

const params: ParamDefs = {
  num_stacks: {
    kind: 'int',
    default: 3,
    min: 1,
    max: 8,
    search: { kind: 'int', low: 2, high: 5 },
    required: true,
    description: 'stacks; also sets the pooling and downsampling schedules',
  },
  num_blocks: {
    kind: 'int',
    default: 1,
    min: 1,
    max: 6,
    search: { kind: 'int', low: 1, high: 3 },
    required: true,
    description: 'blocks per stack',
  },
  num_layers: {
    kind: 'int',
    default: 2,
    min: 1,
    max: 8,
    search: { kind: 'int', low: 2, high: 4 },
    required: true,
    description: 'fully connected layers per block',
  },
  layer_widths: {
    kind: 'int',
    default: 512,
    min: 8,
    max: 4096,
    search: { kind: 'categorical', choices: [256, 512, 1024] },
    required: true,
    description: 'MLP width (every stack)',
  },
  lr: {
    kind: 'float',
    default: 1e-3,
    min: 1e-7,
    max: 1,
    search: { kind: 'float', low: 1e-5, high: 1e-2, log: true },
    required: true,
    description: 'Adam learning rate, constant',
  },
  dropout: {
    kind: 'float',
    default: 0.1,
    min: 0,
    max: 0.9,
    search: { kind: 'float', low: 0.05, high: 0.4 },
    required: true,
    description: 'dropout after every hidden activation (training only)',
  },
  weight_decay: {
    kind: 'float',
    default: 0,
    min: 0,
    max: 0.1,
    search: { kind: 'float', low: 1e-7, high: 1e-3, log: true },
    required: true,
    description: 'Adam L2 penalty, coupled (added to the gradient)',
  },
}

function shapeOf(p: ModelParams, dims: ModelDims): NhitsShape {
  return {
    inputLength: dims.inputLength,
    horizon: dims.horizon,
    channels: 1 + dims.covariates,
    quantiles: dims.quantiles.length,
    numStacks: p.num_stacks as number,
    numBlocks: p.num_blocks as number,
    numLayers: p.num_layers as number,
    width: p.layer_widths as number,
  }
}

function build(p: ModelParams, dims: ModelDims): ModelNetwork {
  const s = shapeOf(p, dims)
  const layout = nhitsLayout(s)
  const rate = p.dropout as number
  const { inputLength: L, horizon: H, channels: D, quantiles: Q } = s
  return {
    dtype: 'float32',
    target: 'y',
    output: 'quantiles',
    forward(g: GraphBuilder) {
      let z = reshape(g.input('x', ['batch', L, D]), ['batch', L * D])
      let y: Tensor | null = null
      for (const b of layout) {
        const out = g.scope(`stack${b.stack}.block${b.block}`, () => nhitsBlock(g, z, b, s, rate))
        if (out.backcast) z = sub(z, out.backcast)
        y = y ? add(y, out.forecast) : out.forecast
      }
      return { quantiles: reshape(y as Tensor, ['batch', H, Q]) }
    },
    loss(g, outputs) {
      const target = g.input('y', ['batch', H])
      return pinballLoss(outputs.quantiles, target, dims.quantiles, { quantiles: 'sum' })
    },
    inputs(batch) {
      const x = interleaveChannels(batch, L, dims.covariates)
      return { x: { data: x, shape: [batch.size, L, D] } }
    },
  }
}

export const nhits: ModelSpec = {
  name: 'NHITS_Q',
  summary: 'N-HiTS with three quantile outputs (Darts NHiTSModel + QuantileRegression)',
  params,
  fixed: {
    pooling_kernel_sizes: null,
    n_freq_downsample: null,
    MaxPool1d: true,
    activation: 'ReLU',
    batch_norm: false,
    use_reversible_instance_norm: false,
    likelihood: 'QuantileRegression',
    quantiles: [0.1, 0.5, 0.9],
    optimizer: 'Adam',
    lr_scheduler: null,
    batch_size: 32,
    n_epochs: 15,
    random_state: 42,
  },
  training: { batchSize: 32, epochs: 15, scaler: 'minmax', quantileLoss: 'sum' },
  build,
  parameterCount: (p, dims) => nhitsParameterCount(shapeOf(p, dims)),
  optimizer: (p) => ({
    lr: p.lr as number,
    adam: { kind: 'adam', weightDecay: p.weight_decay as number },
  }),
}
