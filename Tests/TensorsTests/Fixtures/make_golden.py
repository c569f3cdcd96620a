"""Writes golden.safetensors, the file SafeTensorsTests reads, with Python's safetensors.

Run with bench/.venv/bin/python (numpy + safetensors). Values are chosen so every dtype
converts to Float32 exactly; the Swift test lists the same values.
"""
import os

import numpy as np
import safetensors
from safetensors.numpy import save

here = os.path.dirname(os.path.abspath(__file__))
tensors = {
    "f32": np.array([[1.5, -2.0, 3.25], [0.0, 1e-3, -7.0]], dtype=np.float32),
    "f64": np.array([0.1, -2.5, 1e10], dtype=np.float64),
    "f16": np.array([1.0, -0.5, 65504.0, 6.1035156e-05, 5.9604645e-08], dtype=np.float16),
    "i64": np.array([[-3, 0], [7, 1 << 40]], dtype=np.int64),
    "i32": np.array([-2147483648, 5], dtype=np.int32),
    "i16": np.array([-300, 300], dtype=np.int16),
    "i8": np.array([-128, 127], dtype=np.int8),
    "u8": np.arange(0, 256, 51, dtype=np.uint8).reshape(2, 3),
    "bool": np.array([True, False, True]),
    "scalar": np.array(42.0, dtype=np.float32),
    "empty": np.zeros((0, 4), dtype=np.float32),
}
metadata = {"format": "lrnb-test", "note": "written by make_golden.py"}
with open(os.path.join(here, "golden.safetensors"), "wb") as f:
    f.write(save(tensors, metadata=metadata))

# BF16 has no NumPy dtype: store the top 16 bits of float32 values through the raw API.
bf16_values = np.array([1.0, -3.0, 0.15625, 256.0], dtype=np.float32)
bf16 = (bf16_values.view(np.uint32) >> 16).astype(np.uint16)
spec = safetensors.TensorSpec(
    dtype="bfloat16", shape=[4], data_ptr=bf16.ctypes.data, data_len=bf16.nbytes)
with open(os.path.join(here, "golden-bf16.safetensors"), "wb") as f:
    f.write(safetensors.serialize({"bf16": spec}))
