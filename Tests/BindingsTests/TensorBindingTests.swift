// Tensors from lr: creation, operators, linear algebra, seeding, errors as diagnostics.
import Lang
import Testing
import _TestSupport

@testable import Bindings

/// Runs `code` in a fresh interpreter with the bindings; returns printed text and the
/// last value.
func evaluate(_ code: String, seed: UInt64 = 0) throws -> (printed: String, value: Value?) {
  let sink = CollectingSink()
  let (interpreter, _) = try Library.makeInterpreter(output: sink, seed: seed)
  let value = try interpreter.run(Source(name: "test.lr", text: code))
  let printed = sink.items.compactMap { item -> String? in
    if case .stdout(let s) = item { return s }
    return nil
  }.joined()
  return (printed, value)
}

/// The message of the runtime error `code` raises.
func failure(_ code: String) -> String? {
  do {
    _ = try evaluate(code)
    return nil
  } catch let error as RunFailure {
    return error.diagnostics.first?.message
  } catch {
    return "\(error)"
  }
}

@Suite struct TensorBindingTests {
  @Test func creationAndShape() throws {
    #expect(try evaluate("zeros([2, 3]).shape").value?.quotedDescription == "[2, 3]")
    #expect(try evaluate("eye(3).sum()").value?.asNumber == 3)
    #expect(try evaluate("tensor([[1, 2], [3, 4]]).T.tolist()").value?.quotedDescription == "[[1, 3], [2, 4]]")
    #expect(try evaluate("arange(4).tolist()").value?.quotedDescription == "[0, 1, 2, 3]")
    #expect(try evaluate("linspace(0, 1, 3)[1]").value?.asNumber == 0.5)
  }

  @Test func operatorsBroadcastAndMatmul() throws {
    let v = try evaluate("(tensor([[1, 2], [3, 4]]) @ tensor([1, 1]) + 1).tolist()").value
    #expect(v?.quotedDescription == "[4, 8]")
    #expect(try evaluate("(2 * ones([2, 2]) - 1).sum()").value?.asNumber == 4)
    #expect(try evaluate("(-tensor([1, -2])).tolist()").value?.quotedDescription == "[-1, 2]")
    #expect(try evaluate("tensor([1, 2]) == tensor([1, 2])").value?.asBool == true)
  }

  @Test func indexingAndSlicing() throws {
    #expect(try evaluate("tensor([5, 6, 7])[-1]").value?.asNumber == 7)
    #expect(try evaluate("tensor([5, 6, 7])[1..<3].tolist()").value?.quotedDescription == "[6, 7]")
    #expect(try evaluate("eye(3).cols(0..<2).shape").value?.quotedDescription == "[3, 2]")
    #expect(failure("tensor([1, 2])[5]") == "index 5 out of range for a tensor with 2 rows")
  }

  @Test func svdReconstructsAndEckartYoungHolds() throws {
    let code = """
      let A = randn([8, 6])
      let f = svd(A)
      let err = norm(A - f.U @ diag(f.S) @ f.Vt)
      let A2 = f.U.cols(0..<2) @ diag(f.S[0..<2]) @ f.Vt.rows(0..<2)
      let tail = norm(f.S[2..<6])
      [err, abs(norm(A - A2) - tail)]
      """
    let values = try #require(try evaluate(code).value?.asList?.compactMap(\.asNumber))
    #expect(values.count == 2)
    #expect(values[0] < 1e-4)
    #expect(values[1] < 1e-4)
  }

  @Test func sameSeedSameNumbers() throws {
    let a = try evaluate("randn([3]).tolist()", seed: 7).value?.quotedDescription
    let b = try evaluate("randn([3]).tolist()", seed: 7).value?.quotedDescription
    let c = try evaluate("randn([3]).tolist()", seed: 8).value?.quotedDescription
    #expect(a == b)
    #expect(a != c)
    let reseeded = try evaluate("seed(3)\nlet x = rand([2]).tolist()\nseed(3)\nx == rand([2]).tolist()")
    #expect(reseeded.value?.asBool == true)
  }

  @Test func scalarsReadBackInShortestForm() throws {
    #expect(try evaluate("tensor([0.1])[0]").value?.asNumber == 0.1)
    #expect(try evaluate("print(norm([3, 4]))").printed == "5\n")
  }

  @Test func mathWorksOnNumbersAndTensors() throws {
    #expect(try evaluate("sqrt(16)").value?.asNumber == 4)
    #expect(try evaluate("sqrt(tensor([4, 9])).tolist()").value?.quotedDescription == "[2, 3]")
    #expect(try evaluate("round(3.14159, digits: 2)").value?.asNumber == 3.14)
    #expect(try evaluate("max(3, 7, 5)").value?.asNumber == 7)
    #expect(try evaluate("min([4, 2, 9])").value?.asNumber == 2)
    #expect(try evaluate("max(tensor([1, 8, 3]))").value?.asNumber == 8)
  }

  @Test func badArgumentsReadAlike() {
    #expect(failure("zeros([2, -1])") == "bad argument 'shape' to zeros (expected a shape (a list of non-negative integers), got a list)")
    #expect(failure("svd([1, 2, 3])") == "bad argument 'A' to svd (expected a matrix, got a tensor of shape [3])")
    #expect(failure("tensor([[1, 2], [3]])")?.hasPrefix("a ragged list cannot be a tensor") == true)
    #expect(failure("ones([2, 3]) + ones([4, 3])")?.contains("[2, 3]") == true)
    #expect(failure("tensor(\"abc\")")?.hasPrefix("bad argument 'data' to tensor") == true)
  }
}
