// The message of the error a closure throws, so tests can compare error text exactly.

/// The `String(describing:)` of the error `body` throws, or nil when it returns normally.
///
/// ```swift
/// #expect(thrownMessage { try a.matmul(b) } == "matmul: shapes [3, 4] and [5, 2] are …")
/// ```
public func thrownMessage<T>(_ body: () throws -> T) -> String? {
  do {
    _ = try body()
    return nil
  } catch {
    return String(describing: error)
  }
}
