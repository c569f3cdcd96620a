// fit's adversarial option: `fit(net, data, adversarial: "fgsm", eps: 0.1)`.
import Attacks
import Lang
import NeuralNets

/// The parameters `fit` gains for adversarial training.
var adversarialTrainingParameters: [Lang.Parameter] {
  [
    Parameter("adversarial", default: .nil), Parameter("eps", default: .number(0.1)),
    Parameter("adversarial_fraction", default: .number(1)),
  ]
}

/// How `fit`'s doc string describes them.
let adversarialTrainingDoc = """
  `adversarial`: train on attacks of the model as it is at each step ("fgsm", "pgd", \
  "fgm", … as in `attack`, with budget `eps` in pixel units; PGD with its defaults), \
  replacing the share `adversarial_fraction` of every batch (1: all of it).
  """

extension Arguments {
  /// The adversary `fit`'s `adversarial`, `eps` and `adversarial_fraction` ask for; nil
  /// when `adversarial` is not given.
  func trainingAdversary() throws -> (any TrainingAdversary)? {
    guard isGiven("adversarial"), !(try value("adversarial")).isNil else { return nil }
    let attack = try attack(
      named: try string("adversarial"), argument: "adversarial", epsilon: try epsilon("eps"),
      settings: false)
    let fraction = try number("adversarial_fraction")
    guard fraction > 0, fraction <= 1 else {
      throw bad("adversarial_fraction", expected: "a share of each batch in (0, 1]")
    }
    let normalization = try attackData("data").normalization
    return try attacking {
      try AdversarialTraining(attack: attack, fraction: fraction, normalization: normalization)
    }
  }
}
