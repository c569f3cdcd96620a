// Functions written in lr: compiled code shared by every closure made from one
// `fn`, plus each closure's captured boxes and evaluated defaults.

/// The compiled form of one `fn`: shared by all closures created from it.
final class FunctionCode {
  let name: String
  let paramNames: [String]
  /// Slots a call needs on the value stack; parameters occupy the first ones.
  let slotCount: Int
  /// Boxes a call needs for locals that closures capture.
  let boxCount: Int
  /// Parameters that closures capture: (parameter slot, box) copied at entry.
  let boxedParams: [(slot: Int, box: Int)]
  /// See `FunctionLayout.selfSlot`; -1 when the body does not call itself by name.
  let selfSlot: Int
  let body: Code
  let doc: String
  /// The source the function was written in (for grouping docs).
  let file: String
  /// Whether the last parameter collects the remaining arguments (`rest...`).
  let isVariadic: Bool

  init(
    name: String, paramNames: [String], slotCount: Int, boxCount: Int,
    boxedParams: [(slot: Int, box: Int)], selfSlot: Int?, isVariadic: Bool, doc: String,
    file: String, body: @escaping Code
  ) {
    self.file = file
    self.isVariadic = isVariadic
    self.selfSlot = selfSlot ?? -1
    self.name = name
    self.paramNames = paramNames
    self.slotCount = slotCount
    self.boxCount = boxCount
    self.boxedParams = boxedParams
    self.doc = doc
    self.body = body
  }
}

/// A closure: compiled code plus what it captured when `fn` was evaluated.
final class UserFunction: Callable {
  let code: FunctionCode
  let name: String
  let parameters: [Parameter]
  /// Defaults evaluated when the function was created, parallel to the parameters.
  let defaults: [Value?]
  let captures: UnsafeMutablePointer<Box>
  let captureCount: Int
  /// Copied from `code` so a call reads them without another indirection.
  let paramCount: Int
  let slotCount: Int
  let boxCount: Int
  let selfSlot: Int
  let body: Code

  init(code: FunctionCode, name: String, defaults: [Value?], captures: [Box]) {
    self.code = code
    // A variadic function's arguments always need binding: no call site's count
    // matches -1, so none takes the fast path.
    paramCount = code.isVariadic ? -1 : defaults.count
    slotCount = code.slotCount
    boxCount = code.boxCount
    selfSlot = code.selfSlot
    body = code.body
    self.name = name
    self.defaults = defaults
    var parameters = zip(code.paramNames, defaults).map { Parameter($0, default: $1) }
    if code.isVariadic, let last = parameters.indices.last {
      parameters[last] = Parameter(parameters[last].name, variadic: true)
    }
    self.parameters = parameters
    captureCount = captures.count
    self.captures = UnsafeMutablePointer<Box>.allocate(capacity: max(captures.count, 1))
    self.captures.initialize(from: captures, count: captures.count)
  }

  deinit {
    captures.deinitialize(count: captureCount)
    captures.deallocate()
  }

  var doc: String { code.doc }

  /// Runs the body with arguments already in `base[0..<parameters.count]`.
  @inline(__always)
  func run(_ base: UnsafeMutablePointer<Value>) throws(Unwind) -> Value {
    if selfSlot >= 0 { base[selfSlot] = .function(self) }
    if boxCount == 0 {
      // A function without captured locals never touches its box storage.
      let none = UnsafeMutableRawPointer(base).assumingMemoryBound(to: Box?.self)
      return try invoke(Frame(slots: base, boxes: none, captures: captures))
    }
    let boxes = UnsafeMutablePointer<Box?>.allocate(capacity: boxCount)
    boxes.initialize(repeating: nil, count: boxCount)
    defer {
      boxes.deinitialize(count: boxCount)
      boxes.deallocate()
    }
    for (slot, box) in code.boxedParams { boxes[box] = Box(base[slot]) }
    return try invoke(Frame(slots: base, boxes: boxes, captures: captures))
  }

  @inline(__always)
  private func invoke(_ frame: Frame) throws(Unwind) -> Value {
    do {
      return try body(frame)
    } catch {
      if case .returnValue(let v) = error { return v }
      throw error
    }
  }
}
