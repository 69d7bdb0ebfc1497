# The PyTorch twin of test/bench/nhits-trial.ts: NHiTS as Darts 0.38 builds it (nhits_torch.py),
# pinball loss summed over the quantiles, Adam, float32 (Darts itself would train float64 on
# float64 series), one step per iteration.
#
# Usage: python3 nhits-trial-torch.py THREADS BATCH WIDTH CHANNELS STACKS BLOCKS LAYERS
# then write one number per line on stdin (seconds to run); each answers with a line
# "steps_per_second=… steps_per_cpu_second=…". The caller sets OPENBLAS_NUM_THREADS,
# OMP_NUM_THREADS and OMP_WAIT_POLICY=PASSIVE to match THREADS.
import sys
import time

import torch

from nhits_torch import NHiTS, pinball

threads, batch, width, D, stacks, blocks, layers = map(int, sys.argv[1:8])
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(42)
L, H, Q = 168, 24, 3
DROPOUT = 0.1

model = NHiTS(L, H, D, Q, stacks, blocks, layers, width, DROPOUT)
opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
taus = torch.tensor([0.1, 0.5, 0.9])
x = torch.rand(batch, L, D)
y = torch.rand(batch, H)


def step():
    opt.zero_grad(set_to_none=True)
    loss = pinball(model(x), y, taus)
    loss.backward()
    opt.step()


model.train()
for _ in range(10):
    step()
params = sum(p.numel() for p in model.parameters())
print(f"ready torch={torch.__version__} threads={torch.get_num_threads()} params={params}", flush=True)
for line in sys.stdin:
    seconds = float(line)
    done = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    while time.perf_counter() - t0 < seconds:
        step()
        done += 1
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(f"steps_per_second={done / wall:.2f} steps_per_cpu_second={done / cpu:.2f}", flush=True)
