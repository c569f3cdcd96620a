// Nice ticks: 1-2-5 steps, decimals that match the step, log decades and their labels.
import Plotting
import Testing

@Test func niceStepsAreOneTwoFive() {
  #expect(TickLocator.niceStep(lower: 0, upper: 10, target: 5) == 2)
  #expect(TickLocator.niceStep(lower: 0, upper: 1, target: 5) == 0.2)
  #expect(TickLocator.niceStep(lower: 0, upper: 100, target: 4) == 50)
  #expect(TickLocator.niceStep(lower: -3, upper: 7, target: 10) == 1)
  #expect(TickLocator.niceStep(lower: 0, upper: 0.0037, target: 5) == 0.001)
  #expect(TickLocator.niceStep(lower: 5, upper: 5, target: 5) == 1)
}

@Test func linearTicksCoverTheRangeWithMatchingDecimals() {
  let ticks = TickLocator.linear(lower: -0.05, upper: 1.05, target: 6)
  #expect(ticks.map(\.value) == [0, 0.2, 0.4, 0.6, 0.8, 1])
  #expect(ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
  let whole = TickLocator.linear(lower: 0.3, upper: 9.7, target: 5)
  #expect(whole.map(\.label) == ["2", "4", "6", "8"])
  let negative = TickLocator.linear(lower: -2.5, upper: 2.5, target: 5)
  #expect(negative.map(\.label) == ["−2", "−1", "0", "1", "2"])
}

@Test func extremeMagnitudesUseScientificLabels() {
  let big = TickLocator.linear(lower: 0, upper: 2e6, target: 4)
  #expect(big.map(\.label) == ["0", "5e5", "1e6", "1.5e6", "2e6"])
  let small = TickLocator.linear(lower: 0, upper: 4e-5, target: 4)
  #expect(small.map(\.label) == ["0", "1e−5", "2e−5", "3e−5", "4e−5"])
}

@Test func logTicksAreLabelledDecadesWithMinorTicks() {
  let ticks = TickLocator.log(lower: 2e-4, upper: 30, target: 8)
  let major = ticks.filter(\.major)
  #expect(major.map(\.value) == [1e-3, 1e-2, 1e-1, 1, 10])
  #expect(major.map(\.label) == ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"])
  let minor = ticks.filter { !$0.major }
  #expect(minor.count == 8 + 4 * 8 + 2)  // 2e-4…9e-4, 4 full decades, 20 and 30
  #expect(minor.allSatisfy { $0.label.isEmpty && $0.value >= 2e-4 && $0.value <= 30 })
}

@Test func manyDecadesAreThinnedEvenly() {
  let major = TickLocator.log(lower: 1e-10, upper: 1e10, target: 5).filter(\.major)
  #expect(major.map(\.label) == ["10⁻¹⁰", "10⁻⁵", "10⁰", "10⁵", "10¹⁰"])
}

@Test func narrowLogRangesFallBackToMantissas() {
  let ticks = TickLocator.log(lower: 1.5, upper: 8, target: 5)
  #expect(ticks.map(\.value) == [2, 5])
  let tiny = TickLocator.log(lower: 2e-6, upper: 7e-6, target: 6)
  #expect(tiny.map(\.label) == ["2×10⁻⁶", "3×10⁻⁶", "4×10⁻⁶", "5×10⁻⁶", "6×10⁻⁶", "7×10⁻⁶"])
}

@Test func degenerateInputsGiveNoCrash() {
  #expect(TickLocator.linear(lower: .nan, upper: 1, target: 5).isEmpty)
  #expect(TickLocator.log(lower: -1, upper: 10, target: 5).isEmpty)
  #expect(TickLocator.log(lower: 0, upper: 0, target: 5).isEmpty)
  #expect(TickLocator.linear(lower: 0, upper: 1e300, target: 0).count <= 12)
}
