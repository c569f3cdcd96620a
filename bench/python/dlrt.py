"""PyTorch CPU's dense LeNet5 training step, the reference of lrnb-bench's dlrt suite.

The same model (conv 1->20 5x5, max-pool, conv 20->50 5x5, max-pool, FC 800->500,
FC 500->10, ReLU), batch 128, softmax cross-entropy and plain SGD at 0.05 as the Swift
side's dense step; the inputs are random pixels in [0, 1] (the time of a step does not
depend on the data). The case name matches the Swift side's, so the report puts the
rank-adaptive, fixed-rank and dense lrnb steps beside this one.

With LRNB_DLRT_NET set to a checkout of the DLRT paper's code (COMPiLELab/DLRT-Net), one
epoch of that code's own LeNet5 run is timed too, beside lrnb's epoch from the same start.
"""
import os
import sys
import time
from common import AVX2_ONLY, emit, timed

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(2)
torch.manual_seed(0)
repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
batch = 128

model = nn.Sequential(
    nn.Conv2d(1, 20, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(20, 50, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(800, 500), nn.ReLU(), nn.Linear(500, 10),
)
opt = torch.optim.SGD(model.parameters(), lr=0.05)
x = torch.rand(batch, 1, 28, 28)
y = torch.arange(batch) % 10


def step():
    opt.zero_grad()
    F.cross_entropy(model(x), y).backward()
    opt.step()


emit("dlrt", "LeNet5 training step, batch 128", "PyTorch 2.13 CPU dense",
     timed(step, repeats, warmup=5), batch, "examples/s")


def mnist_train():
    """MNIST's 60,000 training images in [0, 1] and their labels, from the IDX files the
    Swift side reads ($LRNB_MNIST or ../shared/data/mnist from the repository)."""
    import gzip
    import os
    import numpy as np
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.environ.get("LRNB_MNIST") or os.path.join(here, "..", "..", "..", "shared",
                                                           "data", "mnist")
    with gzip.open(os.path.join(folder, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(os.path.join(folder, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return torch.tensor(images, dtype=torch.float32) / 255, torch.tensor(labels, dtype=torch.long)


def paper_code_epoch(path):
    """One epoch of the DLRT paper's own code (COMPiLELab/DLRT-Net, an unmodified checkout
    at `path`) on MNIST: its LeNet5 (low-rank layers from half of full rank, its own
    half-normal start), its dlr_opt at ϑ = 0.15 with plain SGD at 0.05, batch 128, the
    step its train_dlrt takes (preprocess, K/L gradients, integration with the S closure).
    Returns the per-step times and the ranks reached."""
    sys.path.insert(0, path)
    from models_folder.Lenet5 import Lenet5
    from optimizer_KLS.dlrt_optimizer import dlr_opt
    torch.manual_seed(0)
    net = Lenet5(device="cpu")
    optimizer = dlr_opt(net, tau=0.05, theta=0.15, KLS_optim=torch.optim.SGD)
    criterion = torch.nn.CrossEntropyLoss()
    x, y = mnist_train()
    order = torch.randperm(x.shape[0])
    samples = []
    # LRNB_BENCH_STEPS shortens the epoch, as on the Swift side.
    steps = min(x.shape[0] // batch, int(os.environ.get("LRNB_BENCH_STEPS") or x.shape[0]))
    for start in range(0, steps * batch, batch):
        inputs, labels = x[order[start:start + batch]], y[order[start:start + batch]]

        def closure():
            return net.populate_gradients(inputs, labels, criterion, step="S")

        begin = time.perf_counter()
        net.zero_grad()
        optimizer.zero_grad()
        optimizer.preprocess_step()
        net.populate_gradients(inputs, labels, criterion)
        optimizer.step(closure=closure)
        samples.append((time.perf_counter() - begin) * 1e3)
    ranks = [layer.dynamic_rank for layer in net.layer if getattr(layer, "lr", False)]
    return samples, ranks


# With LRNB_DLRT_NET naming a checkout of the paper's code, its step is timed in the same
# run (the issue quotes 83 ms for it on this machine). Not in the AVX2 rerun.
paper = os.environ.get("LRNB_DLRT_NET")
if paper and not AVX2_ONLY:
    samples, ranks = paper_code_epoch(paper)
    emit("dlrt", "LeNet5 MNIST epoch 1 from ranks [10, 25, 250], ϑ=0.15, half-normal start",
         f"DLRT paper's code (DLRT-Net), ends at ranks {ranks}", samples, batch, "examples/s")
