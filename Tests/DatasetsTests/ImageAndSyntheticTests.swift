// PNG folders through Imaging, and the seeded synthetic generators.
import Foundation
import Imaging
import Tensors
import Testing

@testable import Datasets

@Suite struct ImageFolderTests {
  private func png(_ width: Int, _ height: Int, _ pixels: [UInt8], format: PixelFormat = .grey8)
    throws -> [UInt8]
  {
    try PNG.encode(try Bitmap(width: width, height: height, format: format, pixels: pixels))
  }

  @Test func classFoldersBecomeLabels() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    try scratch.write(try png(2, 1, [0, 255]), to: "shapes/circle/a.png")
    try scratch.write(try png(2, 1, [51, 102]), to: "shapes/circle/b.PNG")
    try scratch.write(try png(2, 1, [255, 0]), to: "shapes/square/c.png")
    try scratch.write("not an image", to: "shapes/square/notes.txt")
    let d = try ImageFolder.load(scratch.url.appendingPathComponent("shapes"))
    #expect(d.classNames == ["circle", "square"])
    #expect(d.labels == [0, 0, 1])
    #expect(d.inputs.shape == [3, 1, 1, 2])
    #expect(d.inputs.scalars == [0, 1, 0.2, 0.4, 1, 0])
    let rgb = try ImageFolder.load(scratch.url.appendingPathComponent("shapes"), channels: 3)
    #expect(rgb.inputs.shape == [3, 3, 1, 2])
  }

  @Test func colourImagesKeepThreeChannels() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    try scratch.write(try png(1, 1, [255, 0, 51, 255], format: .rgba8), to: "flat/red.png")
    let d = try ImageFolder.load(scratch.url.appendingPathComponent("flat"))
    #expect(d.classNames == ["flat"])
    #expect(d.inputs.shape == [1, 3, 1, 1])
    #expect(d.inputs.scalars == [1, 0, 0.2])
  }

  @Test func badFoldersAndImagesAreNamed() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    try scratch.write(try png(2, 2, [0, 0, 0, 0]), to: "mixed/a/one.png")
    let other = try scratch.write(try png(3, 1, [0, 0, 0]), to: "mixed/b/two.png")
    #expect(
      failure { try ImageFolder.load(scratch.url.appendingPathComponent("mixed")) }
        == "\(other.path): is 3×1, but one.png is 2×2: every image must have one size")
    let broken = try scratch.write(Array("\u{89}PNG junk".utf8), to: "broken/x.png")
    #expect(
      failure { try ImageFolder.load(scratch.url.appendingPathComponent("broken")) }?.hasPrefix(
        broken.path) == true)
    try scratch.write("text", to: "none/readme.txt")
    let none = scratch.url.appendingPathComponent("none")
    #expect(
      failure { try ImageFolder.load(none) }
        == "\(none.path): holds no .png images (nor class folders of them)")
    #expect(
      failure { try ImageFolder.load(scratch.url.appendingPathComponent("missing")) }?.hasSuffix(
        "missing: no such folder") == true)
  }
}

@Suite struct SyntheticTests {
  @Test func shapesClassesAndReproducibility() throws {
    var a = RNG(seed: 1)
    var b = RNG(seed: 1)
    let moons = try Synthetic.moons(count: 101, noise: 0.1, using: &a)
    #expect(moons.inputs.shape == [101, 2])
    #expect(moons.classCounts == [50, 51])
    #expect(moons.inputs == (try Synthetic.moons(count: 101, noise: 0.1, using: &b)).inputs)
    let spirals = try Synthetic.spirals(count: 300, classes: 3, using: &a)
    #expect(spirals.classCounts == [100, 100, 100])
    #expect(try spirals.inputs.abs().max() < 1.5)
    let blobs = try Synthetic.blobs(count: 60, centers: 4, features: 5, spread: 0.5, using: &a)
    #expect(blobs.inputs.shape == [60, 5])
    #expect(blobs.classCounts == [15, 15, 15, 15])
    var c = RNG(seed: 2)
    #expect(try Synthetic.moons(count: 101, using: &c).inputs != moons.inputs)
  }

  @Test func noiselessMoonsLieOnTheirCircles() throws {
    var rng = RNG(seed: 0)
    let moons = try Synthetic.moons(count: 40, noise: 0, using: &rng)
    for i in 0..<40 {
      let (x, y) = (
        Double(try moons.inputs.scalar(at: [i, 0])), Double(try moons.inputs.scalar(at: [i, 1]))
      )
      let (cx, cy) = moons.labels[i] == 0 ? (0.0, 0.0) : (1.0, 0.5)
      #expect(abs((x - cx) * (x - cx) + (y - cy) * (y - cy) - 1) < 1e-5)
    }
  }

  @Test func lowRankRegressionHasTheRequestedRank() throws {
    var rng = RNG(seed: 3)
    let (data, w) = try Synthetic.lowRankRegression(
      count: 200, features: 12, outputs: 8, rank: 3, noise: 0, using: &rng)
    #expect(data.inputs.shape == [200, 12])
    #expect(data.targets?.shape == [200, 8])
    let s = try w.svd().s.scalars
    #expect(s[2] > 1e-3 * s[0])
    #expect(s[3] < 1e-5 * s[0])
    #expect(
      try (data.inputs.matmul(w, transposeOther: true) - (data.targets ?? w)).abs().max() < 1e-5)
  }

  @Test func badSizesAreRefusedBeforeAllocating() {
    var rng = RNG(seed: 0)
    #expect(
      failure { try Synthetic.moons(count: 1, using: &rng) }
        == "moons: needs at least 2 examples and 1 feature (got 1, 2)")
    #expect(
      failure { try Synthetic.blobs(count: 1 << 40, using: &rng) }?.contains(
        "exceed the tensor size limit") == true)
    #expect(
      failure { try Synthetic.moons(count: 10, noise: -1, using: &rng) }
        == "moons: noise must be finite and ≥ 0, got -1.0")
    #expect(
      failure {
        try Synthetic.lowRankRegression(count: 10, features: 3, outputs: 2, rank: 5, using: &rng)
      } != nil)
  }
}
