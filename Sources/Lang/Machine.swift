// The execution machinery of one interpreter: the value stack frames live on, the
// call depth, the interrupt switch and a guard against native stack exhaustion.

import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A thread-safe switch another thread flips to stop running *lr* code.
public final class InterruptSwitch: Sendable {
  private let flag = Atomic<Bool>(false)

  init() {}

  /// Requests that the running code stop with the error "interrupted".
  public func fire() { flag.store(true, ordering: .relaxed) }

  var isFired: Bool { flag.load(ordering: .relaxed) }

  func reset() { flag.store(false, ordering: .relaxed) }
}

final class Machine {
  /// Deepest *lr* call nesting. Like CPython's recursion limit, it turns runaway
  /// recursion into an error long before the native stack runs out.
  static let maxCallDepth = 1_000
  /// Slots on the value stack (24 bytes each, reserved lazily by the OS): enough
  /// for `maxCallDepth` calls of functions with a thousand locals each.
  static let stackCapacity = 1 << 20
  /// Native stack kept free below the deepest *lr* call, for natives and printing.
  static let nativeStackReserve = 256 * 1024

  let stack: UnsafeMutablePointer<Value>
  /// The counters every call updates. They live behind a pointer because stored
  /// `var`s of a class pay a dynamic exclusivity check on each access.
  private let state: UnsafeMutablePointer<(top: Int, depth: Int, limit: UInt)>

  /// The first free slot of the value stack.
  var top: Int {
    @inline(__always) get { state.pointee.top }
    @inline(__always) set { state.pointee.top = newValue }
  }

  /// How many *lr* calls are active.
  var depth: Int {
    @inline(__always) get { state.pointee.depth }
    @inline(__always) set { state.pointee.depth = newValue }
  }

  /// Lowest native stack address *lr* calls may reach on the running thread.
  var nativeStackLimit: UInt {
    @inline(__always) get { state.pointee.limit }
    @inline(__always) set { state.pointee.limit = newValue }
  }
  let interruptSwitch = InterruptSwitch()
  /// Methods of the built-in types.
  let methods = MethodTables()
  /// Loads `import`ed modules (owned by the interpreter).
  weak var modules: ModuleLoader?

  init() {
    stack = UnsafeMutablePointer<Value>.allocate(capacity: Machine.stackCapacity)
    state = .allocate(capacity: 1)
    state.initialize(to: (0, 0, 0))
  }

  deinit {
    stack.deinitialize(count: top)
    stack.deallocate()
    state.deallocate()
  }

  /// Prepares for running on the current thread (call when entering from Swift).
  func enterFromSwift() {
    nativeStackLimit = Machine.currentStackLimit()
  }

  /// Fails when the interrupt switch fired, the call depth or the native stack
  /// would be exceeded; called on every call.
  @inline(__always)
  func checkCall(_ range: SourceRange) throws(Unwind) {
    if depth >= Machine.maxCallDepth {
      throw .error("stack overflow: call depth exceeds \(Machine.maxCallDepth)", range)
    }
    if interruptSwitch.isFired { throw interrupted(range) }
    var marker: UInt8 = 0
    let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    if here < nativeStackLimit {
      throw .error("stack overflow: native stack exhausted at call depth \(depth)", range)
    }
  }

  /// The fault for a fired interrupt; re-arms the switch so the next run proceeds.
  func interrupted(_ range: SourceRange) -> Unwind {
    interruptSwitch.reset()
    return .error("interrupted", range)
  }

  /// Reserves `count` slots initialised to nil.
  @inline(__always)
  func push(_ count: Int, _ range: SourceRange) throws(Unwind) -> UnsafeMutablePointer<Value> {
    guard count <= Machine.stackCapacity - top else {
      throw .error("stack overflow: too many local variables in active calls", range)
    }
    let base = stack + top
    base.initialize(repeating: .nil, count: count)
    top += count
    return base
  }

  @inline(__always)
  func pop(_ base: UnsafeMutablePointer<Value>, _ count: Int) {
    for i in 0..<count {
      // Numbers, bools and nil hold no references: skip the outlined destroy.
      switch base[i] {
      case .nil, .bool, .number: continue
      default:
        Disposal.clear(&base[i])
        (base + i).deinitialize(count: 1)
      }
    }
    top &-= count
  }

  /// The lowest address the current thread's stack may safely reach, or 0 when the
  /// platform does not say (then only the call-depth limit applies).
  static func currentStackLimit() -> UInt {
    #if canImport(Glibc)
      // pthread_getattr_np is a GNU extension the Glibc module does not import.
      typealias GetAttr =
        @convention(c) (
          pthread_t, UnsafeMutablePointer<pthread_attr_t>
        ) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else {
        return 0
      }
      let getattr = unsafeBitCast(symbol, to: GetAttr.self)
      var attributes = pthread_attr_t()
      guard getattr(pthread_self(), &attributes) == 0 else { return 0 }
      defer { pthread_attr_destroy(&attributes) }
      var address: UnsafeMutableRawPointer?
      var size = 0
      guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else {
        return 0
      }
      let (limit, overflow) = UInt(bitPattern: address).addingReportingOverflow(
        UInt(nativeStackReserve))
      return overflow ? 0 : limit
    #else
      return 0
    #endif
  }
}
