"""Training steps in PyTorch CPU and NumPy on the models of lrnb-bench training.

Same architectures, ranks, batch (128), loss (softmax cross-entropy) and optimiser
(SGD, momentum 0.9) as the Swift side. Low-rank layers are W = U S V^T run as three thin
products (a conv with r channels, then a 1x1 conv for conv layers), with the same
tangent projection and QR retraction of U and V after every step.
"""
import sys
from common import emit, timed

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(2)
repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
batch = 128
gen = torch.Generator().manual_seed(0)


def kaiming(out_features, fan_in, *rest):
    return torch.randn(out_features, *rest, generator=gen) * (2.0 / fan_in) ** 0.5


def svd_factors(w, r):
    u, s, vh = torch.linalg.svd(w, full_matrices=False)
    return u[:, :r].contiguous(), torch.diag(s[:r]), vh[:r].T.contiguous()


class LowRank:
    """U S V^T factors with orthonormal U, V (shapes [out, r], [r, r], [in, r])."""

    def __init__(self, out_f, in_f, r):
        u, s, v = svd_factors(kaiming(out_f, in_f, in_f), r)
        self.u, self.s, self.v = (t.requires_grad_() for t in (u, s, v))
        self.b = torch.zeros(out_f, requires_grad=True)
        self.bases = [self.u, self.v]

    def params(self):
        return [self.u, self.s, self.v, self.b]


def dense_layer(out_f, in_f):
    return [kaiming(out_f, in_f, in_f).requires_grad_(), torch.zeros(out_f, requires_grad=True)]


def mlp(lowrank):
    sizes = [784, 256, 256, 10]
    layers = []
    for i in range(3):
        if lowrank and i < 2:
            layers.append(LowRank(sizes[i + 1], sizes[i], 32))
        else:
            layers.append(dense_layer(sizes[i + 1], sizes[i]))

    def forward(x):
        for i, l in enumerate(layers):
            if isinstance(l, LowRank):
                x = ((x @ l.v) @ l.s.T) @ l.u.T + l.b
            else:
                x = F.linear(x, l[0], l[1])
            if i < 2:
                x = F.relu(x)
        return x

    return forward, layers


def lenet(lowrank):
    ranks = [4, 10, 100] if lowrank else [None] * 3
    conv_shapes = [(20, 1, 5), (50, 20, 5)]
    convs = []
    for (o, i, k), r in zip(conv_shapes, ranks[:2]):
        if r:
            l = LowRank(o, i * k * k, r)
            l.kernel = (i, k)
            convs.append(l)
        else:
            convs.append([kaiming(o, i * k * k, i, k, k).requires_grad_(), torch.zeros(o, requires_grad=True)])
    fc1 = LowRank(500, 800, ranks[2]) if ranks[2] else dense_layer(500, 800)
    fc2 = dense_layer(10, 500)
    layers = convs + [fc1, fc2]

    def conv(x, l):
        if isinstance(l, LowRank):
            i, k = l.kernel
            z = F.conv2d(x, l.v.T.reshape(-1, i, k, k))
            return F.conv2d(z, (l.u @ l.s)[:, :, None, None], l.b)
        return F.conv2d(x, l[0], l[1])

    def fc(x, l):
        if isinstance(l, LowRank):
            return ((x @ l.v) @ l.s.T) @ l.u.T + l.b
        return F.linear(x, l[0], l[1])

    def forward(x):
        x = F.max_pool2d(F.relu(conv(x, convs[0])), 2)
        x = F.max_pool2d(F.relu(conv(x, convs[1])), 2)
        x = F.relu(fc(x.flatten(1), fc1))
        return fc(x, fc2)

    return forward, layers


def torch_step_fn(forward, layers, x, y):
    params = []
    bases = []
    for l in layers:
        params += l.params() if isinstance(l, LowRank) else l
        bases += l.bases if isinstance(l, LowRank) else []
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.9)

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(forward(x), y)
        loss.backward()
        with torch.no_grad():
            for u in bases:  # tangent projection (I - U U^T) G
                u.grad -= u @ (u.T @ u.grad)
        opt.step()
        with torch.no_grad():
            for u in bases:  # QR retraction
                q, r = torch.linalg.qr(u)
                u.copy_(q * torch.sign(torch.diagonal(r)))

    return step


def numpy_mlp_step(x, y):
    """A dense MLP 784-256-256-10 step by hand in NumPy (SGD with momentum)."""
    rng = np.random.default_rng(0)
    sizes = [784, 256, 256, 10]
    ws = [(rng.standard_normal((sizes[i + 1], sizes[i])) * (2 / sizes[i]) ** 0.5).astype(np.float32) for i in range(3)]
    bs = [np.zeros(sizes[i + 1], np.float32) for i in range(3)]
    vel = [np.zeros_like(p) for p in ws + bs]
    onehot = np.eye(10, dtype=np.float32)[y]

    def step():
        hs = [x]
        for i in range(3):
            z = hs[-1] @ ws[i].T + bs[i]
            hs.append(np.maximum(z, 0) if i < 2 else z)
        logits = hs[-1]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        g = (p - onehot) / len(x)
        grads_w, grads_b = [None] * 3, [None] * 3
        for i in reversed(range(3)):
            grads_w[i] = g.T @ hs[i]
            grads_b[i] = g.sum(axis=0)
            if i > 0:
                g = (g @ ws[i]) * (hs[i] > 0)
        for k, (p_, d) in enumerate(zip(ws + bs, grads_w + grads_b)):
            vel[k] *= 0.9
            vel[k] += d
            p_ -= 0.01 * vel[k]

    return step


x_flat = torch.rand(batch, 784, generator=gen)
y = torch.arange(batch) % 10
cases = [
    ("MLP 784-256-256-10 dense", *mlp(False), x_flat),
    ("MLP 784-256-256-10 low-rank r=32", *mlp(True), x_flat),
    ("LeNet5 dense", *lenet(False), x_flat.reshape(batch, 1, 28, 28)),
    ("LeNet5 low-rank 20%", *lenet(True), x_flat.reshape(batch, 1, 28, 28)),
]
for name, forward, layers, x in cases:
    emit("training", name, "PyTorch 2.13 CPU", timed(torch_step_fn(forward, layers, x, y), repeats, warmup=3),
         batch, "examples/s")
    if name == "MLP 784-256-256-10 dense":
        emit("training", name, "NumPy", timed(numpy_mlp_step(x.numpy(), y.numpy()), repeats, warmup=3),
             batch, "examples/s")
