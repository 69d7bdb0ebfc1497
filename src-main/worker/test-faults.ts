// TEST-ONLY fault injection for the trial worker, so the failure paths of the scheduler can be
// tested with real processes. Off unless FRONTIER_TEST_FAULTS is set in the worker's
// environment, e.g. FRONTIER_TEST_FAULTS="1:throw,3:hang" (trial number : fault). No user
// setting reaches it.
//
// - throw:   the trial code throws an ordinary Error after its first epoch.
// - hang:    the worker spins forever after its first epoch (event loop blocked: no heartbeats).
// - diverge: the learning rate is raised to 1e30, so training really diverges (the trainer's
//            NaN guard stops it with DIVERGED).
// - exit:    the worker exits with code 3 after its first epoch, without reporting.
// - oom:     the worker allocates until the V8 heap limit aborts it (start it with a small
//            --max-old-space-size).
//
// A SIGKILL needs no hook: tests kill the worker's pid from outside.

import type { ModelSpec } from '../engine/models/model-spec'

export const TEST_FAULTS_ENV = 'FRONTIER_TEST_FAULTS'
export const TEST_FAULTS = ['throw', 'hang', 'diverge', 'exit', 'oom'] as const
export type TestFault = (typeof TEST_FAULTS)[number]

export function testFaultFor(
  trialId: number,
  env: NodeJS.ProcessEnv = process.env,
): TestFault | null {
  const spec = env[TEST_FAULTS_ENV]
  if (!spec) return null
  for (const item of spec.split(',')) {
    const [id, fault] = item.split(':')
    if (Number(id) === trialId && (TEST_FAULTS as readonly string[]).includes(fault))
      return fault as TestFault
  }
  return null
}

/** The model as the fault wants it (diverge: an absurd learning rate). */
export function faultyModel(spec: ModelSpec, fault: TestFault | null): ModelSpec {
  if (fault !== 'diverge') return spec
  return { ...spec, optimizer: (params) => ({ ...spec.optimizer(params), lr: 1e30 }) }
}

/** Runs after each epoch's record; the faults that strike mid-training strike here. */
export function strikeAfterEpoch(fault: TestFault | null): void {
  switch (fault) {
    case 'throw':
      throw new Error('Test fault: the trial code threw after epoch 1.')
    case 'hang':
      for (;;) {
        // Busy forever: timers (the heartbeat) never run again.
      }
    case 'exit':
      process.exit(3)
      break
    case 'oom': {
      const hoard: number[][] = []
      for (;;) hoard.push(new Array<number>(1 << 20).fill(hoard.length))
    }
  }
}
