"""The scalar programs of lrnb-bench lr in CPython: defined once, only the calls timed."""
import sys
import time
from common import emit


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


def build_and_sum(n):
    xs = []
    for i in range(n):
        xs.append(i)
    total = 0
    for x in xs:
        total += x
    return total


def timed_both(fn, repeats):
    fn()
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.thread_time()
        fn()
        cpu.append((time.thread_time() - c) * 1e3)
        wall.append((time.perf_counter() - w) * 1e3)
    return wall, cpu


repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
impl = f"CPython {sys.version.split()[0]}"
for name, fn in [
    ("fib(27)", lambda: fib(27)),
    ("loop 10^7", lambda: loop(10_000_000)),
    ("list 10^6 build+sum", lambda: build_and_sum(1_000_000)),
]:
    wall, cpu = timed_both(fn, repeats)
    emit("lr", name, impl, wall)
    emit("lr", f"{name}, thread CPU", impl, cpu)
