// The public surface of engine/graph. No logic here: every name below lives in its own file.

export { GraphError, type GraphErrorCode } from './errors'
export { type Dim, type Shape } from './shape'
export { Tensor, type DType, type FloatDType } from './tensor'
export { GraphBuilder, type GraphOptions, type InputInfo, type ParamInfo } from './graph'
export { init, type Init } from './init'
export { grad, gradients } from './autodiff'

export { add, sub, mul, div, pow, maximum, minimum, square } from './ops/binary'
export {
  neg,
  exp,
  log,
  sqrt,
  reciprocal,
  sign,
  abs,
  sin,
  cos,
  relu,
  elu,
  gelu,
  erf,
  sigmoid,
  tanh,
  softplus,
} from './ops/unary'
export { greater, greaterOrEqual, less, lessOrEqual, equal, not, where, cast } from './ops/compare'
export { reduceSum, reduceMean, reduceMax, count } from './ops/reduce'
export {
  reshape,
  reshapeAs,
  transpose,
  transposeLast2,
  squeeze,
  unsqueeze,
  expand,
  expandAs,
} from './ops/layout'
export { slice, split, concat, pad, padAxis, padCircular, gather } from './ops/slicing'
export { matmul } from './ops/matmul'
export { softmax, layerNorm } from './ops/normalize'
export { maxPool, avgPool, type PoolOptions } from './ops/pool'
export { conv, type ConvOptions } from './ops/conv'

export { linear, dropout, type LinearOptions } from './nn/linear'
export { interpolateLinear, interpolationMatrix } from './nn/interpolate'
export { lstm, lstmCell, lstmParams, type LstmParams } from './nn/lstm'
export { attention, causalMask, type AttentionOptions } from './nn/attention'
export { dftBasis, rfftBins, rfftAmplitude } from './nn/spectral'
export { pinballLoss, mseLoss, maeLoss, type PinballOptions } from './nn/losses'

export { adam, toTorchMoments, type AdamConfig } from './optim/adam'
export { clipGlobalNorm } from './optim/clip'

export {
  type Network,
  type ValueSpec,
  type ParamSpec,
  type MaskSpec,
  names,
} from './programs/network'
export {
  buildTrainStep,
  buildTrainLoop,
  buildTrainUnrolled,
  type TrainGraph,
} from './programs/train'
export {
  buildPredict,
  buildExport,
  IO_METADATA_KEY,
  type PredictGraph,
  type ExportOptions,
} from './programs/predict'

export { Runtime, type RuntimeOptions } from './runtime/runtime'
export {
  resolveProvider,
  probeProvider,
  type Provider,
  type ProviderChoice,
} from './runtime/provider'
export { Trainer, type TrainerOptions, type StepResult, type ParamArray } from './runtime/trainer'
export { Predictor, type Prediction } from './runtime/predictor'
export { type HostArray, type HostValue } from './runtime/feeds'

export { evaluate, type Feeds } from './reference/evaluate'
export { type NDArray, nd } from './reference/ndarray'
