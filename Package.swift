// swift-tools-version:6.0
// lrnb — a literate notebook environment for low-rank neural networks and their
// adversarial robustness. Target layout and dependency direction: DESIGN §1 and
// each target's README. Nothing imports upward; C libraries are imported only by
// their one owning target.
import PackageDescription

let package = Package(
  name: "lrnb",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "lrnb", targets: ["lrnb"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // System-library shims: a module map and a one-line shim.h each.
    .systemLibrary(
      name: "COpenBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
    .systemLibrary(
      name: "CPNG", pkgConfig: "libpng16", providers: [.apt(["libpng-dev"])]),
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev", "fonts-dejavu-core"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(
      name: "CMark", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(
      name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

    // Domain targets.
    .target(name: "Tensors", dependencies: ["COpenBLAS"], exclude: ["README.md"]),
    .target(name: "Autodiff", dependencies: ["Tensors"], exclude: ["README.md"]),
    .target(name: "NeuralNets", dependencies: ["Autodiff", "Tensors"], exclude: ["README.md"]),
    .target(
      name: "Attacks", dependencies: ["NeuralNets", "Autodiff", "Tensors"], exclude: ["README.md"]),
    .target(name: "Imaging", dependencies: ["CPNG"], exclude: ["README.md"]),
    .target(
      name: "Datasets", dependencies: ["Tensors", "Imaging", "CZlib"], exclude: ["README.md"],
      resources: [.copy("../../data/uci-digits")]),
    .target(name: "Plotting", exclude: ["README.md"]),
    .target(
      name: "PlottingCairo", dependencies: ["Plotting", "CCairo", "Imaging"], exclude: ["README.md"]),
    .target(name: "Lang", exclude: ["README.md"]),
    .target(
      name: "Bindings",
      dependencies: [
        "Lang", "Tensors", "NeuralNets", "Attacks", "Plotting", "PlottingCairo", "Datasets",
      ],
      exclude: ["README.md"],
      resources: [.copy("../../stdlib")]),
    .target(
      name: "Notebook",
      dependencies: ["Lang", "CMark", .product(name: "Yams", package: "Yams")],
      exclude: ["README.md"]),
    .executableTarget(
      name: "lrnb",
      dependencies: [
        "Bindings", "Notebook", "Lang", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]),
    .executableTarget(
      name: "lrnb-bench",
      dependencies: [
        "Tensors", "NeuralNets", "Attacks", "Datasets", "COpenBLAS", "Imaging", "Plotting",
        "PlottingCairo", "Lang",
      ],
      path: "bench/Sources/lrnb-bench"),
    .target(name: "_TestSupport", path: "Sources/TestSupport", exclude: ["README.md"]),

    // Tests.
    .testTarget(
      name: "TensorsTests", dependencies: ["Tensors", "_TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "Tensors", "_TestSupport"]),
    .testTarget(
      name: "NeuralNetsTests",
      dependencies: ["NeuralNets", "Autodiff", "Tensors", "Datasets", "_TestSupport"]),
    .testTarget(
      name: "AttacksTests",
      dependencies: ["Attacks", "NeuralNets", "Autodiff", "Tensors", "Datasets", "_TestSupport"]),
    .testTarget(name: "ImagingTests", dependencies: ["Imaging"]),
    .testTarget(
      name: "DatasetsTests", dependencies: ["Datasets", "Tensors", "Imaging", "_TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "PlottingTests", dependencies: ["Plotting", "PlottingCairo", "Imaging", "_TestSupport"],
      exclude: ["Golden"]),
    .testTarget(name: "LangTests", dependencies: ["Lang", "_TestSupport"], exclude: ["Spec"]),
    .testTarget(
      name: "BindingsTests",
      dependencies: ["Bindings", "Lang", "Tensors", "Imaging", "Plotting", "_TestSupport"]),
    .testTarget(name: "LibraryTests", dependencies: ["Bindings", "Lang", "_TestSupport"]),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Lang", "_TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["lrnb", "Imaging", "_TestSupport"]),
    .testTarget(name: "REPLTests", dependencies: ["lrnb", "Lang", "Bindings", "_TestSupport"]),
  ]
)
