import Tensors
// The NumPy-like printout: header, alignment, number styles and truncation.
import Testing

@Suite struct DescriptionTests {
  @Test func matrixWithFixedPoint() throws {
    let t = try Tensor([[1, -2.5, 0.125], [4, 5, 6]])
    #expect(
      t.description == """
        tensor [2, 3]
        [[ 1.000  -2.500   0.125]
         [ 4.000   5.000   6.000]]
        """)
  }

  @Test func integersAndHigherRank() throws {
    let t = try Tensor.arange(0, 12).reshaped([2, 2, 3])
    #expect(
      t.description == """
        tensor [2, 2, 3]
        [[[ 0   1   2]
          [ 3   4   5]]

         [[ 6   7   8]
          [ 9  10  11]]]
        """)
  }

  @Test func longAxesAreTruncated() throws {
    #expect(
      try Tensor.arange(0, 100).description == """
        tensor [100]
        [ 0   1   2  …  97  98  99]
        """)
    let lines = try Tensor.zeros([20, 30]).description.split(separator: "\n")
    #expect(lines.count == 1 + 7)
    #expect(lines[1] == "[[0  0  0  …  0  0  0]")
    #expect(lines[4] == " …")
  }

  @Test func scientificAndSpecialValues() {
    #expect(Tensor([1.5e6, -2e-2]).description == "tensor [2]\n[ 1.500e+06  -2.000e-02]")
    #expect(Tensor([0.00001234]).description == "tensor [1]\n[1.234e-05]")
    #expect(
      Tensor([1, .nan, -.infinity, 2.5]).description == "tensor [4]\n[1.000    nan   -inf  2.500]")
    #expect(Tensor([123.456, 0.5]).description == "tensor [2]\n[123.5    0.5]")
  }

  @Test func scalarsAndEmpty() throws {
    #expect(Tensor(scalar: 3.5).description == "tensor []\n3.500")
    #expect(Tensor(scalar: -2).description == "tensor []\n-2")
    #expect(try Tensor.zeros([0, 4]).description == "tensor [0, 4]\n[]")
  }
}
