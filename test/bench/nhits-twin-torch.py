# The PyTorch side of test/bench/nhits-twin.ts: trains NHiTS with Darts' computation
# (nhits_torch.py, Adam with coupled L2, constant lr, float32) on exactly the windows Frontier
# trains on, in exactly Frontier's batch order, and scores every epoch by the same walk-forward
# (the same origins, inverse MinMax, MAE of p50 and PICP of [p10, p90]) and the same validation
# loss (pinball summed over levels, mean over every validation window).
#
# Usage: python3 nhits-twin-torch.py THREADS META.json SEED
# META.json (written by nhits-twin.ts) names raw little-endian files: the scaled model columns
# [rows, D] float32 (NaN = missing; column 0 the target), the window starts, the walk-forward
# origins, the raw target (float64) and, per seed, the batch order of every epoch (int32) and
# optionally Frontier's initial weights (float32, Frontier's [in, out] layout).
# Prints one JSON line per epoch: {"epoch", "mae", "picp", "val_loss", "train_loss",
# "first_losses" (the epoch's first 8 step losses), "seconds"}.
import json
import sys
import time

import numpy as np
import torch

from nhits_torch import NHiTS, pinball

threads = int(sys.argv[1])
meta = json.load(open(sys.argv[2]))
seed = int(sys.argv[3])
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(seed)

L, H, D = meta["inputLength"], meta["horizon"], meta["channels"]
taus = torch.tensor(meta["quantiles"], dtype=torch.float32)
Q = len(meta["quantiles"])
p = meta["params"]
columns = np.fromfile(meta["columns"], dtype="<f4").reshape(-1, D)
train_starts = np.fromfile(meta["trainStarts"], dtype="<i4")
val_starts = np.fromfile(meta["valStarts"], dtype="<i4")
origins = np.fromfile(meta["origins"], dtype="<i4")
target = np.fromfile(meta["target"], dtype="<f8")
t_min, t_range = meta["targetMin"], meta["targetRange"]
run = meta["seeds"][str(seed)]
epochs = meta["epochs"]
orders = np.fromfile(run["orders"], dtype="<i4").reshape(epochs, -1)
B = meta["batchSize"]
FIRST_STEPS = 8  # per-step losses reported for each epoch's first steps

model = NHiTS(L, H, D, Q, p["num_stacks"], p["num_blocks"], p["num_layers"], p["layer_widths"],
              p["dropout"])
if run.get("initial"):
    # Frontier's draws, so both start from the same weights: only dropout masks then differ.
    flat = np.fromfile(run["initial"], dtype="<f4")
    offset = 0
    with torch.no_grad():
        for entry in meta["initialLayout"]:
            size = int(np.prod(entry["shape"]))
            values = torch.from_numpy(flat[offset:offset + size].reshape(entry["shape"]).copy())
            offset += size
            lin = dict(model.named_linears())[entry["layer"]]
            if entry["kind"] == "weight":
                lin.weight.copy_(values.T)
            else:
                lin.bias.copy_(values)
opt = torch.optim.Adam([q for q in model.parameters() if q.requires_grad], lr=p["lr"],
                       weight_decay=p["weight_decay"])

# Window tensors: input rows [s, s+L) of every column, target rows [s+L, s+L+H) of column 0.
cols = torch.from_numpy(columns)
offsets_in = torch.arange(L)
offsets_out = torch.arange(L, L + H)


def gather(starts):
    s = torch.from_numpy(np.asarray(starts, dtype=np.int64)).unsqueeze(1)
    return cols[s + offsets_in], cols[s + offsets_out, 0]


def val_loss():
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(val_starts), 256):
            x, y = gather(val_starts[i:i + 256])
            total += pinball(model(x), y, taus).item() * y.numel()
            count += y.numel()
    return total / count


def walk_forward():
    model.eval()
    with torch.no_grad():
        x, _ = gather(origins - L)
        out = model(x).numpy().astype(np.float64) * t_range + t_min
    actual = np.stack([target[o:o + H] for o in origins])
    lo, mid, hi = out[..., 0], out[..., Q // 2], out[..., Q - 1]
    mae = float(np.mean(np.abs(actual - mid)))
    picp = float(np.mean((actual >= lo) & (actual <= hi)) * 100)
    return mae, picp


for epoch in range(epochs):
    t0 = time.perf_counter()
    model.train()
    order = orders[epoch]
    loss_sum, seen = 0.0, 0
    first = []
    for i in range(0, len(order), B):
        x, y = gather(order[i:i + B])
        opt.zero_grad(set_to_none=True)
        loss = pinball(model(x), y, taus)
        loss.backward()
        opt.step()
        loss_sum += loss.item() * len(y)
        seen += len(y)
        if len(first) < FIRST_STEPS:
            first.append(loss.item())
    mae, picp = walk_forward()
    print(json.dumps({"epoch": epoch + 1, "mae": mae, "picp": picp, "val_loss": val_loss(),
                      "train_loss": loss_sum / seen, "first_losses": first,
                      "seconds": time.perf_counter() - t0}),
          flush=True)
