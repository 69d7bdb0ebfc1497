# NHiTS as Darts 0.38 builds it, for the PyTorch reference benches (nhits-trial-torch.py,
# nhits-twin-torch.py): MaxPool1d with ceil_mode over the flattened L·D input, an MLP of
# ReLU + Dropout per block, backcast and forecast heads, F.interpolate(mode="linear") back to L·D
# and H·D, the raw (Q, H·D) → (H·D, Q) reshape, channel 0 kept, the last block's backcast head
# frozen (MODELS.md §3). Default initialisation is PyTorch's nn.Linear, as in Darts.
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def schedule(n, stacks):
    m = max(n // 2, 1)
    return [int(m // g) for g in np.geomspace(1, m, stacks)]


class Block(nn.Module):
    def __init__(self, LD, HD, Q, k, r, layers, width, dropout):
        super().__init__()
        self.LD, self.HD, self.Q = LD, HD, Q
        self.pool = nn.MaxPool1d(k, stride=k, ceil_mode=True)
        n_in = math.ceil(LD / k)
        self.n_f = max(HD // r, 1)
        mlp = []
        for i in range(layers):
            mlp += [nn.Linear(n_in if i == 0 else width, width), nn.ReLU()]
            if dropout > 0:
                mlp.append(nn.Dropout(dropout))
        self.mlp = nn.Sequential(*mlp)
        self.back = nn.Linear(width, max(LD // r, 1))
        self.fore = nn.Linear(width, Q * self.n_f)

    def forward(self, z):
        b = z.shape[0]
        h = self.mlp(self.pool(z.unsqueeze(1)).squeeze(1))
        xb = F.interpolate(self.back(h).unsqueeze(1), size=self.LD, mode="linear").squeeze(1)
        yf = F.interpolate(self.fore(h).view(b, self.Q, self.n_f), size=self.HD, mode="linear")
        return xb, yf.reshape(b, self.HD, self.Q)


class NHiTS(nn.Module):
    def __init__(self, L, H, D, Q, stacks, blocks, layers, width, dropout):
        super().__init__()
        self.L, self.H, self.D, self.Q = L, H, D, Q
        kernels, factors = schedule(L, stacks), schedule(H, stacks)
        self.blocks = nn.ModuleList(
            [
                Block(L * D, H * D, Q, kernels[s], factors[s], layers, width, dropout)
                for s in range(stacks)
                for _ in range(blocks)
            ]
        )
        self.blocks[-1].back.requires_grad_(False)
        self.stacks, self.per_stack = stacks, blocks

    def forward(self, x):
        z = x.reshape(x.shape[0], self.L * self.D)
        y = torch.zeros(x.shape[0], self.H * self.D, self.Q, dtype=x.dtype)
        for block in self.blocks:
            xb, yf = block(z)
            z = z - xb
            y = y + yf
        return y.view(x.shape[0], self.H, self.D, self.Q)[:, :, 0, :]

    def named_linears(self):
        """(Frontier's parameter prefix, nn.Linear) for every layer, in Frontier's names."""
        for i, block in enumerate(self.blocks):
            prefix = f"stack{i // self.per_stack}.block{i % self.per_stack}"
            linears = [m for m in block.mlp if isinstance(m, nn.Linear)]
            for j, lin in enumerate(linears):
                yield f"{prefix}.mlp{j}", lin
            yield f"{prefix}.theta_b", block.back
            yield f"{prefix}.theta_f", block.fore


def pinball(pred, y, taus):
    """Darts' QuantileRegression loss: pinball summed over the levels, mean over the rest."""
    e = y.unsqueeze(-1) - pred
    return torch.maximum(taus * e, (taus - 1) * e).sum(-1).mean()
