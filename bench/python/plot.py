"""matplotlib (Agg) on the same figures as lrnb-bench plot: the reference for plot speed.

Skipped, with a note on stderr, when matplotlib is not installed in the bench venv.
"""
import io
import sys
from common import emit, timed

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
except ImportError:
    print("plot: matplotlib not installed in bench/.venv; skipping the reference", file=sys.stderr)
    sys.exit(0)

repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
impl = f"matplotlib {matplotlib.__version__} Agg"

# The same deterministic noisy sine as tenThousandPointFigure() in PlotBench.swift.
n = 10_000
i = np.arange(n)
t = i / 100
y = np.sin(t) + 0.3 * np.sin(37 * t) + 0.1 * ((i * 7919) % 101) / 101

fig, ax = plt.subplots(figsize=(10, 7), dpi=100)  # 1000×700 pixels
ax.plot(t, y, label="signal")
ax.set(title="10,000 points", xlabel="t", ylabel="value")
ax.legend()


def png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")


def svg(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg")


emit("plot", "line 10k points 1000×700 PNG", impl, timed(lambda: png(fig), repeats))
emit("plot", "line 10k points 1000×700 SVG", impl, timed(lambda: svg(fig), repeats))
plt.close(fig)

k = np.arange(256 * 256)
m = (np.sin((k // 256) / 20) * np.cos((k % 256) / 13)).reshape(256, 256)
fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=100)
image = ax.imshow(m, cmap="viridis", interpolation="nearest")
fig.colorbar(image)
ax.set_title("256×256 heatmap")
emit("plot", "heatmap 256×256 640×420 PNG", impl, timed(lambda: png(fig), repeats))
plt.close(fig)

fig, axes = plt.subplots(8, 8, figsize=(7.84, 9.44), dpi=100)
for d, ax in enumerate(axes.flat):
    ax.imshow((np.arange(784) * (d + 3) % 255 / 255).reshape(28, 28), cmap="gray",
              vmin=0, vmax=1, interpolation="nearest")
    ax.set_title(f"#{d}", fontsize=10)
    ax.axis("off")
emit("plot", "image grid 64 × 28×28", impl, timed(lambda: png(fig), repeats))
plt.close(fig)
