"""Train the identical model in PyTorch, one thread, float64 (called by scripts/compare-torch).

Reads what `tools/digits --export DIR` wrote: row drives p = P/P_max, labels, the initial
normalised currents x = I/I_max, the per-epoch sample order and the response coefficients, so
that both runs see the same data, initial state and batches. Model (docs/physics.md section 8, docs/network.md):
  G(x) = c0 + c1 x + c2 x^2 + c3 x^3,  u = p @ G (column sums / V_max),
  loss = mean cross-entropy(softmax(beta u / N_in)), SGD (or Adam) on x, clip to [x_lo, 1].
Two layers (tools/digits --hidden H): u1 = p @ G(x1), p2 = sigmoid(k (u1 - u0)) (the transfer
stage), u2 = p2 @ G(x2), loss = cross-entropy(softmax(beta u2 / H)), both x1 and x2 trained;
the learning rate of epoch e is lr d^e (--lr-schedule exponential, d = --lr-decay) or
lr_min + (lr - lr_min)(1 + cos(pi e / E))/2 (--lr-schedule cosine), and --weight-decay lambda is
decoupled (SGD: x -= lr lambda x; AdamW), as in tools/digits.
Prints torch_seconds=<training time> and torch_test_accuracy=<accuracy>.
"""
import math
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
hidden, slope, offset, lr_decay = int(meta[9]), float(meta[10]), float(meta[11]), float(meta[12])
schedule, lr_final, weight_decay = (meta[13], float(meta[14]), float(meta[15])) if len(meta) > 15 else ("exponential", 0.0, 0.0)
c = [float(v) for v in open(f"{d}/coefficients.txt").read().split()]
outputs = 10

train_x = torch.from_numpy(np.fromfile(f"{d}/train_x.f64", dtype=np.float64).reshape(n_train, inputs))
test_x = torch.from_numpy(np.fromfile(f"{d}/test_x.f64", dtype=np.float64).reshape(n_test, inputs))
train_y = torch.from_numpy(np.fromfile(f"{d}/train_y.u8", dtype=np.uint8).astype(np.int64))
test_y = torch.from_numpy(np.fromfile(f"{d}/test_y.u8", dtype=np.uint8).astype(np.int64))
order = torch.from_numpy(np.fromfile(f"{d}/order.u32", dtype=np.uint32).astype(np.int64)).reshape(epochs, n_train)
first_width = hidden if hidden else outputs
x = torch.from_numpy(np.fromfile(f"{d}/init_x.f64", dtype=np.float64).reshape(inputs, first_width)).clone()
x.requires_grad_(True)
params = [x]
if hidden:
    x2 = torch.from_numpy(np.fromfile(f"{d}/init_x2.f64", dtype=np.float64).reshape(hidden, outputs)).clone()
    x2.requires_grad_(True)
    params.append(x2)
lower = -1.0 if current_range == "bipolar" else 0.0
scale = beta / (hidden if hidden else inputs)
if optimizer_name == "sgd":
    opt = torch.optim.SGD(params, lr=lr, weight_decay=weight_decay)  # coupled L2 = decoupled for SGD
elif weight_decay > 0.0:
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)
else:
    opt = torch.optim.Adam(params, lr=lr)


def rate(e):
    if schedule == "cosine":
        return lr_final + (lr - lr_final) * 0.5 * (1.0 + math.cos(math.pi * e / epochs))
    return lr * lr_decay ** e


def crossbar(p, w):
    return p @ (c[0] + w * (c[1] + w * (c[2] + w * c[3])))


def column_sums(p):
    if not hidden:
        return crossbar(p, x)
    return crossbar(torch.sigmoid(slope * (crossbar(p, x) - offset)), x2)


start = time.perf_counter()
for epoch in range(epochs):
    for group in opt.param_groups:  # tools/digits --lr-schedule
        group["lr"] = rate(epoch)
    ep = order[epoch]
    for s in range(0, n_train, batch):
        idx = ep[s:s + batch]
        loss = torch.nn.functional.cross_entropy(scale * column_sums(train_x[idx]), train_y[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            for w in params:
                w.clamp_(lower, 1.0)
seconds = time.perf_counter() - start
with torch.no_grad():
    accuracy = (column_sums(test_x).argmax(dim=1) == test_y).double().mean().item()
print(f"torch_seconds={seconds:.6f}")
print(f"torch_test_accuracy={accuracy:.4f}")
