# The PyTorch twin of test/bench/train-step.ts: the same MLP (168→W→W→72, ReLU), pinball loss
# summed over the quantiles (Darts QuantileRegression), Adam, float32, one step per iteration.
#
# Usage: python3 train-step-torch.py THREADS BATCH WIDTH
# then write one number per line on stdin (seconds to run); each answers with a line
# "steps_per_second=… steps_per_cpu_second=…". The caller sets OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
# OMP_WAIT_POLICY=PASSIVE to match THREADS. Staying alive lets the bench interleave PyTorch and
# onnxruntime rounds, so both see the same machine load.
import sys
import time

import torch

threads, batch, width = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(42)
L, H, Q = 168, 24, 3
model = torch.nn.Sequential(
    torch.nn.Linear(L, width), torch.nn.ReLU(),
    torch.nn.Linear(width, width), torch.nn.ReLU(),
    torch.nn.Linear(width, H * Q),
)
opt = torch.optim.Adam(model.parameters(), lr=1e-4)
taus = torch.tensor([0.1, 0.5, 0.9])
x = torch.randn(batch, L)
y = torch.randn(batch, H)


def step():
    opt.zero_grad(set_to_none=True)
    q = model(x).view(batch, H, Q)
    e = y.unsqueeze(-1) - q
    loss = torch.maximum(taus * e, (taus - 1) * e).sum(-1).mean()
    loss.backward()
    opt.step()


for _ in range(20):
    step()
print(f"ready torch={torch.__version__} threads={torch.get_num_threads()}", flush=True)
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
