"""Tabulates JSON-line measurements (stdin) as Markdown: medians, rates, ratios.

The ratio column is each implementation's median time over the case's reference
(the first implementation listed for the case that is not lrnb): > 1 means lrnb-side
implementations are slower, < 1 faster. Usage: report.py [REFERENCE_SUBSTRING].
"""
import json
import sys
from collections import OrderedDict

rows = [json.loads(line) for line in sys.stdin if line.startswith("{")]
prefer = sys.argv[1] if len(sys.argv) > 1 else None
cases = OrderedDict()
for r in rows:
    cases.setdefault((r["suite"], r["case"]), []).append(r)

# Where PyTorch also ran limited to AVX2 (bench/run), a last column compares with that run:
# the same instruction set as lrnb's OpenBLAS under OPENBLAS_CORETYPE=Haswell.
avx2 = any("(AVX2)" in r["impl"] for r in rows)
print("| suite | case | implementation | median ms | rate | time vs reference |"
      + (" time vs PyTorch AVX2 |" if avx2 else ""))
print("|---|---|---|---:|---:|---:|" + ("---:|" if avx2 else ""))
for (suite, case), items in cases.items():
    refs = [r for r in items if not r["impl"].startswith("lrnb")]
    if prefer:
        refs = [r for r in refs if prefer in r["impl"]] or refs
    ref = refs[0] if refs else items[0]
    same_isa = next((r for r in items if "(AVX2)" in r["impl"]), None)
    for r in items:
        rate = f'{r["rate"]:.1f} {r["rate_unit"]}' if r.get("rate") else ""
        ratio = r["median_ms"] / ref["median_ms"] if ref["median_ms"] else float("nan")
        mark = " (reference)" if r is ref else ""
        extra = ""
        if avx2:
            extra = f' {r["median_ms"] / same_isa["median_ms"]:.2f}× |' if same_isa else " |"
        print(f'| {suite} | {case} | {r["impl"]} | {r["median_ms"]:.3f} | {rate} | {ratio:.2f}×{mark} |'
              + extra)

# Suites that also measure an accuracy (the attacks cross-check) get a second table: the
# accuracy each side reached on the same case, lrnb's difference in percentage points, and
# where measured the median process CPU time of each side (steadier than wall time when
# other jobs share the cores).
scored = [(key, items) for key, items in cases.items() if all("accuracy" in r for r in items)]
if scored:
    print()
    print("| suite | case | lrnb accuracy | reference accuracy | difference (points) "
          "| lrnb CPU ms | reference CPU ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (suite, case), items in scored:
        ours = [r for r in items if r["impl"].startswith("lrnb")]
        refs = [r for r in items if not r["impl"].startswith("lrnb")]
        if not ours or not refs:
            continue
        a, b = ours[0], refs[0]
        cpu = lambda r: f'{r["cpu_ms"]:.0f}' if "cpu_ms" in r else ""  # noqa: E731
        print(f'| {suite} | {case} | {100 * a["accuracy"]:.2f}% | {100 * b["accuracy"]:.2f}% '
              f'| {100 * (a["accuracy"] - b["accuracy"]):+.2f} | {cpu(a)} | {cpu(b)} |')
