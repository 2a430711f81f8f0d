"""Train the identical model in PyTorch, one thread, float64 (called by scripts/compare-torch).

Reads what `examples/digits --export DIR` wrote: row drives p = P/P_max, labels, the initial
normalised currents x = I/I_max, the per-epoch sample order and the response coefficients, so
that both runs see the same data, initial state and batches. Model (docs/physics.md section 8, docs/network.md):
  G(x) = c0 + c1 x + c2 x^2 + c3 x^3,  u = p @ G (column sums / V_max),
  loss = mean cross-entropy(softmax(beta u / N_in)), SGD (or Adam) on x, clip to [x_lo, 1].
Prints torch_seconds=<training time> and torch_test_accuracy=<accuracy>.
"""
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
d = sys.argv[1]
meta = open(f"{d}/meta.txt").read().split()
inputs, n_train, n_test, epochs, batch = (int(v) for v in meta[:5])
beta, lr = float(meta[5]), float(meta[6])
current_range, optimizer_name = meta[7], meta[8]
c = [float(v) for v in open(f"{d}/coefficients.txt").read().split()]
outputs = 10

train_x = torch.from_numpy(np.fromfile(f"{d}/train_x.f64", dtype=np.float64).reshape(n_train, inputs))
test_x = torch.from_numpy(np.fromfile(f"{d}/test_x.f64", dtype=np.float64).reshape(n_test, inputs))
train_y = torch.from_numpy(np.fromfile(f"{d}/train_y.u8", dtype=np.uint8).astype(np.int64))
test_y = torch.from_numpy(np.fromfile(f"{d}/test_y.u8", dtype=np.uint8).astype(np.int64))
order = torch.from_numpy(np.fromfile(f"{d}/order.u32", dtype=np.uint32).astype(np.int64)).reshape(epochs, n_train)
x = torch.from_numpy(np.fromfile(f"{d}/init_x.f64", dtype=np.float64).reshape(inputs, outputs)).clone()
x.requires_grad_(True)
lower = -1.0 if current_range == "bipolar" else 0.0
scale = beta / inputs
opt = torch.optim.SGD([x], lr=lr) if optimizer_name == "sgd" else torch.optim.Adam([x], lr=lr)


def column_sums(p):
    g = c[0] + x * (c[1] + x * (c[2] + x * c[3]))
    return p @ g


start = time.perf_counter()
for epoch in range(epochs):
    ep = order[epoch]
    for s in range(0, n_train, batch):
        idx = ep[s:s + batch]
        loss = torch.nn.functional.cross_entropy(scale * column_sums(train_x[idx]), train_y[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            x.clamp_(lower, 1.0)
seconds = time.perf_counter() - start
with torch.no_grad():
    accuracy = (column_sums(test_x).argmax(dim=1) == test_y).double().mean().item()
print(f"torch_seconds={seconds:.6f}")
print(f"torch_test_accuracy={accuracy:.4f}")
