// The victim of the fault test: opens a study file and runs trials against it as fast as it can
// (ask, three batched per-epoch reports, tell), printing "asked <n>" and "told <n>" once each
// write has resolved. The parent kills it at random moments.
//
//   node --import tsx test/fault/study-store-writer.ts <study.json>

import { openPersistentStudy } from '../../src-main/engine/store/persistent-study'
import { expectedValues } from './study-store-fault-shared'

const path = process.argv[2]
const { study, store } = await openPersistentStudy(path, { flushIntervalMs: 5 })
process.stdout.write(`opened ${study.trials.length}\n`)
while (study.canAsk()) {
  const { trialId, params } = await study.ask()
  process.stdout.write(`asked ${trialId}\n`)
  for (let epoch = 0; epoch < 3; epoch++) {
    study.report(trialId, epoch, { loss: 1 / (epoch + 1) })
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  await study.tell(trialId, { state: 'complete', values: expectedValues(params) })
  process.stdout.write(`told ${trialId}\n`)
}
await store.close()
process.stdout.write('done\n')
