// The TeX commands the math renderer knows: letters, operators, functions, alphabets.

extension TeXMath {
  /// Commands that are identifiers (`<mi>`): Greek letters and a few letter-like symbols.
  static let identifiers: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ",
    "varsigma": "ς",
    "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ", "emptyset": "∅",
    "varnothing": "∅",
    "top": "⊤", "bot": "⊥", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ",
  ]

  /// Commands that are operators, relations or delimiters (`<mo>`).
  static let operators: [String: String] = [
    "ge": "≥", "geq": "≥", "le": "≤", "leq": "≤", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
    "simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "times": "×",
    "cdot": "⋅",
    "circ": "∘", "pm": "±", "mp": "∓", "div": "÷", "ast": "∗", "star": "⋆", "dagger": "†",
    "otimes": "⊗",
    "oplus": "⊕", "odot": "⊙", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔", "iff": "⟺",
    "implies": "⟹", "mapsto": "↦", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂",
    "subseteq": "⊆",
    "supset": "⊃", "supseteq": "⊇", "cup": "∪", "cap": "∩", "setminus": "∖", "forall": "∀",
    "exists": "∃",
    "neg": "¬", "lnot": "¬", "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨", "perp": "⊥",
    "mid": "∣",
    "parallel": "∥", "vert": "|", "Vert": "‖", "lvert": "|", "rvert": "|", "lVert": "‖",
    "rVert": "‖",
    "|": "‖", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈",
    "rceil": "⌉",
    "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "dots": "…", "ldots": "…", "cdots": "⋯",
    "vdots": "⋮",
    "ddots": "⋱", "colon": ":", "coloneqq": "≔", "triangleq": "≜", "prime": "′", "#": "#", "%": "%",
    "&": "&", "_": "_", "$": "$",
  ]

  /// Large operators: limits go under and over them in display math.
  static let largeOperators: [String: String] = [
    "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "oint": "∮", "bigcup": "⋃",
    "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
  ]

  /// Named functions set upright; those marked true take limits below in display math.
  static let functions: [String: Bool] = [
    "log": false, "ln": false, "exp": false, "sin": false, "cos": false, "tan": false,
    "sinh": false,
    "cosh": false, "tanh": false, "arg": false, "det": true, "dim": false, "ker": false,
    "deg": false,
    "gcd": true, "Pr": true, "max": true, "min": true, "sup": true, "inf": true, "lim": true,
    "limsup": true, "liminf": true, "argmax": true, "argmin": true, "tr": false, "rank": false,
    "diag": false, "sgn": false, "sign": false, "erf": false,
  ]

  /// Horizontal spaces in em.
  static let spaces: [String: Double] = [
    ",": 0.1667, ":": 0.2222, ">": 0.2222, ";": 0.2778, " ": 0.25, "quad": 1, "qquad": 2,
    "!": -0.1667,
    "enspace": 0.5, "thinspace": 0.1667,
  ]

  /// Accents drawn over their argument.
  static let accents: [String: String] = [
    "hat": "^", "widehat": "^", "tilde": "~", "widetilde": "~", "bar": "¯", "overline": "¯",
    "vec": "→",
    "dot": "˙", "ddot": "¨", "check": "ˇ", "breve": "˘", "acute": "´", "grave": "`",
  ]

  /// `\mathbb{R}` and friends: MathML Core has no `mathvariant` styles beyond upright, so
  /// letters map to Unicode's mathematical alphanumeric symbols.
  static func styled(_ ch: Character, _ style: String) -> Character {
    guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return ch }
    let v = scalar.value
    let upper = (0x41...0x5A).contains(v)
    let lower = (0x61...0x7A).contains(v)
    let digit = (0x30...0x39).contains(v)
    let exceptions: [String: [Character: Character]] = [
      "mathbb": ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"],
      "mathcal": [
        "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ",
        "g": "ℊ",
        "o": "ℴ",
      ],
    ]
    if let special = exceptions[style]?[ch] { return special }
    let base: UInt32?
    switch style {
    case "mathbb":
      base = upper ? 0x1D538 - 0x41 : lower ? 0x1D552 - 0x61 : digit ? 0x1D7D8 - 0x30 : nil
    case "mathbf", "boldsymbol", "bm":
      base = upper ? 0x1D400 - 0x41 : lower ? 0x1D41A - 0x61 : digit ? 0x1D7CE - 0x30 : nil
    case "mathcal", "mathscr": base = upper ? 0x1D49C - 0x41 : lower ? 0x1D4B6 - 0x61 : nil
    case "mathsf":
      base = upper ? 0x1D5A0 - 0x41 : lower ? 0x1D5BA - 0x61 : digit ? 0x1D7E2 - 0x30 : nil
    case "mathtt":
      base = upper ? 0x1D670 - 0x41 : lower ? 0x1D68A - 0x61 : digit ? 0x1D7F6 - 0x30 : nil
    case "mathfrak":
      let fraktur: [Character: Character] = ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"]
      if let special = fraktur[ch] { return special }
      base = upper ? 0x1D504 - 0x41 : lower ? 0x1D51E - 0x61 : nil
    default: base = nil
    }
    guard let base, let styled = Unicode.Scalar(base + v) else { return ch }
    return Character(styled)
  }
}
