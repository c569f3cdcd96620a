"""Shared timing for the Python side of bench/run: medians, printed as JSON lines."""
import json
import statistics
import time


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
    med = statistics.median(samples)
    print(json.dumps({
        "suite": suite, "case": case, "impl": impl, "median_ms": med,
        "min_ms": min(samples), "repeats": len(samples),
        "rate": (work / (med / 1e3)) if work else None, "rate_unit": rate_unit,
    }), flush=True)
