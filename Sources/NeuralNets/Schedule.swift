// Learning-rate schedules evaluated per epoch: constant, step decay, cosine annealing.

/// How the learning rate changes from epoch to epoch.
public enum Schedule: Sendable, Equatable {
  /// The base rate throughout.
  case constant
  /// The base rate times `gamma` every `every` epochs.
  case step(every: Int, gamma: Float)
  /// Cosine annealing from the base rate down to `minimum` over `epochs` epochs.
  case cosine(epochs: Int, minimum: Float = 0)

  /// The rate for `epoch` (counted from 0) given the base rate.
  public func rate(epoch: Int, base: Float) -> Float {
    switch self {
    case .constant:
      return base
    case .step(let every, let gamma):
      var rate = base
      for _ in 0..<(epoch / Swift.max(every, 1)) { rate *= gamma }
      return rate
    case .cosine(let epochs, let minimum):
      let progress = Double(Swift.min(epoch, epochs)) / Double(Swift.max(epochs, 1))
      let weight: Double = (1 + taylorCosine(Double.pi * progress)) / 2
      return minimum + (base - minimum) * Float(weight)
    }
  }
}

/// cos x by its Taylor series after range reduction to [−π, π] (no libm dependency; the
/// schedule needs only a few digits, the series gives Double precision).
private func taylorCosine(_ x: Double) -> Double {
  var y = x.truncatingRemainder(dividingBy: 2 * Double.pi)
  if y > Double.pi { y -= 2 * Double.pi }
  if y < -Double.pi { y += 2 * Double.pi }
  var term = 1.0
  var total = 1.0
  for k in 1...20 {
    term *= -y * y / Double((2 * k - 1) * (2 * k))
    total += term
  }
  return total
}
