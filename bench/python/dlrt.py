"""PyTorch CPU's dense LeNet5 training step, the reference of lrnb-bench's dlrt suite.

The same model (conv 1->20 5x5, max-pool, conv 20->50 5x5, max-pool, FC 800->500,
FC 500->10, ReLU), batch 128, softmax cross-entropy and plain SGD at 0.05 as the Swift
side's dense step; the inputs are random pixels in [0, 1] (the time of a step does not
depend on the data). The case name matches the Swift side's, so the report puts the
rank-adaptive, fixed-rank and dense lrnb steps beside this one.
"""
import sys
from common import emit, timed

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
