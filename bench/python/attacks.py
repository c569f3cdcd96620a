"""FGSM and PGD written directly in PyTorch, on the models lrnb-bench attacks trained.

Reads bench/.cache/attacks/manifest.json (written by `lrnb-bench attacks`), rebuilds every
model from its safetensors file and the architecture in its metadata, and runs the same
attacks on the same Fashion-MNIST test images with the same batch size: FGSM, and PGD-L∞
with 10 steps of 2.5·ε/10 from the clean input (no random start), both on the mean
cross-entropy with the true labels, clipped to [0, 1]. Prints one JSON line per case with
the median time, the attack throughput and the adversarial accuracy.
"""
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from safetensors import safe_open

from common import label


torch.set_num_threads(int(os.environ.get("LRNB_BENCH_THREADS", "2")))
repeats = max(1, min(int(sys.argv[1]) if len(sys.argv) > 1 else 3, 3))
cache = os.path.join(os.path.dirname(__file__), "..", ".cache", "attacks")
fashion = "/usr/share/datasets/fashion-mnist"


def idx(name, offset):
    with gzip.open(os.path.join(fashion, name)) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def test_set(n):
    images = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)[:n]
    labels = idx("t10k-labels-idx1-ubyte.gz", 8)[:n]
    x = torch.from_numpy(images.astype(np.float32) / np.float32(255))
    return x, torch.from_numpy(labels.astype(np.int64))


def load_model(path):
    """A forward function for an lrnb model file: its layers in order, as lrnb runs them."""
    with safe_open(path, framework="pt") as f:
        arch = json.loads(f.metadata()["lrnb.architecture"])
        t = {k: f.get_tensor(k) for k in f.keys()}
    layers = []
    for i, l in enumerate(arch["layers"]):
        p = lambda name: t.get(f"layers.{i}.{name}")  # noqa: E731
        kind = l["kind"]
        if kind == "Dense":
            layers.append(lambda x, w=p("weight"), b=p("bias"): F.linear(x, w, b))
        elif kind == "LowRankDense":
            layers.append(lambda x, u=p("U"), s=p("S"), v=p("V"), b=p("bias"):
                          F.linear((x @ v) @ s.T, u, b))
        elif kind == "Conv2d":
            layers.append(lambda x, w=p("weight"), b=p("bias"), st=l["stride"], pad=l["padding"]:
                          F.conv2d(x, w, b, stride=st, padding=pad))
        elif kind == "LowRankConv2d":
            k, v = l["kernel"], p("V")
            first = v.T.reshape(v.shape[1], -1, k, k).contiguous()
            second = (p("U") @ p("S"))[:, :, None, None].contiguous()
            layers.append(lambda x, a=first, c=second, b=p("bias"), st=l["stride"], pad=l["padding"]:
                          F.conv2d(F.conv2d(x, a, stride=st, padding=pad), c, b))
        elif kind == "ReLU":
            layers.append(F.relu)
        elif kind == "Tanh":
            layers.append(torch.tanh)
        elif kind == "Sigmoid":
            layers.append(torch.sigmoid)
        elif kind == "LeakyReLU":
            layers.append(lambda x: F.leaky_relu(x, 0.01))
        elif kind == "Flatten":
            layers.append(lambda x: x.flatten(1))
        elif kind == "MaxPool2d":
            layers.append(lambda x, s=l["size"], st=l["stride"]: F.max_pool2d(x, s, st))
        elif kind == "AvgPool2d":
            layers.append(lambda x, s=l["size"], st=l["stride"]: F.avg_pool2d(x, s, st))
        elif kind == "Dropout":
            pass  # identity in evaluation mode
        else:
            raise SystemExit(f"{path}: unknown layer kind {kind}")
    shape = arch["input_shape"]

    def forward(x):
        x = x.reshape(x.shape[0], *shape)
        for layer in layers:
            x = layer(x)
        return x

    return forward


def input_gradient(model, x, y):
    x = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(x), y)
    return torch.autograd.grad(loss, x)[0]


def fgsm(model, x, y, eps):
    return (x + eps * input_gradient(model, x, y).sign()).clamp(0, 1)


def pgd(model, x, y, eps, steps):
    alpha = 2.5 * eps / steps
    xa = x
    for _ in range(steps):
        xa = xa + alpha * input_gradient(model, xa, y).sign()
        xa = torch.min(torch.max(xa, x - eps), x + eps).clamp(0, 1)
    return xa


def accuracy(model, x, y, batch):
    with torch.no_grad():
        right = sum((model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
                    for i in range(0, len(x), batch))
    return right / len(x)


def timed(fn, repeats, warmup=1):
    """Wall and process CPU milliseconds (all threads) of `repeats` runs after `warmup`."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w) * 1e3)
        cpu.append((time.process_time() - c) * 1e3)
    return wall, cpu


def emit(case, samples, n, acc):
    wall, cpu = samples
    med = float(np.median(wall))
    print(json.dumps({
        "suite": "attacks", "case": case, "impl": label("PyTorch 2.13 CPU"), "median_ms": med,
        "min_ms": min(wall), "repeats": len(wall), "rate": n / (med / 1e3),
        "rate_unit": "examples/s", "accuracy": acc, "cpu_ms": float(np.median(cpu)),
    }), flush=True)


with open(os.path.join(cache, "manifest.json")) as f:
    manifest = json.load(f)
x, y = test_set(manifest["examples"])
batch = manifest["batch"]
names = {"fgsm": "FGSM", "pgd": "PGD-L∞"}
for entry in manifest["models"]:
    model = load_model(os.path.join(cache, entry["file"]))
    clean = []
    samples = timed(lambda: clean.append(accuracy(model, x, y, batch)), repeats, warmup=1)
    emit(f'{entry["name"]} clean', samples, len(x), clean[-1])
    for c in manifest["cases"]:
        eps = c["epsilon"]
        attack = (lambda a, b: fgsm(model, a, b, eps)) if c["attack"] == "fgsm" \
            else (lambda a, b: pgd(model, a, b, eps, c["steps"]))
        out = []
        samples = timed(lambda: out.append(torch.cat([attack(x[i:i + batch], y[i:i + batch])
                                                      for i in range(0, len(x), batch)])),
                        repeats, warmup=1)
        emit(f'{entry["name"]} {names[c["attack"]]} ε={eps:g}', samples, len(x),
             accuracy(model, out[-1], y, batch))
