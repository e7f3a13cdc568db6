import Foundation

/// The store of computed cells: `cells.sqlite` in a folder (`.reproduce-store/` under the output root
/// by default), one row per cell, written in one transaction as soon as the cell is computed.
///
/// SQLite in write-ahead-log mode makes every write atomic and durable against the process being
/// killed at any moment (kill -9 loses at most the cell being computed), lets several processes read
/// and write the same store, and keeps it inspectable (`sqlite3 .reproduce-store/cells.sqlite
/// 'select cell, fingerprint from cells'`). Each row carries a ``Checksum`` of its value, verified on
/// every read: a damaged row is reported with its key and recomputed, never trusted. A row made by
/// other code (another fingerprint) is reported as stale and recomputed, never reused.
///
/// The database is opened on first use and created on first write: a run refused for bad input, or a
/// `show` with nothing stored, leaves no file behind.
public final class CellStore: @unchecked Sendable {
  /// The result of looking a cell up.
  public enum Lookup: Sendable, Equatable {
    /// Stored by the same code, checksum verified.
    case hit(StoredCell)
    /// Nothing stored for the cell.
    case missing
    /// Stored by other code, with this fingerprint.
    case stale(fingerprint: String)
    /// Stored by the same code, but the value fails its checksum or cannot be decoded.
    case corrupt(problem: String)
  }

  /// The schema: the cell (without code) is the primary key; the code fingerprint, the checksum and
  /// the value complete the row; `seconds` is how long the cell took to compute.
  static let schema = """
    CREATE TABLE IF NOT EXISTS cells (
      cell TEXT PRIMARY KEY, experiment TEXT NOT NULL, fingerprint TEXT NOT NULL,
      checksum TEXT NOT NULL, value TEXT NOT NULL, seconds REAL NOT NULL)
    """

  /// The store's folder.
  public let folder: String
  /// The database file.
  public var path: String { folder + "/cells.sqlite" }
  private let lock = NSLock()
  private var connection: SQLiteDatabase?

  /// The store in `folder`; nothing is opened or created yet.
  public init(folder: String) {
    self.folder = folder
  }

  /// The open database; nil when it does not exist and `create` is false.
  func database(create: Bool) throws -> SQLiteDatabase? {
    lock.lock()
    defer { lock.unlock() }
    if let connection { return connection }
    guard create || FileManager.default.fileExists(atPath: path) else { return nil }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw LabError.fileSystem(path: folder, problem: "cannot create the store folder: \(StagedInstall.describe(error))")
    }
    let database = try SQLiteDatabase(path: path)
    do {
      try database.execute("PRAGMA journal_mode=WAL")
      try database.execute("PRAGMA synchronous=NORMAL")
      try database.execute(Self.schema)
    } catch let error as LabError {
      throw LabError.fileSystem(path: path, problem: "is not a usable store (\(error)); delete the folder or run with --no-store")
    }
    connection = database
    return database
  }

  /// Looks `key` up, verifying the checksum and decoding the value.
  public func lookup(_ key: CellKey) throws -> Lookup {
    guard let database = try database(create: false) else { return .missing }
    let rows = try database.execute("SELECT fingerprint, checksum, value FROM cells WHERE cell = ?", [.text(key.cell)])
    guard let row = rows.first else { return .missing }
    let fingerprint = row[0] ?? ""
    guard fingerprint == key.fingerprint else { return .stale(fingerprint: fingerprint) }
    let value = row[2] ?? ""
    let checksum = Checksum.fnv1a(value)
    guard checksum == row[1] else {
      return .corrupt(problem: "checksum \(checksum) of \(value.utf8.count) bytes, stored \(row[1] ?? "none")")
    }
    do { return .hit(try StoredCell(decoding: value, place: "store entry")) } catch { return .corrupt(problem: "\(error)") }
  }

  /// Stores `value` under `key`, replacing any row of the cell (a stale or damaged one).
  public func save(_ value: StoredCell, for key: CellKey, seconds: Double) throws {
    let text = value.encoded
    try database(create: true)!.execute(
      "INSERT OR REPLACE INTO cells (cell, experiment, fingerprint, checksum, value, seconds) VALUES (?, ?, ?, ?, ?, ?)",
      [.text(key.cell), .text(key.experiment), .text(key.fingerprint), .text(Checksum.fnv1a(text)), .text(text), .number(seconds)])
  }

  /// How many cells are stored.
  public func count() throws -> Int {
    guard let database = try database(create: false) else { return 0 }
    return Int(try database.execute("SELECT count(*) FROM cells").first?[0] ?? "0") ?? 0
  }
}
