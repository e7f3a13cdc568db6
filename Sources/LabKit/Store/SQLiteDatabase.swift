import CSQLite
import Foundation

/// A minimal SQLite connection: open, run statements with text and number parameters, read text rows.
/// Only the cell store uses it; every failure is a ``LabError`` naming the database file.
final class SQLiteDatabase: @unchecked Sendable {
  /// `SQLITE_TRANSIENT`: SQLite copies a bound value before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
  let path: String
  private var handle: OpaquePointer?
  /// One connection is not used from two threads at once.
  private let lock = NSLock()

  init(path: String) throws {
    self.path = path
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
    guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
      let problem = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      sqlite3_close(handle)
      throw LabError.fileSystem(path: path, problem: "cannot open the store: \(problem)")
    }
    sqlite3_busy_timeout(handle, 10_000)
  }

  deinit { sqlite3_close(handle) }

  /// A bound value.
  enum Value {
    case text(String)
    case number(Double)
  }

  /// Runs `sql` with `arguments` bound to its `?` placeholders and returns every row, each column as
  /// text (NULL as nil).
  @discardableResult
  func execute(_ sql: String, _ arguments: [Value] = []) throws -> [[String?]] {
    lock.lock()
    defer { lock.unlock() }
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw failure(sql) }
    defer { sqlite3_finalize(statement) }
    for (index, argument) in arguments.enumerated() {
      switch argument {
      case .text(let text): sqlite3_bind_text(statement, Int32(index + 1), text, -1, Self.transient)
      case .number(let x): sqlite3_bind_double(statement, Int32(index + 1), x)
      }
    }
    var rows: [[String?]] = []
    while true {
      let status = sqlite3_step(statement)
      if status == SQLITE_DONE { return rows }
      guard status == SQLITE_ROW else { throw failure(sql) }
      rows.append(
        (0..<sqlite3_column_count(statement)).map { column in
          sqlite3_column_text(statement, column).map { String(cString: $0) }
        })
    }
  }

  private func failure(_ sql: String) -> LabError {
    let message = String(cString: sqlite3_errmsg(handle))
    return LabError.fileSystem(path: path, problem: "store query failed (\(message)): \(sql.prefix(60))")
  }
}
