/// A minibatch of 0/1 inputs (one-hot observations) kept as the columns that hold a one: row r's ones are
/// at `columns[starts[r] ..< starts[r + 1]]`, in the order given (each column at most once per row).
///
/// ``DenseNetwork/forward(binary:threads:)`` multiplies such rows by the first layer by adding the weight
/// columns of the ones, z_o = b_o + Σ_{k ∈ ones(r)} W_{o,k}: a one-hot window of 363 numbers with about
/// 40 ones costs about 40·m additions instead of 363·m multiply-adds. The sums run in the order of the
/// ones, so they are not the bytes of the dense product (whose order is OpenBLAS's); they are the same
/// whatever the threads.
public struct BinaryRows: Sendable, Equatable {
  /// The width of a dense row (the network's input size).
  public let width: Int
  public private(set) var columns: [Int32] = []
  public private(set) var starts: [Int] = [0]

  /// Empty rows of `width`, with room for `capacity` ones.
  public init(width: Int, capacity: Int = 0) {
    self.width = width
    columns.reserveCapacity(capacity)
  }

  public var rows: Int { starts.count - 1 }
  /// Ones in all rows.
  public var ones: Int { columns.count }

  /// Appends a row with ones at `ones` (each in 0 ..< width).
  public mutating func append<C: Collection>(_ ones: C) where C.Element == Int {
    for k in ones {
      precondition(k >= 0 && k < width, "BinaryRows: column \(k) outside 0 ..< \(width)")
      columns.append(Int32(k))
    }
    starts.append(columns.count)
  }

  /// Appends a row of one-hot cell codes (``ObservationStorage/oneHot(cells:channels:)``): code c ≥ 1 at
  /// cell j is a one at column (c − 1)·cells + j, in cell order.
  public mutating func appendCodes(_ codes: UnsafePointer<UInt8>, cells: Int) {
    for j in 0..<cells where codes[j] != 0 { columns.append(Int32((Int(codes[j]) - 1) * cells + j)) }
    starts.append(columns.count)
  }

  /// The dense rows (`rows × width`).
  public var dense: [Double] {
    var out = [Double](repeating: 0, count: rows * width)
    for r in 0..<rows { for n in starts[r]..<starts[r + 1] { out[r * width + Int(columns[n])] = 1 } }
    return out
  }
}
