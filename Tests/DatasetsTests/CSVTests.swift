// CSV files and the bundled UCI digits: headers, label columns, quotes, hostile text.
import Foundation
import Tensors
import Testing

@testable import Datasets

@Suite struct CSVTests {
  @Test func uciDigitsAreBundledAndReal() throws {
    let digits = try UCIDigits.load()
    #expect(digits.inputs.shape == [1797, 1, 8, 8])
    #expect(digits.classNames == (0..<10).map(String.init))
    #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    #expect(try digits.inputs.max() == 1)
    #expect(try digits.inputs.min() == 0)
    #expect(digits.labels.prefix(5) == [0, 1, 2, 3, 4])
  }

  @Test func headerLabelNamesAndTextClasses() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let url = try scratch.write(
      "length,species,width\r\n1.5,\"virginica\",2\r\n\r\n0.5,setosa,1e1\n2,\"setosa\",-3\n",
      to: "iris.csv")
    let iris = try CSV.load(url, label: .name("species"))
    #expect(iris.name == "iris")
    #expect(iris.inputs == (try Tensor([[1.5, 2], [0.5, 10], [2, -3]])))
    #expect(iris.classNames == ["setosa", "virginica"])
    #expect(iris.labels == [1, 0, 0])
    let byIndex = try CSV.load(url, label: .index(1))
    #expect(byIndex.labels == iris.labels)
  }

  @Test func noHeaderSemicolonsAndRegressionTargets() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let url = try scratch.write("1;2;0\n3;4;1\n5;6;2\n", to: "plain.csv")
    let d = try CSV.load(url)
    #expect(d.inputs.shape == [3, 2])
    #expect(d.labels == [0, 1, 2])
    let r = try CSV.load(url, targets: [.index(0), .index(-1)])
    #expect(r.inputs.scalars == [2, 4, 6])
    #expect(r.targets == (try Tensor([[1, 0], [3, 1], [5, 2]])))
    let gz = try scratch.write(try gzip(Array("1,2,0\n3,4,1\n".utf8)), to: "plain.csv.gz")
    #expect(try CSV.load(gz).inputs == (try Tensor([[1, 2], [3, 4]])))
  }

  @Test func badFilesNameTheFileAndLine() throws {
    let scratch = try Scratch()
    defer { scratch.cleanUp() }
    let cases: [(String, String, CSV.Column, String)] = [
      ("ragged", "1,2,0\n3,0\n", .index(-1), ":2: has 2 fields, the first row has 3"),
      ("text", "a,b,label\n1,2,0\n3,x,1\n", .index(-1), ":3: column 'b' is not a number: 'x'"),
      (
        "fraction", "1,0.5\n2,1\n", .index(-1),
        ":1: label '0.5' is not a class number (use targets: for regression)"
      ),
      ("quote", "1,\"open\n", .index(-1), ":1: a quoted field is never closed"),
      ("empty", "\n\n", .index(-1), ": holds no rows"),
      ("column", "1,2\n", .index(5), ": has 2 columns, so column 5 does not exist"),
      ("name", "a,b\n1,2\n", .name("c"), ": has no column 'c' (columns: a, b)"),
    ]
    for (name, text, label, expected) in cases {
      let url = try scratch.write(text, to: "\(name).csv")
      let message = failure { try CSV.load(url, label: label) } ?? "no error"
      #expect(message == "\(url.path)\(expected)", "\(name)")
    }
    let binary = try scratch.write([0xFF, 0xFE, 0x00, 0x41], to: "binary.csv")
    #expect(failure { try CSV.load(binary) } == "\(binary.path): is not UTF-8 text")
    #expect(
      failure { try CSV.load(scratch.url.appendingPathComponent("none.csv")) }?.hasSuffix(
        "none.csv: no such file") == true)
  }
}
