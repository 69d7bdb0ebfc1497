// The public surface of engine/models. No logic here.

export * from './model-spec'
export { ModelError, type ModelErrorCode } from './model-error'
export { resolveParams } from './resolve-params'
export { availableModels, isModelName, modelSpec } from './registry'
export { nhits } from './nhits'
export {
  autoSchedule,
  nhitsLayout,
  nhitsParameterCount,
  type BlockLayout,
  type NhitsShape,
} from './nhits-layout'
