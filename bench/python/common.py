"""Shared timing for the Python side of bench/run: medians, printed as JSON lines."""
import json
import os
import statistics
import time

# bench/run runs the PyTorch side a second time with its CPU kernels limited to AVX2
# (MKL_ENABLE_INSTRUCTIONS, ATEN_CPU_CAPABILITY, DNNL_MAX_CPU_ISA), the instruction set
# OPENBLAS_CORETYPE=Haswell gives lrnb's OpenBLAS; those rows are labelled "(AVX2)".
AVX2_ONLY = os.environ.get("LRNB_TORCH_AVX2") == "1"


def label(impl):
    """The implementation name as reported, or None for rows the AVX2 rerun leaves out."""
    if not AVX2_ONLY:
        return impl
    return impl + " (AVX2)" if impl.startswith("PyTorch") else None


def timed(fn, repeats, warmup=2):
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1e3)
    return samples


def emit(suite, case, impl, samples, work=None, rate_unit=None):
    impl = label(impl)
    if impl is None:
        return
    med = statistics.median(samples)
    print(json.dumps({
        "suite": suite, "case": case, "impl": impl, "median_ms": med,
        "min_ms": min(samples), "repeats": len(samples),
        "rate": (work / (med / 1e3)) if work else None, "rate_unit": rate_unit,
    }), flush=True)
