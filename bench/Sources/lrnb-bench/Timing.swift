// Timing helpers: run a closure repeatedly and report the median, as JSON lines.
import Foundation

/// One measured case, printed as a JSON line that `bench/report.py` tabulates.
struct Measurement: Encodable {
  var suite: String
  var `case`: String
  var impl: String
  var medianMs: Double
  var minMs: Double
  var repeats: Int
  /// Optional throughput (e.g. GFLOP/s or examples/s) and its unit.
  var rate: Double?
  var rateUnit: String?
}

/// Times `body` `repeats` times after `warmup` untimed runs; returns milliseconds.
func time(repeats: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> [Double] {
  for _ in 0..<warmup { try body() }
  let clock = ContinuousClock()
  var samples: [Double] = []
  for _ in 0..<repeats {
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
  }
  return samples
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  guard !s.isEmpty else { return .nan }
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Prints one measurement as a JSON line on stdout.
func emit(
  suite: String, case name: String, impl: String, samples: [Double],
  work: Double? = nil, rateUnit: String? = nil
) {
  let med = median(samples)
  let m = Measurement(
    suite: suite, case: name, impl: impl, medianMs: med, minMs: samples.min() ?? .nan,
    repeats: samples.count, rate: work.map { $0 / (med / 1e3) }, rateUnit: rateUnit)
  let encoder = JSONEncoder()
  encoder.keyEncodingStrategy = .convertToSnakeCase
  if let data = try? encoder.encode(m), let line = String(data: data, encoding: .utf8) {
    print(line)
  }
}
