// The hook that lets a notebook cache store native objects and put globals back.

/// A native object that a notebook cache can write to disk and read back, and whose
/// changes the cache can see.
///
/// The cache restores a cell by putting back the globals whose value the cell changed.
/// It finds them by comparing every global before and after the cell; for a native
/// object, "changed" means another object or a different `cacheFingerprint`. A native
/// that does not adopt this protocol makes every cached cell run (the cache could not
/// see what a cell did to it), so every native type should adopt it, even when it
/// cannot be stored (`cachePayload` then throws and only cells that create one run).
///
///     extension TensorObject: CacheableNative {
///       static var cacheTag: String { "tensor" }
///       var cacheFingerprint: Int { 0 }  // immutable
///       func cachePayload() throws -> [UInt8] { try SafeTensors.encode(["t": tensor]) }
///     }
///     decoders.register("tensor") { bytes in TensorObject(try decodeTensor(bytes)) }
public protocol CacheableNative: NativeObject {
  /// The name the payload is filed under; `NativeDecoders` maps it back to a decoder.
  static var cacheTag: String { get }
  /// A number that differs whenever the object's content has changed in place (a model
  /// after training, a figure after a series was added). Immutable objects return 0; a
  /// content hash or a counter bumped by every mutation both work.
  var cacheFingerprint: Int { get }
  /// The object's content as bytes its decoder reads back to an equal object.
  /// - Throws: an error whose description says why the object cannot be stored.
  func cachePayload() throws -> [UInt8]
}

/// Decoders for cached native payloads, by `cacheTag`. The bindings fill one and hand it
/// to whoever restores values (the notebook kernel).
public struct NativeDecoders {
  /// Rebuilds an object from its payload; throws for bytes it cannot read.
  public typealias Decoder = ([UInt8]) throws -> any NativeObject

  private var decoders: [String: Decoder] = [:]

  /// No decoders: only plain values can be restored.
  public init() {}

  /// Registers (or replaces) the decoder for payloads filed under `tag`.
  public mutating func register(_ tag: String, _ decode: @escaping Decoder) {
    decoders[tag] = decode
  }

  /// The decoder for `tag`, or nil when none is registered.
  public func decoder(for tag: String) -> Decoder? { decoders[tag] }
}

extension Interpreter {
  /// Whether global `name` was declared with `let` (or defined as a constant: natives,
  /// parameters); false for `var` globals and undefined names.
  public func isGlobalConstant(_ name: String) -> Bool {
    globals.existingCell(name)?.isConstant ?? false
  }

  /// Defines global `name` as `let` (constant) or `var`, as a cache restores what a cell
  /// declared: later cells must be able to assign a restored `var`.
  public func restoreGlobal(_ name: String, _ value: Value, constant: Bool) {
    globals.cell(name).define(value, constant: constant)
  }
}
