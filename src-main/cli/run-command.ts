// `frontier run`: a whole study from the command line — trials in worker processes, a live
// display, and at the end the Pareto front, the three picks and the benchmarker exports.

import { availableModels } from '../engine/models/registry'
import { PRUNER_NAMES } from '../engine/hpo/pruners/pruner'
import { SAMPLER_NAMES } from '../engine/hpo/samplers/sampler'
import { GP_MAX_TRIALS } from '../services/sampler-rule'
import { DATA_OPTIONS, DATA_USAGE } from './data-options'
import type { Command } from './main'
import { parseCliArgs } from './parse-cli-args'
import { defaultStudyDir, runRequest } from './run-request'
import { runStudySession } from './run-session'

export const RUN_OPTIONS = {
  ...DATA_OPTIONS,
  model: { type: 'string' },
  trials: { type: 'string' },
  sampler: { type: 'string' },
  pruner: { type: 'string' },
  'pruner-options': { type: 'string' },
  workers: { type: 'string' },
  'study-dir': { type: 'string' },
  'job-id': { type: 'string' },
  resume: { type: 'boolean' },
  timeout: { type: 'string' },
  space: { type: 'string' },
  'picp-target': { type: 'string' },
  quantiles: { type: 'string' },
  json: { type: 'boolean' },
} as const

const usage = `Usage: frontier run --data <file.csv|demo:heat|demo:water> [options]

Runs a multi-objective study: every trial trains the model in its own worker process and is
scored by walk-forward validation on MAE and |PICP − target|. Prints the Pareto front, the
picks (best MAE, best PICP, balanced) and writes the benchmarker's files:
  <study-dir>/<MODEL>_<DATASET>/best_params_<MODEL>_<DATASET>_<JOBID>.json
  <study-dir>/best_params_<NHITS|TFT|TIMESNET>.json     (the chosen trial's parameters)
  <study-dir>/<MODEL>_<DATASET>/trials_<MODEL>_<DATASET>_<JOBID>.csv
The study itself is <study-dir>/<MODEL>_<DATASET>/study_<MODEL>_<DATASET>_<JOBID>.json.
Ctrl-C (or SIGTERM) stops cleanly; run the same command with --resume to continue.
Exits 0 when done, 1 when the input is refused or no trial completed, 2 on a usage error,
130 when stopped.

Options:
  --data <src>          a CSV file, or demo:heat / demo:water (the bundled demo data)
  --model <name>        ${availableModels().join(', ')} (default NHITS_Q)
  --trials <n>          trial budget (default 50)
  --sampler <name>      ${SAMPLER_NAMES.join(', ')} (default: gp for up to ${GP_MAX_TRIALS}
                        trials, tpe beyond; README)
  --pruner <name>       ${PRUNER_NAMES.join(', ')} (default none)
  --pruner-options '<json>'
                        the pruner's options, e.g. '{"maxChance":0.6}' for a bolder dominance
                        pruner (src-main/engine/hpo/README.md states each rule and option)
  --workers <n>         trials at a time (default: one per core on the CPU; on a GPU up to 4,
                        admitted as its memory allows)
  --epochs <n>          epochs per trial (default: the model's, 15 for NHITS_Q)
  --space '<json>'      distributions replacing the model's defaults, by parameter name, e.g.
                        '{"layer_widths":{"kind":"categorical","choices":[64,128]}}' (or @file)
  --study-dir <dir>     where the study and its exports go (default ${defaultStudyDir()})
  --job-id <id>         names the files (default $SLURM_JOB_ID, else "local")
  --resume              continue the study with this model, dataset and job id (if any)
  --timeout <s>         per-trial limit in seconds (a trial over it fails with TIMEOUT)
  --seed <s>            the study's seed, also every trial's training seed (default 42)
  --picp-target <pct>   the coverage the interval should reach (default 80)
  --quantiles <list>    0.1,0.5,0.9 (the only levels the models emit)
${DATA_USAGE}
  --json                print the summary as JSON on stdout (progress goes to stderr)
  -h, --help            show this help`

export const runCommand: Command = {
  name: 'run',
  summary: 'run a multi-objective study: trials in worker processes, Pareto front, exports',
  usage,
  async run(argv) {
    const { values } = parseCliArgs(argv, RUN_OPTIONS, 0)
    return runStudySession(runRequest(values))
  },
}
