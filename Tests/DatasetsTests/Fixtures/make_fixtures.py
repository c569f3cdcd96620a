"""Writes the .npy fixtures NPYTests reads, with NumPy (run with bench/.venv/bin/python).

Each array's values are listed again in NPYTests.swift.
"""
import gzip
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))


def save(name, array, **kwargs):
    np.save(os.path.join(here, name), array, **kwargs)


save("f4.npy", np.arange(6, dtype="<f4").reshape(2, 3) / 4)
save("f8-fortran.npy", np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3)))
save("u1.npy", np.array([0, 7, 255], dtype="|u1"))
save("i8.npy", np.array([[-1], [2]], dtype="<i8"))
save("i4-big.npy", np.array([1, -2, 3], dtype=">i4"))
save("f2.npy", np.array([0.5, -2.0, 65504.0], dtype="<f2"))
save("bool.npy", np.array([True, False]))
save("scalar.npy", np.float32(3.5))
save("empty.npy", np.zeros((0, 3), dtype="<f4"))
save("labels.npy", np.array([2, 0, 1], dtype="<i8"))
# A version-2 header, as NumPy writes when the header does not fit in 65535 bytes.
with open(os.path.join(here, "v2.npy"), "wb") as f:
    np.lib.format.write_array(f, np.array([1.0, 2.0], dtype="<f4"), version=(2, 0))
with gzip.GzipFile(os.path.join(here, "f4.npy.gz"), "wb", mtime=0) as f:
    np.lib.format.write_array(f, np.arange(6, dtype="<f4").reshape(2, 3) / 4)
save("unicode.npy", np.array(["a", "b"]))
