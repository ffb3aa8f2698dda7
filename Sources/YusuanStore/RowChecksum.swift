import Foundation
import GRDB
import YusuanCore

/// A checksum of a cache row's payload, stored in the row and verified on reading it: a
/// flipped bit in a message or an amount is a bad row, read again from its file, never served.
enum RowChecksum {
    static func of(_ values: [DatabaseValue]) -> String {
        var text = ""
        for v in values {
            switch v.storage {
            case .null: text += "\u{0}"
            case .int64(let i): text += "i\(i)"
            case .double(let d): text += "d\(d.bitPattern)"
            case .string(let s): text += "s\(s.utf8.count):\(s)"
            case .blob(let b): text += "b\(ContentHash.of(b))"
            }
            text += "\u{1F}"
        }
        return ContentHash.of(Data(text.utf8))
    }

    static func of(_ arguments: [(any DatabaseValueConvertible)?]) -> String {
        of(arguments.map { $0?.databaseValue ?? .null })
    }

    /// A row read as `payload…, checksum`: whether the last column is the checksum of the rest.
    static func verify(_ row: GRDB.Row) -> Bool {
        let values = Array(row.databaseValues)
        guard let stored = String.fromDatabaseValue(values[values.count - 1]) else { return false }
        return of(Array(values.dropLast())) == stored
    }
}
