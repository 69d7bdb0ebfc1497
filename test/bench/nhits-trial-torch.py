# The PyTorch twin of test/bench/nhits-trial.ts: NHiTS as Darts 0.38 builds it (MaxPool1d with
# ceil_mode over the flattened L·D input, an MLP of ReLU + Dropout per block, backcast and
# forecast heads, F.interpolate(mode="linear") back to L·D and H·D, the raw (Q, H·D) → (H·D, Q)
# reshape, channel 0 kept, the last block's backcast head frozen), pinball loss summed over the
# quantiles, Adam, float32 (Darts itself would train float64 on float64 series), one step per
# iteration.
#
# Usage: python3 nhits-trial-torch.py THREADS BATCH WIDTH CHANNELS STACKS BLOCKS LAYERS
# then write one number per line on stdin (seconds to run); each answers with a line
# "steps_per_second=… steps_per_cpu_second=…". The caller sets OPENBLAS_NUM_THREADS,
# OMP_NUM_THREADS and OMP_WAIT_POLICY=PASSIVE to match THREADS.
import math
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

threads, batch, width, D, stacks, blocks, layers = map(int, sys.argv[1:8])
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(42)
L, H, Q = 168, 24, 3
LD, HD = L * D, H * D
DROPOUT = 0.1


def schedule(n):
    m = max(n // 2, 1)
    return [int(m // g) for g in np.geomspace(1, m, stacks)]


class Block(nn.Module):
    def __init__(self, k, r):
        super().__init__()
        self.pool = nn.MaxPool1d(k, stride=k, ceil_mode=True)
        n_in = math.ceil(LD / k)
        self.n_f = max(HD // r, 1)
        mlp = []
        for i in range(layers):
            mlp += [nn.Linear(n_in if i == 0 else width, width), nn.ReLU(), nn.Dropout(DROPOUT)]
        self.mlp = nn.Sequential(*mlp)
        self.back = nn.Linear(width, max(LD // r, 1))
        self.fore = nn.Linear(width, Q * self.n_f)

    def forward(self, z):
        b = z.shape[0]
        h = self.mlp(self.pool(z.unsqueeze(1)).squeeze(1))
        xb = F.interpolate(self.back(h).unsqueeze(1), size=LD, mode="linear").squeeze(1)
        yf = F.interpolate(self.fore(h).view(b, Q, self.n_f), size=HD, mode="linear")
        return xb, yf.reshape(b, HD, Q)


class NHiTS(nn.Module):
    def __init__(self):
        super().__init__()
        kernels, factors = schedule(L), schedule(H)
        self.blocks = nn.ModuleList(
            [Block(kernels[s], factors[s]) for s in range(stacks) for _ in range(blocks)]
        )
        self.blocks[-1].back.requires_grad_(False)

    def forward(self, x):
        z = x.reshape(x.shape[0], LD)
        y = torch.zeros(x.shape[0], HD, Q)
        for block in self.blocks:
            xb, yf = block(z)
            z = z - xb
            y = y + yf
        return y.view(x.shape[0], H, D, Q)[:, :, 0, :]


model = NHiTS()
opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
taus = torch.tensor([0.1, 0.5, 0.9])
x = torch.rand(batch, L, D)
y = torch.rand(batch, H)


def step():
    opt.zero_grad(set_to_none=True)
    e = y.unsqueeze(-1) - model(x)
    loss = torch.maximum(taus * e, (taus - 1) * e).sum(-1).mean()
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
