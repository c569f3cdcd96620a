"""GEMM in NumPy and PyTorch on the same shapes as lrnb-bench matmul."""
import sys
from common import emit, timed

import numpy as np
import torch

repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
rng = np.random.default_rng(1)
for n in (256, 1024):
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    ta, tb = torch.from_numpy(a), torch.from_numpy(b)
    flops = 2 * n**3 / 1e9
    emit("matmul", f"n={n}", "NumPy a @ b", timed(lambda: a @ b, repeats), flops, "GFLOP/s")
    emit("matmul", f"n={n}", "PyTorch a @ b", timed(lambda: ta @ tb, repeats), flops, "GFLOP/s")
